package org.cometmq.acl.common;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HmacSHA1 signatures as RocketMQ 4.9 computes them: key = secret as UTF-8, result standard Base64. */
public final class AclSigner {
    public static final String ALGORITHM = "HmacSHA1";

    private AclSigner() {
    }

    /** Base64 of HmacSHA1({@code secretKey}, {@code data}). */
    public static String calSignature(byte[] data, String secretKey) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return Base64.getEncoder().encodeToString(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new AclException("cannot compute the " + ALGORITHM + " signature: " + e.getMessage(), e);
        }
    }

    /** Compares two signatures in time independent of where they differ; null never matches. */
    public static boolean signaturesEqual(String expected, String actual) {
        if (expected == null || actual == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }
}
