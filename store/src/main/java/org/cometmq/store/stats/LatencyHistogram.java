package org.cometmq.store.stats;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts durations in 1 ms buckets up to 1 s (plus one overflow bucket), for percentiles, and in the 13 coarse
 * ranges the 4.x broker reports as {@code putMessageDistributeTime}.
 */
public class LatencyHistogram {

    private static final int FINE_BUCKETS = 1000;
    private static final long[] COARSE_UPPER = {0, 10, 50, 100, 200, 500, 1000, 2000, 3000, 4000, 5000, 10000};
    private static final String[] COARSE_DESC = {"[<=0ms]", "[0~10ms]", "[10~50ms]", "[50~100ms]", "[100~200ms]",
        "[200~500ms]", "[500ms~1s]", "[1~2s]", "[2~3s]", "[3~4s]", "[4~5s]", "[5~10s]", "[10s~]"};

    private final LongAdder[] fine = newAdders(FINE_BUCKETS + 1);
    private final LongAdder[] coarse = newAdders(COARSE_DESC.length);
    private final LongAdder sumNanos = new LongAdder();

    private static LongAdder[] newAdders(int n) {
        LongAdder[] adders = new LongAdder[n];
        for (int i = 0; i < n; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }

    public void record(long millis) {
        long value = Math.max(0, millis);
        sumNanos.add(value * 1_000_000L);
        count(value);
    }

    /** Records a duration measured in nanoseconds: bucketed by whole milliseconds, summed exactly. */
    public void recordNanos(long nanos) {
        long value = Math.max(0, nanos);
        sumNanos.add(value);
        count(value / 1_000_000L);
    }

    private void count(long value) {
        fine[(int) Math.min(value, FINE_BUCKETS)].increment();
        int c = 0;
        while (c < COARSE_UPPER.length && value > COARSE_UPPER[c]) {
            c++;
        }
        coarse[c].increment();
    }

    /** How many recorded durations, in whole milliseconds rounded down, are at most {@code millis} (below 1000). */
    public long countAtMost(long millis) {
        long total = 0;
        for (int i = 0; i <= Math.min(millis, FINE_BUCKETS - 1); i++) {
            total += fine[i].sum();
        }
        return total;
    }

    /** How many durations were recorded. */
    public long count() {
        long total = 0;
        for (LongAdder adder : fine) {
            total += adder.sum();
        }
        return total;
    }

    /** The sum of the recorded durations in milliseconds. */
    public double sumMillis() {
        return sumNanos.sum() / 1_000_000d;
    }

    /** The smallest bucket bound (ms) at or below which {@code fraction} of the recorded values lie. */
    public long percentile(double fraction) {
        long total = 0;
        for (LongAdder adder : fine) {
            total += adder.sum();
        }
        if (total == 0) {
            return 0;
        }
        long needed = (long) Math.ceil(total * fraction);
        long seen = 0;
        for (int i = 0; i < fine.length; i++) {
            seen += fine[i].sum();
            if (seen >= needed) {
                return i;
            }
        }
        return FINE_BUCKETS;
    }

    /** {@code [<=0ms]:n [0~10ms]:n ...}, as the 4.x runtime info shows it. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < coarse.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(COARSE_DESC[i]).append(':').append(coarse[i].sum());
        }
        return sb.toString();
    }
}
