package org.cometmq.acl.common;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HmacSHA1 signatures as RocketMQ 4.9 computes them: key = secret as UTF-8, result standard Base64.
 *
 * <p>Every request is signed (client) or checked (server), so the work per request is kept small: each thread keeps
 * one {@link Mac}, re-keyed only when the secret changes ({@code Mac.getInstance} looks up providers and costs more
 * than the HMAC of a small message), and {@link #calSignature(Map, String, byte[], String)} feeds the header values
 * and the body to the HMAC directly instead of first copying them into one array.
 */
public final class AclSigner {
    public static final String ALGORITHM = "HmacSHA1";

    private static final ThreadLocal<ThreadSigner> SIGNERS = ThreadLocal.withInitial(ThreadSigner::new);

    private AclSigner() {
    }

    /** Base64 of HmacSHA1({@code secretKey}, {@code data}). */
    public static String calSignature(byte[] data, String secretKey) {
        Mac mac = SIGNERS.get().mac(secretKey);
        return Base64.getEncoder().encodeToString(mac.doFinal(data));
    }

    /**
     * The signature of a request's header fields and body, equal to
     * {@code calSignature(AclUtils.combineRequestContent(new TreeMap<>(fields) without skipped keys, body), secretKey)}:
     * the values in key order, as UTF-8, then the body. {@code Signature} and {@code skipKey} (may be null) are left
     * out.
     */
    public static String calSignature(Map<String, String> fields, String skipKey, byte[] body, String secretKey) {
        ThreadSigner signer = SIGNERS.get();
        Mac mac = signer.mac(secretKey);
        signer.updateWithValues(mac, fields, skipKey);
        if (body != null) {
            mac.update(body);
        }
        return Base64.getEncoder().encodeToString(mac.doFinal());
    }

    /** Compares two signatures in time independent of where they differ; null never matches. */
    public static boolean signaturesEqual(String expected, String actual) {
        if (expected == null || actual == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    /** One thread's Mac (keyed with the last secret it used) and buffers for the signed header values. */
    private static final class ThreadSigner {
        private static final int MAX_KEPT_BUFFER = 64 * 1024;
        private final Mac mac;
        private String keyedWith;
        private String[] keys = new String[32];
        private byte[] ascii = new byte[1024];

        ThreadSigner() {
            try {
                mac = Mac.getInstance(ALGORITHM);
            } catch (GeneralSecurityException e) {
                throw new AclException("cannot compute the " + ALGORITHM + " signature: " + e.getMessage(), e);
            }
        }

        Mac mac(String secretKey) {
            if (!secretKey.equals(keyedWith)) {
                try {
                    mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), ALGORITHM));
                } catch (InvalidKeyException e) {
                    keyedWith = null;
                    throw new AclException("cannot compute the " + ALGORITHM + " signature: " + e.getMessage(), e);
                }
                keyedWith = secretKey;
            } else {
                mac.reset();
            }
            return mac;
        }

        /** Feeds the values of {@code fields} in key order; a null value counts as the text "null", as 4.9.7's. */
        void updateWithValues(Mac mac, Map<String, String> fields, String skipKey) {
            if (fields == null || fields.isEmpty()) {
                return;
            }
            int count = sortedKeys(fields, skipKey);
            int length = 0;
            for (int i = 0; i < count; i++) {
                String value = String.valueOf(fields.get(keys[i]));
                if (length + value.length() > ascii.length) {
                    ascii = Arrays.copyOf(ascii, Math.max(ascii.length * 2, length + value.length()));
                }
                for (int c = 0; c < value.length(); c++) {
                    char ch = value.charAt(c);
                    if (ch >= 0x80) {
                        updateAsOneString(mac, fields, count);
                        return;
                    }
                    ascii[length++] = (byte) ch;
                }
            }
            mac.update(ascii, 0, length);
            if (ascii.length > MAX_KEPT_BUFFER) {
                ascii = new byte[1024];
            }
            Arrays.fill(keys, 0, count, null);
        }

        /** Values with non-ASCII text are joined first, so surrogate pairs split across values encode as 4.9.7's. */
        private void updateAsOneString(Mac mac, Map<String, String> fields, int count) {
            StringBuilder joined = new StringBuilder(256);
            for (int i = 0; i < count; i++) {
                joined.append(fields.get(keys[i]));
            }
            mac.update(joined.toString().getBytes(StandardCharsets.UTF_8));
            Arrays.fill(keys, 0, count, null);
        }

        private int sortedKeys(Map<String, String> fields, String skipKey) {
            if (keys.length < fields.size()) {
                keys = new String[fields.size() * 2];
            }
            int count = 0;
            for (String key : fields.keySet()) {
                if (!AclConstants.SIGNATURE.equals(key) && !key.equals(skipKey)) {
                    keys[count++] = key;
                }
            }
            Arrays.sort(keys, 0, count);
            return count;
        }
    }
}
