package org.cometmq.example.stats;

import org.HdrHistogram.AbstractHistogram;

/**
 * The figures a benchmark prints for one histogram: count, mean and max, and the usual percentiles.
 */
public record LatencySummary(long count, double mean, long p50, long p99, long p999, long max) {

    public static LatencySummary of(AbstractHistogram histogram) {
        return new LatencySummary(histogram.getTotalCount(), histogram.getMean(), histogram.getValueAtPercentile(50),
            histogram.getValueAtPercentile(99), histogram.getValueAtPercentile(99.9), histogram.getMaxValue());
    }
}
