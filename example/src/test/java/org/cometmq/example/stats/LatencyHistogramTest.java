package org.cometmq.example.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    private static LatencyHistogram recording(long fromInclusive, long toInclusive) {
        LatencyHistogram histogram = new LatencyHistogram();
        for (long v = fromInclusive; v <= toInclusive; v++) {
            histogram.record(v);
        }
        return histogram;
    }

    @Test
    void smallValuesGiveExactPercentilesMeanAndMax() {
        LatencyHistogram histogram = recording(1, 100);

        assertEquals(100, histogram.count());
        assertEquals(5050, histogram.sum());
        assertEquals(50.5, histogram.mean());
        assertEquals(1, histogram.min());
        assertEquals(100, histogram.max());
        assertEquals(1, histogram.valueAtPercentile(0));
        assertEquals(1, histogram.valueAtPercentile(1));
        assertEquals(50, histogram.valueAtPercentile(50));
        assertEquals(51, histogram.valueAtPercentile(50.5));
        assertEquals(99, histogram.valueAtPercentile(99));
        assertEquals(100, histogram.valueAtPercentile(99.9));
        assertEquals(100, histogram.valueAtPercentile(100));
    }

    @Test
    void nearestRankIsComputedWithoutFloatingPointDrift() {
        LatencyHistogram exactTo2047 = new LatencyHistogram(10, 20);
        for (long v = 1; v <= 1000; v++) {
            exactTo2047.record(v);
        }

        assertEquals(500, exactTo2047.valueAtPercentile(50));
        assertEquals(990, exactTo2047.valueAtPercentile(99));
        assertEquals(999, exactTo2047.valueAtPercentile(99.9));
        assertEquals(1000, exactTo2047.valueAtPercentile(99.95));
    }

    @Test
    void largerValuesReportTheUpperEdgeOfTheirBucketButNeverMoreThanMax() {
        LatencyHistogram histogram = recording(1, 1000);

        // 500 lies in [500, 501] (width 2 above 256), 990 in [988, 991], 999 in [996, 999] (width 4 above 512)
        assertEquals(501, histogram.valueAtPercentile(50));
        assertEquals(991, histogram.valueAtPercentile(99));
        assertEquals(999, histogram.valueAtPercentile(99.9));
        // 1000 lies in [1000, 1003]: clamped to the exact max
        assertEquals(1000, histogram.valueAtPercentile(100));
        assertEquals(1000, histogram.max());
        assertEquals(500_500, histogram.sum());
        assertEquals(500.5, histogram.mean());
    }

    @Test
    void everyBucketIsContiguousAndNarrowerThanItsPrecision() {
        LatencyHistogram histogram = new LatencyHistogram();
        int regularBuckets = histogram.bucketCount() - 1;
        assertEquals((40 - 7 + 1) * 128, regularBuckets);
        assertEquals(0, histogram.lowestValueIn(0));
        for (int i = 0; i < regularBuckets; i++) {
            long low = histogram.lowestValueIn(i);
            long high = histogram.highestValueIn(i);
            assertEquals(i, histogram.bucketIndex(low), "low edge of bucket " + i);
            assertEquals(i, histogram.bucketIndex(high), "high edge of bucket " + i);
            assertEquals(high + 1, histogram.lowestValueIn(i + 1), "bucket after " + i);
            assertTrue((high - low) * 128 <= low, "bucket " + i + " [" + low + ", " + high + "] too wide");
        }
        assertEquals(histogram.highestTrackableValue(), histogram.highestValueIn(regularBuckets - 1));
        assertEquals((1L << 40) - 1, histogram.highestTrackableValue());
        for (long v = 0; v < 256; v++) {
            assertEquals(v, histogram.lowestValueIn(histogram.bucketIndex(v)));
            assertEquals(v, histogram.highestValueIn(histogram.bucketIndex(v)));
        }
    }

    @Test
    void mergingTwoRecordersEqualsRecordingEverythingInOne() {
        LatencyHistogram first = recording(1, 50);
        LatencyHistogram second = recording(51, 100);
        second.record(7);

        LatencyHistogram merged = new LatencyHistogram();
        merged.add(first);
        merged.add(second);

        assertEquals(101, merged.count());
        assertEquals(5057, merged.sum());
        assertEquals(1, merged.min());
        assertEquals(100, merged.max());
        assertEquals(50, merged.valueAtPercentile(50));
        assertEquals(98, merged.valueAtPercentile(98));
        assertEquals(100, merged.valueAtPercentile(100));
        assertEquals(50, first.count(), "merging leaves the sources alone");
        assertEquals(51, second.count());
    }

    @Test
    void mergingAnEmptyHistogramChangesNothing() {
        LatencyHistogram histogram = recording(5, 9);
        histogram.add(new LatencyHistogram());

        assertEquals(5, histogram.count());
        assertEquals(5, histogram.min());
        assertEquals(9, histogram.max());
        assertEquals(35, histogram.sum());
    }

    @Test
    void valuesBeyondTheTopBucketKeepExactCountSumAndMax() {
        LatencyHistogram small = new LatencyHistogram(2, 6); // exact below 8, overflow from 64
        small.record(5);
        small.record(1_000);
        small.record(5_000);

        assertEquals(63, small.highestTrackableValue());
        assertEquals(3, small.count());
        assertEquals(6_005, small.sum());
        assertEquals(5, small.min());
        assertEquals(5_000, small.max());
        assertEquals(5, small.valueAtPercentile(33));
        // ranks 2 and 3 sit in the overflow bucket, which reports the exact max
        assertEquals(5_000, small.valueAtPercentile(50));
        assertEquals(5_000, small.valueAtPercentile(100));

        LatencyHistogram wide = new LatencyHistogram();
        wide.record(Long.MAX_VALUE);
        assertEquals(Long.MAX_VALUE, wide.max());
        assertEquals(Long.MAX_VALUE, wide.valueAtPercentile(50));
    }

    @Test
    void negativeValuesCountAsZeroAndEmptyHistogramReportsZeros() {
        LatencyHistogram empty = new LatencyHistogram();
        assertEquals(0, empty.count());
        assertEquals(0, empty.min());
        assertEquals(0, empty.max());
        assertEquals(0.0, empty.mean());
        assertEquals(0, empty.valueAtPercentile(99));

        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(-3);
        assertEquals(1, histogram.count());
        assertEquals(0, histogram.max());
        assertEquals(0, histogram.sum());
        assertEquals(0, histogram.valueAtPercentile(50));
    }

    @Test
    void differenceHoldsOnlyWhatWasRecordedInBetween() {
        LatencyHistogram recorder = recording(1, 10);
        LatencyHistogram earlier = new LatencyHistogram();
        earlier.add(recorder);
        for (long v = 11; v <= 20; v++) {
            recorder.record(v);
        }
        recorder.record(300); // bucket [300, 301]
        LatencyHistogram later = new LatencyHistogram();
        later.add(recorder);

        LatencyHistogram interval = new LatencyHistogram();
        interval.setToDifference(later, earlier);

        assertEquals(11, interval.count());
        assertEquals(455, interval.sum());
        assertEquals(11, interval.min());
        assertEquals(300, interval.max(), "upper bucket edge 301 clamped to the exact max");
        assertEquals(16, interval.valueAtPercentile(50));
        assertEquals(20, interval.valueAtPercentile(90));
    }

    @Test
    void resetForgetsEverything() {
        LatencyHistogram histogram = recording(1, 1000);
        histogram.reset();

        assertEquals(0, histogram.count());
        assertEquals(0, histogram.sum());
        assertEquals(0, histogram.max());
        assertEquals(0, histogram.valueAtPercentile(50));
        histogram.record(42);
        assertEquals(42, histogram.min());
        assertEquals(42, histogram.valueAtPercentile(1));
    }

    @Test
    void rejectsBadArguments() {
        LatencyHistogram histogram = new LatencyHistogram();
        assertThrows(IllegalArgumentException.class, () -> histogram.valueAtPercentile(100.5));
        assertThrows(IllegalArgumentException.class, () -> histogram.valueAtPercentile(-1));
        assertThrows(IllegalArgumentException.class, () -> histogram.valueAtPercentile(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> histogram.add(new LatencyHistogram(6, 40)));
        assertThrows(IllegalArgumentException.class, () -> new LatencyHistogram(0, 40));
        assertThrows(IllegalArgumentException.class, () -> new LatencyHistogram(7, 7));
        assertThrows(IllegalArgumentException.class, () -> new LatencyHistogram(7, 63));
    }
}
