package org.cometmq.common.protocol.route;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The "standard" JSON form of route and cluster bodies: every map key quoted (so {@code Map<Long, String>}
 * becomes {@code {"0":"..."}}) and map entries sorted. It is strict JSON, which every client parses, and the
 * 4.9.7 Java client turns the quoted keys back into numbers.
 */
public final class StandardJson {
    private static final JSONWriter.Feature[] FEATURES = {
        JSONWriter.Feature.WriteNonStringKeyAsString,
        JSONWriter.Feature.SortMapEntriesByKeys,
        JSONWriter.Feature.WriteEnumsUsingName
    };

    private StandardJson() {
    }

    public static String toJson(Object obj) {
        return obj == null ? null : JSON.toJSONString(obj, FEATURES);
    }

    public static byte[] encode(Object obj) {
        return obj == null ? null : JSON.toJSONBytes(obj, StandardCharsets.UTF_8, FEATURES);
    }

    /**
     * The standard form in pure ASCII, as the 4.9.7 name server writes routes for clients from 4.9.4 on (fastjson's
     * BrowserCompatible): inside strings every character from DEL (0x7F) up becomes a backslash-u escape with
     * upper-case hex, control-character escapes use upper-case hex too, and '/' is written backslash-slash.
     */
    public static byte[] encodeBrowserCompatible(Object obj) {
        return obj == null ? null : escapeBrowserCompatible(toJson(obj)).getBytes(StandardCharsets.US_ASCII);
    }

    /** Rewrites JSON text; '/' and characters from 0x7F up can only stand inside strings, so no parsing is needed. */
    static String escapeBrowserCompatible(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\\') {
                // copy an existing escape whole, so an escaped backslash is never read as the start of another
                char next = json.charAt(++i);
                out.append(c).append(next);
                if (next == 'u') {
                    out.append(json.substring(i + 1, i + 5).toUpperCase(Locale.ROOT));
                    i += 4;
                }
            } else if (c == '/') {
                out.append("\\/");
            } else if (c >= 0x7F) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
