package org.cometmq.common.protocol.route;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONWriter;
import java.nio.charset.StandardCharsets;

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
}
