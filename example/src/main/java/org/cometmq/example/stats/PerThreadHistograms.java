package org.cometmq.example.stats;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One {@link LatencyHistogram} per recording thread, so threads never contend on a shared counter; the
 * reporting thread merges them on demand. A thread's histogram is created on its first record and kept for
 * the life of this object (benchmark thread pools are fixed, so the list stays small).
 */
public final class PerThreadHistograms {
    private final LatencyHistogram layout;
    private final List<LatencyHistogram> histograms = new CopyOnWriteArrayList<>();
    private final ThreadLocal<LatencyHistogram> current = ThreadLocal.withInitial(this::register);

    /** Histograms with the default layout. */
    public PerThreadHistograms() {
        this(new LatencyHistogram());
    }

    /** Histograms shaped like {@code layout} (its contents are not used). */
    public PerThreadHistograms(LatencyHistogram layout) {
        this.layout = layout.newEmptyCopy();
    }

    /** Records into the calling thread's histogram; allocation-free after the thread's first call. */
    public void record(long value) {
        current.get().record(value);
    }

    /** Resets {@code target} and adds every thread's histogram to it. */
    public void snapshotInto(LatencyHistogram target) {
        target.reset();
        for (LatencyHistogram histogram : histograms) {
            target.add(histogram);
        }
    }

    /** An empty histogram with the layout of the per-thread ones, for snapshots. */
    public LatencyHistogram newSnapshot() {
        return layout.newEmptyCopy();
    }

    private LatencyHistogram register() {
        LatencyHistogram histogram = layout.newEmptyCopy();
        histograms.add(histogram);
        return histogram;
    }
}
