package org.cometmq.example.stats;

/**
 * Turns the cumulative per-thread histograms into "since the last report" figures: each call to
 * {@link #next()} takes a fresh cumulative snapshot and returns the difference to the previous one.
 * The three histograms are allocated once, so periodic reports do not allocate them again.
 */
public final class IntervalSnapshots {
    private final PerThreadHistograms source;
    private LatencyHistogram cumulative;
    private LatencyHistogram previous;
    private final LatencyHistogram interval;

    public IntervalSnapshots(PerThreadHistograms source) {
        this.source = source;
        this.cumulative = source.newSnapshot();
        this.previous = source.newSnapshot();
        this.interval = source.newSnapshot();
    }

    /** What was recorded since the previous call (or since the start). Valid until the next call. */
    public LatencyHistogram next() {
        LatencyHistogram older = cumulative;
        cumulative = previous;
        previous = older;
        source.snapshotInto(cumulative);
        interval.setToDifference(cumulative, previous);
        return interval;
    }

    /** Everything recorded up to the last {@link #next()} call. */
    public LatencyHistogram cumulative() {
        return cumulative;
    }
}
