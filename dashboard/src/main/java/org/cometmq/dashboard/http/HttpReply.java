package org.cometmq.dashboard.http;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: status, content type, body bytes and extra headers. */
public record HttpReply(int status, String contentType, byte[] body, Map<String, String> headers) {
    public static final String JSON_TYPE = "application/json; charset=utf-8";

    public static HttpReply json(Object value) {
        return json(200, value);
    }

    public static HttpReply json(int status, Object value) {
        byte[] bytes = JSON.toJSONString(value, JSONWriter.Feature.WriteMapNullValue)
            .getBytes(StandardCharsets.UTF_8);
        return new HttpReply(status, JSON_TYPE, bytes, Map.of());
    }

    /** An error the UI shows as it is: {@code {"error": message}}. */
    public static HttpReply error(int status, String message) {
        return json(status, Map.of("error", message == null ? "failed" : message));
    }

    public static HttpReply ok() {
        return json(Map.of("ok", true));
    }

    public HttpReply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpReply(status, contentType, body, more);
    }
}
