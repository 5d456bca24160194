package org.cometmq.dashboard.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The UI's files from the classpath: {@code /} and {@code /ui/*} from {@code dashboard/ui/}, {@code /webjars/*} from
 * the webjars' {@code META-INF/resources/webjars/}. Paths that climb out ({@code ..}) are not served.
 */
public final class StaticResources {
    private static final Map<String, String> TYPES = Map.of(
        "html", "text/html; charset=utf-8",
        "js", "text/javascript; charset=utf-8",
        "css", "text/css; charset=utf-8",
        "svg", "image/svg+xml",
        "png", "image/png",
        "json", "application/json; charset=utf-8");

    private final ClassLoader loader;

    public StaticResources(ClassLoader loader) {
        this.loader = loader;
    }

    /** The file for a GET of this path, or null when there is none. */
    public HttpReply find(String path) throws IOException {
        String resource = resourceFor(path);
        if (resource == null) {
            return null;
        }
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            String extension = resource.substring(resource.lastIndexOf('.') + 1);
            return new HttpReply(200, TYPES.getOrDefault(extension, "application/octet-stream"), in.readAllBytes(),
                Map.of("Cache-Control", "no-cache"));
        }
    }

    static String resourceFor(String path) {
        if (path.contains("..") || path.contains("\\")) {
            return null;
        }
        if (path.equals("/") || path.equals("/index.html")) {
            return "dashboard/ui/index.html";
        }
        if (path.startsWith("/ui/") && path.length() > 4) {
            return "dashboard/ui/" + path.substring(4);
        }
        if (path.startsWith("/webjars/") && path.length() > 9) {
            return "META-INF/resources/webjars/" + path.substring(9);
        }
        return null;
    }
}
