package org.cometmq.example.stats;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Records latencies from any number of threads without contention (HdrHistogram's {@link Recorder}: wait-free
 * recording, 3 significant digits, auto-resizing); the reporting thread takes what was recorded per interval.
 */
public final class LatencyRecorder {
    static final int SIGNIFICANT_DIGITS = 3;

    private final Recorder recorder = new Recorder(SIGNIFICANT_DIGITS);

    /** Records one value; a negative value (a clock step backwards) counts as 0. */
    public void record(long value) {
        recorder.recordValue(Math.max(0, value));
    }

    /**
     * What was recorded since the previous call (or the start). {@code recycle} is a histogram this method
     * returned before, reused to avoid allocation, or null.
     */
    public Histogram intervalHistogram(Histogram recycle) {
        return recycle == null ? recorder.getIntervalHistogram() : recorder.getIntervalHistogram(recycle);
    }
}
