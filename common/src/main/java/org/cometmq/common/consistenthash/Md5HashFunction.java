package org.cometmq.common.consistenthash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The ring hash RocketMQ clients agree on: the first four bytes of the MD5 digest of the key's bytes, read as an
 * unsigned big-endian number. Clients of both implementations must compute the same positions to share a group.
 */
public final class Md5HashFunction implements HashFunction {

    @Override
    public long hash(String key) {
        byte[] digest = md5().digest(key.getBytes(StandardCharsets.UTF_8));
        long h = 0;
        for (int i = 0; i < 4; i++) {
            h = (h << 8) | (digest[i] & 0xFF);
        }
        return h;
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java runtime", e);
        }
    }
}
