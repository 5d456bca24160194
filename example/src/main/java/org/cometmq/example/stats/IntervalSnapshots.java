package org.cometmq.example.stats;

import org.HdrHistogram.Histogram;

/**
 * Turns a recorder into "since the last report" and "since the start" figures: each {@link #next()} takes
 * the recorder's interval histogram and adds it to the cumulative one.
 */
public final class IntervalSnapshots {
    private final LatencyRecorder source;
    private final Histogram cumulative = new Histogram(LatencyRecorder.SIGNIFICANT_DIGITS);
    private Histogram interval;

    public IntervalSnapshots(LatencyRecorder source) {
        this.source = source;
    }

    /** What was recorded since the previous call (or since the start). Valid until the next call. */
    public Histogram next() {
        interval = source.intervalHistogram(interval);
        cumulative.add(interval);
        return interval;
    }

    /** Everything recorded up to the last {@link #next()} call. */
    public Histogram cumulative() {
        return cumulative;
    }
}
