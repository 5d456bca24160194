package org.cometmq.broker.metrics;

import static org.cometmq.broker.metrics.BrokerMetricsConstant.LABEL_CLUSTER_NAME;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.LABEL_NODE_ID;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.LABEL_NODE_TYPE;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.NODE_TYPE_BROKER;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadPoolExecutor;
import org.cometmq.broker.BrokerController;
import org.cometmq.broker.util.BrokerExecutors;
import org.cometmq.common.BrokerConfig;
import org.cometmq.common.metrics.MetricsExporterType;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.remoting.metrics.CodeNames;
import org.cometmq.remoting.metrics.PrometheusExporter;
import org.cometmq.remoting.metrics.RpcLatencyMetrics;
import org.cometmq.remoting.protocol.RemotingSysResponseCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's metrics with {@code metricsExporterType=PROM}: registers every metric (labels {@code cluster},
 * {@code node_type=broker}, {@code node_id=brokerName} on each, as RocketMQ 5), hooks the counters into the
 * traffic stats and the request dispatcher, and serves {@code /metrics}. With DISABLE it does nothing at all.
 */
public final class BrokerMetricsManager {
    private static final Logger log = LoggerFactory.getLogger(BrokerMetricsManager.class);

    private final BrokerConfig config;
    private final PrometheusExporter exporter;

    private BrokerMetricsManager(BrokerConfig config, PrometheusExporter exporter) {
        this.config = config;
        this.exporter = exporter;
    }

    /** Registers the metrics of an initialized broker; no-op manager when the exporter type is DISABLE. */
    public static BrokerMetricsManager create(BrokerController controller, BrokerExecutors executors) {
        BrokerConfig config = controller.getBrokerConfig();
        if (config.getMetricsExporterType() != MetricsExporterType.PROM) {
            return new BrokerMetricsManager(config, null);
        }
        PrometheusExporter exporter = new PrometheusExporter(Labels.of(LABEL_CLUSTER_NAME,
            config.getBrokerClusterName(), LABEL_NODE_TYPE, NODE_TYPE_BROKER, LABEL_NODE_ID, config.getBrokerName()));
        register(controller, executors, exporter);
        return new BrokerMetricsManager(config, exporter);
    }

    private static void register(BrokerController controller, BrokerExecutors executors, PrometheusExporter exporter) {
        PrometheusRegistry registry = exporter.registry();
        Labels labels = exporter.constLabels();
        PullOffsets pullOffsets = new PullOffsets();
        controller.getStatsManager().setTrafficObserver(new TrafficMetrics(registry, labels, pullOffsets));
        controller.getRemotingServer().setRequestObserver(new RpcLatencyMetrics(registry, labels,
            CodeNames.of(RequestCode.class), CodeNames.of(RemotingSysResponseCode.class, ResponseCode.class)));
        registry.register(new ConsumerLagCollector(new ConsumerLagCalculator(controller.getConsumerOffsetManager(),
            controller.getMessageStore(), pullOffsets, controller.getClock()), labels));
        registry.register(new StoreMetricsCollector(controller.getMessageStore(), labels, controller.getClock()));
        BrokerGauges.registerWatermarks(registry, labels, processorQueues(executors));
        BrokerGauges.registerBrokerState(registry, labels, controller.getBrokerConfig(),
            controller.getTopicConfigManager(), controller.getSubscriptionGroupManager());
        BrokerGauges.registerConnections(registry, labels, controller.getProducerManager(),
            controller.getConsumerManager());
    }

    private static Map<String, ThreadPoolExecutor> processorQueues(BrokerExecutors executors) {
        Map<String, ThreadPoolExecutor> queues = new LinkedHashMap<>();
        queues.put("send", executors.send());
        queues.put("pull", executors.pull());
        queues.put("query_message", executors.query());
        queues.put("client_manager", executors.clientManage());
        queues.put("heartbeat", executors.heartbeat());
        queues.put("transaction", executors.endTransaction());
        queues.put("consumer_manager", executors.consumerManage());
        queues.put("admin", executors.admin());
        queues.put("reply", executors.reply());
        return queues;
    }

    /** Serves {@code /metrics} on {@code metricsPromExporterHost} (default brokerIP1) and its port. */
    public void start() throws IOException {
        if (exporter == null) {
            return;
        }
        String host = config.getMetricsPromExporterHost();
        if (host == null || host.isBlank()) {
            host = config.getBrokerIP1();
        }
        exporter.start(host, config.getMetricsPromExporterPort());
        log.info("metrics served at http://{}:{}/metrics", host, exporter.port());
    }

    /** The bound port of the metrics page, or -1 when metrics are disabled or not started. */
    public int port() {
        return exporter == null ? -1 : exporter.port();
    }

    /** The registry (tests), or null when metrics are disabled. */
    public PrometheusRegistry registry() {
        return exporter == null ? null : exporter.registry();
    }

    public void shutdown() {
        if (exporter != null) {
            exporter.close();
        }
    }
}
