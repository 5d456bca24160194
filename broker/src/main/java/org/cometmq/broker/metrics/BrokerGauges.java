package org.cometmq.broker.metrics;

import static org.cometmq.broker.metrics.BrokerMetricsConstant.GAUGE_BROKER_PERMISSION;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.GAUGE_CONSUMER_CONNECTIONS;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.GAUGE_CONSUMER_GROUP_NUM;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.GAUGE_PROCESSOR_WATERMARK;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.GAUGE_PRODUCER_CONNECTIONS;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.GAUGE_TOPIC_NUM;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.LABEL_CONSUMER_GROUP;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.LABEL_CONSUME_MODE;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.LABEL_IS_SYSTEM;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.LABEL_LANGUAGE;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.LABEL_PROCESSOR;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.LABEL_PROTOCOL_TYPE;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.LABEL_VERSION;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadPoolExecutor;
import org.cometmq.broker.client.ClientChannelInfo;
import org.cometmq.broker.client.ConsumerGroupInfo;
import org.cometmq.broker.client.ConsumerManager;
import org.cometmq.broker.client.ProducerManager;
import org.cometmq.broker.subscription.SubscriptionGroupManager;
import org.cometmq.broker.topic.TopicConfigManager;
import org.cometmq.common.BrokerConfig;
import org.cometmq.common.MQVersion;
import org.cometmq.remoting.metrics.RpcLatencyMetrics;

/**
 * The broker's gauges read from their owners when scraped: request queue lengths per processor, broker
 * permission, topic and subscription group numbers, producer and consumer connections.
 */
final class BrokerGauges {
    private BrokerGauges() {
    }

    /** Queue length of each processor's executor, by RocketMQ 5's processor names. */
    static void registerWatermarks(PrometheusRegistry registry, Labels constLabels,
                                   Map<String, ThreadPoolExecutor> executors) {
        GaugeWithCallback.builder().name(GAUGE_PROCESSOR_WATERMARK).help("Requests queued per processor")
            .constLabels(constLabels).labelNames(LABEL_PROCESSOR)
            .callback(cb -> executors.forEach((name, executor) -> cb.call(executor.getQueue().size(), name)))
            .register(registry);
    }

    static void registerBrokerState(PrometheusRegistry registry, Labels constLabels, BrokerConfig config,
                                    TopicConfigManager topics, SubscriptionGroupManager groups) {
        GaugeWithCallback.builder().name(GAUGE_BROKER_PERMISSION).help("Broker permission (6 read-write)")
            .constLabels(constLabels).callback(cb -> cb.call(config.getBrokerPermission())).register(registry);
        GaugeWithCallback.builder().name(GAUGE_TOPIC_NUM).help("Topics on this broker").constLabels(constLabels)
            .callback(cb -> cb.call(topics.getTopicConfigTable().size())).register(registry);
        GaugeWithCallback.builder().name(GAUGE_CONSUMER_GROUP_NUM).help("Subscription groups on this broker")
            .constLabels(constLabels).callback(cb -> cb.call(groups.getSubscriptionGroupTable().size()))
            .register(registry);
    }

    static void registerConnections(PrometheusRegistry registry, Labels constLabels, ProducerManager producers,
                                    ConsumerManager consumers) {
        GaugeWithCallback.builder().name(GAUGE_PRODUCER_CONNECTIONS).help("Producer connections")
            .constLabels(constLabels).labelNames(LABEL_LANGUAGE, LABEL_VERSION, LABEL_PROTOCOL_TYPE)
            .callback(cb -> countProducers(producers).forEach((labels, count) -> cb.call(count, labels.toArray(
                new String[0]))))
            .register(registry);
        GaugeWithCallback.builder().name(GAUGE_CONSUMER_CONNECTIONS).help("Consumer connections")
            .constLabels(constLabels).labelNames(LABEL_CONSUMER_GROUP, LABEL_LANGUAGE, LABEL_VERSION,
                LABEL_CONSUME_MODE, LABEL_PROTOCOL_TYPE, LABEL_IS_SYSTEM)
            .callback(cb -> countConsumers(consumers).forEach((labels, count) -> cb.call(count, labels.toArray(
                new String[0]))))
            .register(registry);
    }

    private static Map<List<String>, Integer> countProducers(ProducerManager producers) {
        Map<List<String>, Integer> counts = new HashMap<>();
        for (List<ClientChannelInfo> channels : producers.getGroupChannelTable().values()) {
            for (ClientChannelInfo info : channels) {
                counts.merge(List.of(language(info), version(info), RpcLatencyMetrics.PROTOCOL_TYPE_REMOTING), 1,
                    Integer::sum);
            }
        }
        return counts;
    }

    private static Map<List<String>, Integer> countConsumers(ConsumerManager consumers) {
        Map<List<String>, Integer> counts = new HashMap<>();
        for (Map.Entry<String, ConsumerGroupInfo> group : consumers.getConsumerTable().entrySet()) {
            ConsumerGroupInfo info = group.getValue();
            String mode = info.getConsumeType() == null ? "unknown"
                : info.getConsumeType().getTypeCN().toLowerCase(Locale.ROOT);
            String system = Boolean.toString(SystemNames.isSystemGroup(group.getKey()));
            for (ClientChannelInfo channel : info.getChannelInfoTable().values()) {
                counts.merge(List.of(group.getKey(), language(channel), version(channel), mode,
                    RpcLatencyMetrics.PROTOCOL_TYPE_REMOTING, system), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static String language(ClientChannelInfo info) {
        return info.getLanguage() == null ? "unknown" : info.getLanguage().name().toLowerCase(Locale.ROOT);
    }

    private static String version(ClientChannelInfo info) {
        return MQVersion.getVersionDesc(info.getVersion()).toLowerCase(Locale.ROOT);
    }
}
