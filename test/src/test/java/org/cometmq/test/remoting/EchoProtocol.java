package org.cometmq.test.remoting;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The small request/response exchange both echo processors implement, identically on either stack:
 * the response carries code SUCCESS, remark {@code "echo " + text}, the request's header fields unchanged and
 * the request body reversed.
 */
final class EchoProtocol {
    /** Answered with an echo. */
    static final int ECHO = 3001;
    /** Counted, never answered (sent oneway). */
    static final int ONEWAY_NOTE = 3002;
    /** Registered nowhere. */
    static final int UNKNOWN = 3999;

    static final int NUMBER = -123_456_789;
    static final long BIG = Long.MAX_VALUE - 12_345L;
    static final boolean FLAG = true;

    private EchoProtocol() {
    }

    /** A per-call header text, with non-ASCII characters to check the UTF-8 round trip. */
    static String uniqueText(String what) {
        return what + "-h\u00e9llo-\u4e16\u754c-" + System.nanoTime();
    }

    /** A body with every byte value, so nothing is lost to charset or sign handling. */
    static byte[] sampleBody() {
        byte[] body = new byte[300];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) i;
        }
        return body;
    }

    static byte[] reversed(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[bytes.length - 1 - i];
        }
        return out;
    }

    static String remarkFor(String text) {
        return "echo " + text;
    }

    /** The extFields a request with {@code text} and the sample values carries on the wire. */
    static Map<String, String> expectedExtFields(String text) {
        return Map.of("text", text, "number", Integer.toString(NUMBER), "big", Long.toString(BIG),
            "flag", Boolean.toString(FLAG));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
