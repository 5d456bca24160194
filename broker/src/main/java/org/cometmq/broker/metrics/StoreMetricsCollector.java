package org.cometmq.broker.metrics;

import static org.cometmq.broker.metrics.BrokerMetricsConstant.GAUGE_STORAGE_COMMITLOG_SIZE;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.GAUGE_STORAGE_CONSUMEQUEUE_SIZE;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.GAUGE_STORAGE_DISPATCH_BEHIND;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.GAUGE_STORAGE_FLUSH_BEHIND;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.GAUGE_STORAGE_MESSAGE_RESERVE_TIME;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.GAUGE_STORAGE_SIZE;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.HISTOGRAM_STORAGE_FLUSH_LATENCY;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.HISTOGRAM_STORAGE_PUT_LATENCY;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.LABEL_STORAGE_MEDIUM;
import static org.cometmq.broker.metrics.BrokerMetricsConstant.LABEL_STORAGE_TYPE;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.Path;
import java.time.Clock;
import org.cometmq.store.MessageStore;
import org.cometmq.store.config.StorePathConfigHelper;
import org.cometmq.store.stats.LatencyHistogram;

/**
 * The store's gauges (disk use of the whole store, the commit log and the consume queues; flush and dispatch
 * backlog; age of the oldest message) and its put and flush latency histograms. Everything is read from the
 * store when scraped: the latencies from the histograms the store keeps anyway, so metrics add nothing to a put.
 */
final class StoreMetricsCollector implements MultiCollector {
    /** Whole milliseconds, rounded down (the store's resolution). */
    static final double[] LATENCY_BUCKETS_MILLIS = {1, 5, 10, 50, 100, 500};

    private final MessageStore store;
    private final Labels constLabels;
    private final Clock clock;

    StoreMetricsCollector(MessageStore store, Labels constLabels, Clock clock) {
        this.store = store;
        this.constLabels = constLabels;
        this.clock = clock;
    }

    @Override
    public MetricSnapshots collect() {
        String root = store.getMessageStoreConfig().getStorePathRootDir();
        long earliest = store.getEarliestMessageTime();
        long[] disk = DirectorySize.of(Path.of(root), Path.of(store.getMessageStoreConfig().getStorePathCommitLog()),
            Path.of(StorePathConfigHelper.getStorePathConsumeQueue(root)));
        return MetricSnapshots.of(
            gauge(GAUGE_STORAGE_SIZE, "Bytes of the store's files on disk", disk[0],
                LABEL_STORAGE_TYPE, "local", LABEL_STORAGE_MEDIUM, "disk"),
            gauge(GAUGE_STORAGE_COMMITLOG_SIZE, "Bytes of commit-log files on disk", disk[1]),
            gauge(GAUGE_STORAGE_CONSUMEQUEUE_SIZE, "Bytes of consume-queue files on disk", disk[2]),
            gauge(GAUGE_STORAGE_FLUSH_BEHIND, "Commit-log bytes not yet flushed to disk", store.flushBehindBytes()),
            gauge(GAUGE_STORAGE_DISPATCH_BEHIND, "Commit-log bytes not yet in the consume queues and index",
                store.dispatchBehindBytes()),
            gauge(GAUGE_STORAGE_MESSAGE_RESERVE_TIME, "Age of the oldest stored message, milliseconds",
                earliest > 0 ? Math.max(0, clock.millis() - earliest) : 0),
            histogram(HISTOGRAM_STORAGE_PUT_LATENCY, "Time of each put into the store, milliseconds",
                store.getStoreStatsService().getPutLatency()),
            histogram(HISTOGRAM_STORAGE_FLUSH_LATENCY, "Time of each commit-log flush that wrote data, milliseconds",
                store.getStoreStatsService().getFlushLatency()));
    }

    private GaugeSnapshot gauge(String name, String help, double value, String... labels) {
        return new GaugeFamily(name, help, constLabels).add(value, labels).build();
    }

    private HistogramSnapshot histogram(String name, String help, LatencyHistogram latency) {
        double[] bounds = new double[LATENCY_BUCKETS_MILLIS.length + 1];
        long[] counts = new long[bounds.length];
        long below = 0;
        for (int i = 0; i < LATENCY_BUCKETS_MILLIS.length; i++) {
            bounds[i] = LATENCY_BUCKETS_MILLIS[i];
            long atMost = latency.countAtMost((long) LATENCY_BUCKETS_MILLIS[i]);
            counts[i] = atMost - below;
            below = atMost;
        }
        bounds[bounds.length - 1] = Double.POSITIVE_INFINITY;
        // read last: a put counted meanwhile lands in +Inf, so the buckets never exceed the total
        counts[counts.length - 1] = Math.max(0, latency.count() - below);
        return HistogramSnapshot.builder().name(name).help(help)
            .dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, counts)).sum(latency.sumMillis())
                .labels(constLabels).build())
            .build();
    }
}
