package org.cometmq.remoting.metrics;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import java.io.IOException;

/**
 * One server's metrics registry (with the JVM's own metrics) and the HTTP server that answers
 * {@code GET /metrics} from it in the Prometheus text format. Values are read from the registry's collectors
 * when a scrape arrives, on the HTTP server's threads.
 */
public final class PrometheusExporter implements AutoCloseable {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Labels constLabels;
    private volatile HTTPServer server;

    /** {@code constLabels} go on every metric of this server (cluster, node_type, node_id). */
    public PrometheusExporter(Labels constLabels) {
        this.constLabels = constLabels;
        JvmMetrics.builder().constLabels(constLabels).register(registry);
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    public Labels constLabels() {
        return constLabels;
    }

    /** Serves {@code /metrics} on {@code host:port}; a blank host binds every interface. */
    public void start(String host, int port) throws IOException {
        HTTPServer.Builder builder = HTTPServer.builder().port(port).registry(registry);
        if (host != null && !host.isBlank()) {
            builder.hostname(host);
        }
        server = builder.buildAndStart();
    }

    /** The bound port, or -1 before {@link #start}. */
    public int port() {
        HTTPServer current = server;
        return current == null ? -1 : current.getPort();
    }

    @Override
    public void close() {
        HTTPServer current = server;
        if (current != null) {
            current.close();
            server = null;
        }
    }
}
