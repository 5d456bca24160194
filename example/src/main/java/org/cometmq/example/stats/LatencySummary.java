package org.cometmq.example.stats;

/**
 * The figures a benchmark prints for one histogram: count, exact mean and max, and the usual percentiles.
 */
public record LatencySummary(long count, double mean, long p50, long p99, long p999, long max) {

    public static LatencySummary of(LatencyHistogram histogram) {
        return new LatencySummary(histogram.count(), histogram.mean(), histogram.valueAtPercentile(50),
            histogram.valueAtPercentile(99), histogram.valueAtPercentile(99.9), histogram.max());
    }
}
