package org.cometmq.broker.metrics;

import static org.cometmq.broker.metrics.BrokerMetricsConstant.GAUGE_CONSUMER_INFLIGHT_MESSAGES;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.GAUGE_CONSUMER_LAG_LATENCY;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.GAUGE_CONSUMER_LAG_MESSAGES;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.GAUGE_CONSUMER_QUEUEING_LATENCY;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.GAUGE_CONSUMER_READY_MESSAGES;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.LABEL_CONSUMER_GROUP;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.LABEL_IS_RETRY;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.LABEL_IS_SYSTEM;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.LABEL_TOPIC;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;

/** The five consumer-progress gauges of RocketMQ 5, computed in one pass over the offset table per scrape. */
final class ConsumerLagCollector implements MultiCollector {
    private final ConsumerLagCalculator calculator;
    private final Labels constLabels;

    ConsumerLagCollector(ConsumerLagCalculator calculator, Labels constLabels) {
        this.calculator = calculator;
        this.constLabels = constLabels;
    }

    @Override
    public MetricSnapshots collect() {
        GaugeFamily lag = family(GAUGE_CONSUMER_LAG_MESSAGES, "Messages not yet consumed (max minus committed offset)");
        GaugeFamily lagLatency = family(GAUGE_CONSUMER_LAG_LATENCY,
            "Age of the oldest message not yet consumed, milliseconds");
        GaugeFamily inflight = family(GAUGE_CONSUMER_INFLIGHT_MESSAGES,
            "Messages pulled but not yet committed");
        GaugeFamily ready = family(GAUGE_CONSUMER_READY_MESSAGES, "Messages stored but not yet pulled");
        GaugeFamily queueing = family(GAUGE_CONSUMER_QUEUEING_LATENCY,
            "Age of the oldest message not yet pulled, milliseconds");
        List<ConsumerLag> lags = calculator.calculate();
        for (ConsumerLag one : lags) {
            String[] labels = {LABEL_TOPIC, one.topic(), LABEL_CONSUMER_GROUP, one.group(), LABEL_IS_RETRY,
                SystemNames.isRetry(one.topic()), LABEL_IS_SYSTEM, SystemNames.isSystem(one.topic(), one.group())};
            lag.add(one.lag(), labels);
            lagLatency.add(one.lagLatencyMillis(), labels);
            inflight.add(one.inflight(), labels);
            ready.add(one.ready(), labels);
            queueing.add(one.queueingLatencyMillis(), labels);
        }
        return MetricSnapshots.of(lag.build(), lagLatency.build(), inflight.build(), ready.build(), queueing.build());
    }

    private GaugeFamily family(String name, String help) {
        return new GaugeFamily(name, help, constLabels);
    }
}
