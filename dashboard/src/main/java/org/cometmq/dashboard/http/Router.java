package org.cometmq.dashboard.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Maps a method and a path such as {@code /api/topics/{topic}/route} to its handler. */
public final class Router {
    /** Answers one matched request. */
    @FunctionalInterface
    public interface Handler {
        HttpReply handle(HttpCall call) throws Exception;
    }

    /** The outcome of a lookup: a handler with its path parameters, or why there is none. */
    public record Match(Handler handler, Map<String, String> params, int status) {
        public boolean found() {
            return handler != null;
        }
    }

    private record Route(String method, String[] segments, Handler handler) {
    }

    private final List<Route> routes = new ArrayList<>();

    public Router get(String pattern, Handler handler) {
        return add("GET", pattern, handler);
    }

    public Router post(String pattern, Handler handler) {
        return add("POST", pattern, handler);
    }

    public Router put(String pattern, Handler handler) {
        return add("PUT", pattern, handler);
    }

    public Router delete(String pattern, Handler handler) {
        return add("DELETE", pattern, handler);
    }

    private Router add(String method, String pattern, Handler handler) {
        routes.add(new Route(method, split(pattern), handler));
        return this;
    }

    /** Finds the handler; a path known only under other methods is 405, an unknown path 404. */
    public Match match(String method, String path) {
        String[] segments = split(path);
        boolean pathKnown = false;
        for (Route route : routes) {
            Map<String, String> params = bind(route.segments, segments);
            if (params == null) {
                continue;
            }
            if (route.method.equals(method)) {
                return new Match(route.handler, params, 200);
            }
            pathKnown = true;
        }
        return new Match(null, Map.of(), pathKnown ? 405 : 404);
    }

    private static Map<String, String> bind(String[] pattern, String[] segments) {
        if (pattern.length != segments.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String expected = pattern[i];
            if (expected.startsWith("{") && expected.endsWith("}")) {
                params.put(expected.substring(1, expected.length() - 1),
                    URLDecoder.decode(segments[i].replace("+", "%2B"), StandardCharsets.UTF_8));
            } else if (!expected.equals(segments[i])) {
                return null;
            }
        }
        return params;
    }

    private static String[] split(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
    }
}
