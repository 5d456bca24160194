package org.cometmq.acl.common;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
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

    /**
     * Compares two signatures in time independent of where they differ; null never matches. Compares the chars, which
     * for Base64 text is what comparing their UTF-8 bytes does, without encoding either string per request.
     */
    public static boolean signaturesEqual(String expected, String actual) {
        if (expected == null || actual == null || expected.length() != actual.length()) {
            return false;
        }
        int difference = 0;
        for (int i = 0; i < expected.length(); i++) {
            difference |= expected.charAt(i) ^ actual.charAt(i);
        }
        return difference == 0;
    }

    /** One thread's Mac (keyed with the last secret it used) and buffers for the signed header values. */
    private static final class ThreadSigner {
        private static final int MAX_KEPT_BUFFER = 64 * 1024;
        private static final Comparator<Map.Entry<String, String>> BY_KEY = Map.Entry.comparingByKey();
        private final Mac mac;
        private String keyedWith;
        @SuppressWarnings("unchecked")
        private Map.Entry<String, String>[] entries = new Map.Entry[32];
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
            int count = sortedEntries(fields, skipKey);
            int length = 0;
            for (int i = 0; i < count; i++) {
                String value = String.valueOf(entries[i].getValue());
                if (length + value.length() > ascii.length) {
                    ascii = Arrays.copyOf(ascii, Math.max(ascii.length * 2, length + value.length()));
                }
                for (int c = 0; c < value.length(); c++) {
                    char ch = value.charAt(c);
                    if (ch >= 0x80) {
                        updateAsOneString(mac, count);
                        return;
                    }
                    ascii[length++] = (byte) ch;
                }
            }
            mac.update(ascii, 0, length);
            if (ascii.length > MAX_KEPT_BUFFER) {
                ascii = new byte[1024];
            }
            Arrays.fill(entries, 0, count, null);
        }

        /** Values with non-ASCII text are joined first, so surrogate pairs split across values encode as 4.9.7's. */
        private void updateAsOneString(Mac mac, int count) {
            StringBuilder joined = new StringBuilder(256);
            for (int i = 0; i < count; i++) {
                joined.append(entries[i].getValue());
            }
            mac.update(joined.toString().getBytes(StandardCharsets.UTF_8));
            Arrays.fill(entries, 0, count, null);
        }

        /** The signed entries in key order; entries, not keys, so no value is looked up again by its key. */
        private int sortedEntries(Map<String, String> fields, String skipKey) {
            if (entries.length < fields.size()) {
                @SuppressWarnings("unchecked")
                Map.Entry<String, String>[] grown = new Map.Entry[fields.size() * 2];
                entries = grown;
            }
            int count = 0;
            for (Map.Entry<String, String> entry : fields.entrySet()) {
                String key = entry.getKey();
                if (!AclConstants.SIGNATURE.equals(key) && !key.equals(skipKey)) {
                    entries[count++] = entry;
                }
            }
            Arrays.sort(entries, 0, count, BY_KEY);
            return count;
        }
    }
}
