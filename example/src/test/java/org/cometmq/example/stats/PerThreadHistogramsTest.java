package org.cometmq.example.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PerThreadHistogramsTest {

    @Test
    void snapshotMergesTheHistogramsOfEveryRecordingThread() throws InterruptedException {
        PerThreadHistograms histograms = new PerThreadHistograms();
        Thread low = new Thread(() -> recordRange(histograms, 1, 50), "low");
        Thread high = new Thread(() -> recordRange(histograms, 51, 100), "high");
        low.start();
        high.start();
        low.join(TimeUnit.SECONDS.toMillis(10));
        high.join(TimeUnit.SECONDS.toMillis(10));

        LatencyHistogram snapshot = histograms.newSnapshot();
        histograms.snapshotInto(snapshot);

        assertEquals(100, snapshot.count());
        assertEquals(5050, snapshot.sum());
        assertEquals(1, snapshot.min());
        assertEquals(100, snapshot.max());
        assertEquals(50, snapshot.valueAtPercentile(50));
    }

    @Test
    void snapshotsTakenWhileAThreadRecordsAreMonotonicAndTheLastIsExact() throws InterruptedException {
        PerThreadHistograms histograms = new PerThreadHistograms();
        int values = 200_000;
        Thread writer = new Thread(() -> recordRange(histograms, 1, values), "writer");
        LatencyHistogram snapshot = histograms.newSnapshot();
        writer.start();
        long previousCount = 0;
        for (int i = 0; i < 50 && writer.isAlive(); i++) {
            histograms.snapshotInto(snapshot);
            assertTrue(snapshot.count() >= previousCount, "counts never go back");
            assertTrue(snapshot.count() <= values);
            previousCount = snapshot.count();
        }
        writer.join(TimeUnit.SECONDS.toMillis(30));

        histograms.snapshotInto(snapshot);
        assertEquals(values, snapshot.count());
        assertEquals((long) values * (values + 1) / 2, snapshot.sum());
        assertEquals(values, snapshot.max());
    }

    @Test
    void intervalSnapshotsReportWhatHappenedSinceTheLastReport() {
        PerThreadHistograms histograms = new PerThreadHistograms();
        IntervalSnapshots intervals = new IntervalSnapshots(histograms);
        recordRange(histograms, 1, 10);

        LatencyHistogram first = intervals.next();
        assertEquals(10, first.count());
        assertEquals(55, first.sum());
        assertEquals(10, first.max());

        recordRange(histograms, 100, 104);
        LatencyHistogram second = intervals.next();
        assertEquals(5, second.count());
        assertEquals(510, second.sum());
        assertEquals(100, second.min());
        assertEquals(104, second.max());
        assertEquals(102, second.valueAtPercentile(50));
        assertEquals(15, intervals.cumulative().count());

        assertEquals(0, intervals.next().count());
        assertEquals(15, intervals.cumulative().count());
    }

    private static void recordRange(PerThreadHistograms histograms, long from, long to) {
        for (long v = from; v <= to; v++) {
            histograms.record(v);
        }
    }
}
