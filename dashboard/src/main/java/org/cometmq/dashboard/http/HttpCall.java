package org.cometmq.dashboard.http;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONException;
import com.alibaba.fastjson2.JSONObject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One HTTP request as a handler sees it: method, path, path and query parameters, cookies and the body. */
public final class HttpCall {
    private final String method;
    private final String path;
    private final Map<String, List<String>> query;
    private final Map<String, String> cookies;
    private final byte[] body;
    private Map<String, String> pathParams = Map.of();

    public HttpCall(String method, String path, Map<String, List<String>> query, Map<String, String> cookies,
                    byte[] body) {
        this.method = method;
        this.path = path;
        this.query = query;
        this.cookies = cookies;
        this.body = body;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    void bindPathParams(Map<String, String> params) {
        this.pathParams = new HashMap<>(params);
    }

    /** A {@code {name}} segment of the route that matched. */
    public String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalStateException("route has no path parameter " + name);
        }
        return value;
    }

    /** A query parameter, or null when absent or blank. */
    public String query(String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            return null;
        }
        return values.get(0).trim();
    }

    /** A query parameter that must be present: its absence is the caller's error (HTTP 400). */
    public String requiredQuery(String name) {
        String value = query(name);
        if (value == null) {
            throw new BadRequestException("query parameter '" + name + "' is required");
        }
        return value;
    }

    public long queryLong(String name, long fallback) {
        String value = query(name);
        return value == null ? fallback : parseLong(name, value);
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    /** The body as a JSON object; an empty body is an empty object. */
    public JSONObject jsonBody() {
        if (body.length == 0) {
            return new JSONObject();
        }
        try {
            JSONObject parsed = JSON.parseObject(new String(body, StandardCharsets.UTF_8));
            return parsed == null ? new JSONObject() : parsed;
        } catch (JSONException e) {
            throw new BadRequestException("the request body is not a JSON object: " + e.getMessage());
        }
    }

    /** A string field of the JSON body that must be present and not blank. */
    public static String requiredField(JSONObject body, String field) {
        String value = body.getString(field);
        if (value == null || value.isBlank()) {
            throw new BadRequestException("field '" + field + "' is required");
        }
        return value.trim();
    }

    static long parseLong(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadRequestException("'" + name + "' must be a whole number, not '" + value + "'");
        }
    }
}
