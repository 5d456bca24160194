package org.cometmq.broker.metrics;

import static org.cometmq.broker.metrics.BrokerMetricsConstant.COUNTER_MESSAGES_IN_TOTAL;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.COUNTER_MESSAGES_OUT_TOTAL;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.COUNTER_SEND_TO_DLQ_MESSAGES_TOTAL;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.COUNTER_THROUGHPUT_IN_TOTAL;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.COUNTER_THROUGHPUT_OUT_TOTAL;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.HISTOGRAM_MESSAGE_SIZE;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.LABEL_CONSUMER_GROUP;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.LABEL_IS_RETRY;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.LABEL_IS_SYSTEM;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.LABEL_MESSAGE_TYPE;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.LABEL_TOPIC;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiFunction;
import org.cometmq.broker.stats.TrafficObserver;

/**
 * Message counters of the send, pull and send-back paths. Each labelled data point is looked up once and kept,
 * so counting a put costs a map read and three striped (per-thread cell) adds: no lock, no allocation. Pulls
 * also leave the next offset per queue in {@link PullOffsets}, for the in-flight and ready gauges.
 */
final class TrafficMetrics implements TrafficObserver {
    /** RocketMQ 5's message-size buckets: 1 KiB, 4 KiB, 512 KiB, 1, 2 and 4 MiB. */
    static final double[] MESSAGE_SIZE_BUCKETS = {1024, 4 * 1024, 512 * 1024, 1024 * 1024, 2 * 1024 * 1024,
        4 * 1024 * 1024};

    private final Counter messagesIn;
    private final Counter throughputIn;
    private final Histogram messageSize;
    private final Counter messagesOut;
    private final Counter throughputOut;
    private final Counter sendToDlq;
    private final PullOffsets pullOffsets;
    private final ConcurrentMap<String, InPoints[]> inPoints = new ConcurrentHashMap<>();
    private final TopicGroupTable<OutPoints> outPoints = new TopicGroupTable<>();
    /** Kept, so that a lookup does not allocate a lambda capturing this. */
    private final BiFunction<String, String, OutPoints> newOutPoints = OutPoints::new;

    TrafficMetrics(PrometheusRegistry registry, Labels constLabels, PullOffsets pullOffsets) {
        this.pullOffsets = pullOffsets;
        String[] inLabels = {LABEL_TOPIC, LABEL_MESSAGE_TYPE, LABEL_IS_SYSTEM};
        String[] outLabels = {LABEL_TOPIC, LABEL_CONSUMER_GROUP, LABEL_IS_SYSTEM};
        messagesIn = counter(registry, constLabels, COUNTER_MESSAGES_IN_TOTAL, "Messages stored", inLabels);
        throughputIn = counter(registry, constLabels, COUNTER_THROUGHPUT_IN_TOTAL, "Bytes of messages stored",
            inLabels);
        messageSize = Histogram.builder().name(HISTOGRAM_MESSAGE_SIZE).help("Size of each stored message, bytes")
            .constLabels(constLabels).labelNames(inLabels).classicOnly().classicUpperBounds(MESSAGE_SIZE_BUCKETS)
            .withoutExemplars().register(registry);
        messagesOut = counter(registry, constLabels, COUNTER_MESSAGES_OUT_TOTAL, "Messages pulled by consumers",
            outLabels);
        throughputOut = counter(registry, constLabels, COUNTER_THROUGHPUT_OUT_TOTAL,
            "Bytes of messages pulled by consumers", outLabels);
        sendToDlq = counter(registry, constLabels, COUNTER_SEND_TO_DLQ_MESSAGES_TOTAL,
            "Messages moved to a dead-letter queue after their retries", LABEL_TOPIC, LABEL_CONSUMER_GROUP,
            LABEL_IS_SYSTEM);
    }

    private static Counter counter(PrometheusRegistry registry, Labels constLabels, String name, String help,
                                   String... labels) {
        return Counter.builder().name(name).help(help).constLabels(constLabels).labelNames(labels)
            .withoutExemplars().register(registry);
    }

    @Override
    public void messagesIn(String topic, MessageType type, int count, long bytes) {
        InPoints[] byType = inPoints.get(topic);
        if (byType == null) {
            byType = inPoints.computeIfAbsent(topic, t -> new InPoints[MessageType.values().length]);
        }
        InPoints points = byType[type.ordinal()];
        if (points == null) {
            points = new InPoints(topic, type);
            byType[type.ordinal()] = points;
        }
        points.count.inc(count);
        points.bytes.inc(bytes);
        double average = (double) bytes / count;
        for (int i = 0; i < count; i++) {
            points.size.observe(average);
        }
    }

    @Override
    public void messagesOut(String group, String topic, int queueId, int count, long bytes, long nextOffset) {
        pullOffsets.record(group, topic, queueId, nextOffset);
        if (SystemNames.isRetryOrDlq(topic)) {
            // as RocketMQ 5: a pull from a retry or dead-letter topic is not consumption of a topic
            return;
        }
        OutPoints points = outPoints.get(topic, group, newOutPoints);
        points.count.inc(count);
        points.bytes.inc(bytes);
    }

    @Override
    public void sentToDlq(String group, String topic) {
        sendToDlq.labelValues(topic, group, SystemNames.isSystem(topic, group)).inc();
    }

    /** Data points of one topic and message type; a race creating two yields the same library data points. */
    private final class InPoints {
        final CounterDataPoint count;
        final CounterDataPoint bytes;
        final DistributionDataPoint size;

        InPoints(String topic, MessageType type) {
            String system = SystemNames.isSystem(topic);
            count = messagesIn.labelValues(topic, type.label(), system);
            bytes = throughputIn.labelValues(topic, type.label(), system);
            size = messageSize.labelValues(topic, type.label(), system);
        }
    }

    private final class OutPoints {
        final CounterDataPoint count;
        final CounterDataPoint bytes;

        OutPoints(String topic, String group) {
            String system = SystemNames.isSystem(topic, group);
            count = messagesOut.labelValues(topic, group, system);
            bytes = throughputOut.labelValues(topic, group, system);
        }
    }
}
