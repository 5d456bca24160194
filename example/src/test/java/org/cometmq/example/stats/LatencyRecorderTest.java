package org.cometmq.example.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    @Test
    void intervalHoldsWhatEveryRecordingThreadRecorded() throws InterruptedException {
        LatencyRecorder recorder = new LatencyRecorder();
        Thread low = new Thread(() -> recordRange(recorder, 1, 50), "low");
        Thread high = new Thread(() -> recordRange(recorder, 51, 100), "high");
        low.start();
        high.start();
        low.join(TimeUnit.SECONDS.toMillis(10));
        high.join(TimeUnit.SECONDS.toMillis(10));

        Histogram snapshot = recorder.intervalHistogram(null);

        assertEquals(100, snapshot.getTotalCount());
        assertEquals(50.5, snapshot.getMean(), 1e-9);
        assertEquals(1, snapshot.getMinValue());
        assertEquals(100, snapshot.getMaxValue());
        assertEquals(50, snapshot.getValueAtPercentile(50));
        LatencySummary summary = LatencySummary.of(snapshot);
        assertEquals(new LatencySummary(100, 50.5, 50, 99, 100, 100), summary);
    }

    @Test
    void intervalsTakenWhileAThreadRecordsAddUpToEverything() throws InterruptedException {
        LatencyRecorder recorder = new LatencyRecorder();
        int values = 200_000;
        Thread writer = new Thread(() -> recordRange(recorder, 1, values), "writer");
        Histogram total = new Histogram(LatencyRecorder.SIGNIFICANT_DIGITS);
        Histogram interval = null;
        writer.start();
        for (int i = 0; i < 50 && writer.isAlive(); i++) {
            interval = recorder.intervalHistogram(interval);
            total.add(interval);
            assertTrue(total.getTotalCount() <= values);
        }
        writer.join(TimeUnit.SECONDS.toMillis(30));

        total.add(recorder.intervalHistogram(interval));
        assertEquals(values, total.getTotalCount());
        assertEquals(values, total.getMaxValue(), values / 1000.0, "3 significant digits");
    }

    @Test
    void intervalSnapshotsReportWhatHappenedSinceTheLastReport() {
        LatencyRecorder recorder = new LatencyRecorder();
        IntervalSnapshots intervals = new IntervalSnapshots(recorder);
        recordRange(recorder, 1, 10);

        Histogram first = intervals.next();
        assertEquals(10, first.getTotalCount());
        assertEquals(5.5, first.getMean(), 1e-9);
        assertEquals(10, first.getMaxValue());

        recordRange(recorder, 100, 104);
        Histogram second = intervals.next();
        assertEquals(5, second.getTotalCount());
        assertEquals(102.0, second.getMean(), 1e-9);
        assertEquals(100, second.getMinValue());
        assertEquals(104, second.getMaxValue());
        assertEquals(102, second.getValueAtPercentile(50));
        assertEquals(15, intervals.cumulative().getTotalCount());

        assertEquals(0, intervals.next().getTotalCount());
        assertEquals(15, intervals.cumulative().getTotalCount());
    }

    private static void recordRange(LatencyRecorder recorder, long from, long to) {
        for (long v = from; v <= to; v++) {
            recorder.record(v);
        }
    }
}
