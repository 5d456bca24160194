package org.cometmq.namesrv.metrics;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import java.io.IOException;
import java.util.concurrent.ThreadPoolExecutor;
import org.cometmq.common.metrics.MetricsExporterType;
import org.cometmq.common.namesrv.NamesrvConfig;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.remoting.RemotingServer;
import org.cometmq.remoting.metrics.CodeNames;
import org.cometmq.remoting.metrics.PrometheusExporter;
import org.cometmq.remoting.metrics.RpcLatencyMetrics;
import org.cometmq.remoting.netty.NettyServerConfig;
import org.cometmq.remoting.protocol.RemotingSysResponseCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The name server's {@code /metrics} with {@code metricsExporterType=PROM}: {@code rocketmq_rpc_latency} per
 * request and response code, {@code rocketmq_processor_watermark} of its request queue, and the JVM's metrics,
 * labelled {@code node_type=nameserver} and {@code node_id=<bind address>:<listen port>}.
 */
public final class NamesrvMetricsManager {
    public static final String NODE_TYPE_NAMESERVER = "nameserver";
    private static final Logger log = LoggerFactory.getLogger(NamesrvMetricsManager.class);

    private final NamesrvConfig config;
    private final PrometheusExporter exporter;

    private NamesrvMetricsManager(NamesrvConfig config, PrometheusExporter exporter) {
        this.config = config;
        this.exporter = exporter;
    }

    /** Registers the metrics once the server and its executor exist; a no-op manager unless PROM. */
    public static NamesrvMetricsManager create(NamesrvConfig config, NettyServerConfig serverConfig,
                                               RemotingServer server, ThreadPoolExecutor requestExecutor) {
        if (config.getMetricsExporterType() != MetricsExporterType.PROM) {
            return new NamesrvMetricsManager(config, null);
        }
        PrometheusExporter exporter = new PrometheusExporter(Labels.of("node_type", NODE_TYPE_NAMESERVER,
            "node_id", serverConfig.getBindAddress() + ":" + serverConfig.getListenPort()));
        PrometheusRegistry registry = exporter.registry();
        server.setRequestObserver(new RpcLatencyMetrics(registry, exporter.constLabels(),
            CodeNames.of(RequestCode.class), CodeNames.of(RemotingSysResponseCode.class, ResponseCode.class)));
        GaugeWithCallback.builder().name("rocketmq_processor_watermark").help("Requests queued per processor")
            .constLabels(exporter.constLabels()).labelNames("processor")
            .callback(cb -> cb.call(requestExecutor.getQueue().size(), "default")).register(registry);
        return new NamesrvMetricsManager(config, exporter);
    }

    /** Serves {@code /metrics} on {@code metricsPromExporterHost} (blank: every interface) and its port. */
    public void start() throws IOException {
        if (exporter == null) {
            return;
        }
        exporter.start(config.getMetricsPromExporterHost(), config.getMetricsPromExporterPort());
        log.info("metrics served on port {} at /metrics", exporter.port());
    }

    public void shutdown() {
        if (exporter != null) {
            exporter.close();
        }
    }
}
