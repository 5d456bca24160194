package org.cometmq.example.stats;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * Counts of non-negative values (latencies in any unit) in fixed log-linear buckets, so recording never
 * allocates and percentiles cost one pass over a small array.
 *
 * <p>Layout with {@code s = subBucketBits} and {@code r = rangeBits}: every value below {@code 2^(s+1)} has a
 * bucket of its own (exact). Above that, each power-of-two range {@code [2^e, 2^(e+1))} is cut into
 * {@code 2^s} equal buckets, so a bucket spans less than {@code 1/2^s} of its values (0.8% with the default
 * s = 7). Values from {@code 2^r} up land in one overflow bucket. Count, sum, min and max are kept exactly,
 * whatever the bucket.
 *
 * <p>Threads: one thread records; any other thread may {@link #add} it into another histogram at the same
 * time and sees every field at a recent value (fields are published with release stores, so a reader that
 * sees a count also sees the bucket it was recorded in). Everything else is for one thread at a time.
 */
public final class LatencyHistogram {
    /** Default precision: 128 buckets per power of two. */
    public static final int DEFAULT_SUB_BUCKET_BITS = 7;
    /** Default range: values up to 2^40 - 1 are bucketed (12.7 days in microseconds). */
    public static final int DEFAULT_RANGE_BITS = 40;

    private static final VarHandle COUNTS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle TOTAL;
    private static final VarHandle SUM;
    private static final VarHandle MIN;
    private static final VarHandle MAX;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            TOTAL = lookup.findVarHandle(LatencyHistogram.class, "totalCount", long.class);
            SUM = lookup.findVarHandle(LatencyHistogram.class, "sum", long.class);
            MIN = lookup.findVarHandle(LatencyHistogram.class, "min", long.class);
            MAX = lookup.findVarHandle(LatencyHistogram.class, "max", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int subBucketBits;
    private final int rangeBits;
    private final int subBucketCount;
    private final long overflowThreshold;
    /** One slot per bucket; the last slot is the overflow bucket. */
    private final long[] counts;

    private long totalCount;
    private long sum;
    private long min = Long.MAX_VALUE;
    private long max;

    /** A histogram with the default precision (0.8%) and range (2^40 - 1). */
    public LatencyHistogram() {
        this(DEFAULT_SUB_BUCKET_BITS, DEFAULT_RANGE_BITS);
    }

    /**
     * @param subBucketBits precision: each power-of-two range holds {@code 2^subBucketBits} buckets (1..16)
     * @param rangeBits     values below {@code 2^rangeBits} are bucketed, larger ones overflow
     *                      ({@code subBucketBits < rangeBits <= 62})
     */
    public LatencyHistogram(int subBucketBits, int rangeBits) {
        if (subBucketBits < 1 || subBucketBits > 16) {
            throw new IllegalArgumentException("subBucketBits must be in [1, 16], got " + subBucketBits);
        }
        if (rangeBits <= subBucketBits || rangeBits > 62) {
            throw new IllegalArgumentException("rangeBits must be in (" + subBucketBits + ", 62], got " + rangeBits);
        }
        this.subBucketBits = subBucketBits;
        this.rangeBits = rangeBits;
        this.subBucketCount = 1 << subBucketBits;
        this.overflowThreshold = 1L << rangeBits;
        this.counts = new long[(rangeBits - subBucketBits + 1) * subBucketCount + 1];
    }

    /** A new empty histogram with the same layout as this one. */
    public LatencyHistogram newEmptyCopy() {
        return new LatencyHistogram(subBucketBits, rangeBits);
    }

    /** Records one value; a negative value (a clock step backwards) counts as 0. Never allocates. */
    public void record(long value) {
        long v = Math.max(0, value);
        int index = bucketIndex(v);
        COUNTS.setRelease(counts, index, counts[index] + 1);
        SUM.setRelease(this, sum + v);
        if (v < min) {
            MIN.setRelease(this, v);
        }
        if (v > max) {
            MAX.setRelease(this, v);
        }
        TOTAL.setRelease(this, totalCount + 1);
    }

    /** Adds every count of {@code other} (same layout) to this histogram; {@code other} may be recording. */
    public void add(LatencyHistogram other) {
        requireSameLayout(other);
        long added = 0;
        for (int i = 0; i < counts.length; i++) {
            long c = (long) COUNTS.getAcquire(other.counts, i);
            counts[i] += c;
            added += c;
        }
        if (added == 0) {
            return;
        }
        totalCount += added;
        sum += (long) SUM.getAcquire(other);
        min = Math.min(min, (long) MIN.getAcquire(other));
        max = Math.max(max, (long) MAX.getAcquire(other));
    }

    /**
     * Makes this histogram hold what {@code later} recorded since {@code earlier} (both snapshots of the same
     * recording, {@code later} taken after {@code earlier}). Count, sum and buckets are exact; min and max are
     * the edges of the lowest and highest non-empty bucket, clamped to {@code later}'s exact min and max.
     */
    public void setToDifference(LatencyHistogram later, LatencyHistogram earlier) {
        requireSameLayout(later);
        requireSameLayout(earlier);
        reset();
        int lowest = -1;
        int highest = -1;
        for (int i = 0; i < counts.length; i++) {
            long c = Math.max(0, later.counts[i] - earlier.counts[i]);
            counts[i] = c;
            totalCount += c;
            if (c > 0) {
                lowest = lowest < 0 ? i : lowest;
                highest = i;
            }
        }
        if (totalCount == 0) {
            return;
        }
        sum = Math.max(0, later.sum - earlier.sum);
        min = Math.max(later.min, lowestValueIn(lowest));
        max = Math.min(later.max, highestValueIn(highest));
    }

    /** Forgets everything recorded. */
    public void reset() {
        Arrays.fill(counts, 0);
        totalCount = 0;
        sum = 0;
        min = Long.MAX_VALUE;
        max = 0;
    }

    public long count() {
        return totalCount;
    }

    /** Exact sum of the recorded values. */
    public long sum() {
        return sum;
    }

    /** Exact smallest recorded value, 0 when empty. */
    public long min() {
        return totalCount == 0 ? 0 : min;
    }

    /** Exact largest recorded value, 0 when empty. */
    public long max() {
        return max;
    }

    /** Exact arithmetic mean, 0 when empty. */
    public double mean() {
        return totalCount == 0 ? 0 : (double) sum / totalCount;
    }

    /** The largest value that still fits a bucket; larger values are counted in the overflow bucket. */
    public long highestTrackableValue() {
        return overflowThreshold - 1;
    }

    /**
     * The value below or at which {@code percentile} percent of the recorded values lie (nearest rank:
     * the value of rank {@code ceil(p/100 * count)}). Exact below {@code 2^(subBucketBits+1)}; above, the
     * upper edge of the rank's bucket, never more than the exact max. A rank in the overflow bucket reports
     * the max. 0 when empty. Percentile resolution is 0.0001.
     *
     * @param percentile in [0, 100]
     */
    public long valueAtPercentile(double percentile) {
        if (!(percentile >= 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in [0, 100], got " + percentile);
        }
        if (totalCount == 0) {
            return 0;
        }
        long partsPerMillion = Math.round(percentile * 10_000);
        long rank = Math.max(1, (partsPerMillion * totalCount + 999_999) / 1_000_000);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return i == counts.length - 1 ? max : Math.min(max, highestValueIn(i));
            }
        }
        return max;
    }

    int bucketIndex(long value) {
        if (value >= overflowThreshold) {
            return counts.length - 1;
        }
        if (value < subBucketCount) {
            return (int) value;
        }
        int shift = 63 - Long.numberOfLeadingZeros(value) - subBucketBits;
        return (shift << subBucketBits) + (int) (value >>> shift);
    }

    long lowestValueIn(int index) {
        if (index == counts.length - 1) {
            return overflowThreshold;
        }
        if (index < subBucketCount) {
            return index;
        }
        int shift = (index >> subBucketBits) - 1;
        long subBucket = index - ((long) shift << subBucketBits);
        return subBucket << shift;
    }

    long highestValueIn(int index) {
        if (index == counts.length - 1) {
            return Long.MAX_VALUE;
        }
        return lowestValueIn(index + 1) - 1;
    }

    int bucketCount() {
        return counts.length;
    }

    private void requireSameLayout(LatencyHistogram other) {
        if (other.subBucketBits != subBucketBits || other.rangeBits != rangeBits) {
            throw new IllegalArgumentException("histogram layouts differ: (" + subBucketBits + ", " + rangeBits
                + ") vs (" + other.subBucketBits + ", " + other.rangeBits + ")");
        }
    }
}
