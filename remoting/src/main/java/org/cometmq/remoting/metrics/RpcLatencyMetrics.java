package org.cometmq.remoting.metrics;

import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.function.LongFunction;
import org.cometmq.remoting.RequestObserver;

/**
 * {@code rocketmq_rpc_latency}: a histogram of the time from a request's arrival to its response, in
 * milliseconds, by request code and response code, with RocketMQ 5's buckets (1, 3, 5, 10, 100, 1000, 3000 ms).
 */
public final class RpcLatencyMetrics implements RequestObserver {
    public static final String NAME = "rocketmq_rpc_latency";
    public static final String PROTOCOL_TYPE_REMOTING = "remoting";
    static final double[] BUCKETS_MILLIS = {1, 3, 5, 10, 100, 1000, 3000};
    private static final double NANOS_PER_MILLI = 1_000_000d;

    private final Histogram histogram;
    private final CodeNames requestNames;
    private final CodeNames responseNames;
    /** The histogram's data point per (request code, response code): a response costs no label lookup. */
    private final LongKeyedTable<DistributionDataPoint> points = new LongKeyedTable<>();
    /** Kept, so that a lookup does not allocate a method reference either. */
    private final LongFunction<DistributionDataPoint> newPoint = this::point;

    public RpcLatencyMetrics(PrometheusRegistry registry, Labels constLabels, CodeNames requestNames,
                             CodeNames responseNames) {
        this.requestNames = requestNames;
        this.responseNames = responseNames;
        this.histogram = Histogram.builder().name(NAME).help("Time from a request's arrival to its response, in milliseconds")
            .constLabels(constLabels)
            .labelNames("protocol_type", "request_code", "response_code")
            .classicOnly().classicUpperBounds(BUCKETS_MILLIS).withoutExemplars().register(registry);
    }

    @Override
    public void onResponse(int requestCode, int responseCode, long elapsedNanos) {
        long key = ((long) requestCode << 32) | (responseCode & 0xFFFF_FFFFL);
        points.get(key, newPoint).observe(elapsedNanos / NANOS_PER_MILLI);
    }

    private DistributionDataPoint point(long key) {
        return histogram.labelValues(PROTOCOL_TYPE_REMOTING, requestNames.name((int) (key >>> 32)),
            responseNames.name((int) key));
    }
}
