package org.cometmq.broker.stats;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.atomic.LongAdder;

/**
 * One counter (a value and a number of events) with periodic samples, so rates can be read over the last
 * 10 s, minute, 10 minutes, hour and day. Adding is lock-free; sampling and reading lock the sample rings.
 */
public class StatsItem {
    static final int SECOND_SAMPLES = 61;
    static final int MINUTE_SAMPLES = 61;
    static final int HOUR_SAMPLES = 25;

    private final LongAdder value = new LongAdder();
    private final LongAdder times = new LongAdder();
    private final ArrayDeque<long[]> tenSecondSamples = new ArrayDeque<>();
    private final ArrayDeque<long[]> minuteSamples = new ArrayDeque<>();
    private final ArrayDeque<long[]> hourSamples = new ArrayDeque<>();

    public StatsItem(long now) {
        long[] origin = {now, 0, 0};
        tenSecondSamples.add(origin);
        minuteSamples.add(origin.clone());
        hourSamples.add(origin.clone());
    }

    public void add(long incValue, long incTimes) {
        value.add(incValue);
        times.add(incTimes);
    }

    public long getValue() {
        return value.sum();
    }

    public long getTimes() {
        return times.sum();
    }

    /** Takes the 10-second sample. */
    public void sampleTenSeconds(long now) {
        sample(tenSecondSamples, now, SECOND_SAMPLES);
    }

    public void sampleMinute(long now) {
        sample(minuteSamples, now, MINUTE_SAMPLES);
    }

    public void sampleHour(long now) {
        sample(hourSamples, now, HOUR_SAMPLES);
    }

    private void sample(ArrayDeque<long[]> ring, long now, int capacity) {
        synchronized (ring) {
            ring.addLast(new long[] {now, value.sum(), times.sum()});
            while (ring.size() > capacity) {
                ring.removeFirst();
            }
        }
    }

    /** Over the last {@code intervals} 10-second samples (1 = 10 s, 6 = 1 min, 60 = 10 min). */
    public StatsSnapshot tenSecondWindow(int intervals) {
        return window(tenSecondSamples, intervals);
    }

    public StatsSnapshot getStatsDataInMinute() {
        return window(tenSecondSamples, 6);
    }

    public StatsSnapshot getStatsDataInHour() {
        return window(minuteSamples, 60);
    }

    public StatsSnapshot getStatsDataInDay() {
        return window(hourSamples, 24);
    }

    /** Between the newest sample and the one {@code intervals} before it (or the oldest kept). */
    private static StatsSnapshot window(ArrayDeque<long[]> ring, int intervals) {
        long[] newest;
        long[] oldest;
        synchronized (ring) {
            if (ring.size() < 2) {
                return StatsSnapshot.EMPTY;
            }
            newest = ring.peekLast();
            oldest = ring.peekFirst();
            int back = 0;
            Iterator<long[]> it = ring.descendingIterator();
            while (it.hasNext() && back <= intervals) {
                oldest = it.next();
                back++;
            }
        }
        long sum = newest[1] - oldest[1];
        long events = newest[2] - oldest[2];
        long millis = newest[0] - oldest[0];
        double tps = millis > 0 ? sum * 1000.0 / millis : 0;
        double avgpt = events > 0 ? (double) sum / events : 0;
        return new StatsSnapshot(sum, tps, avgpt);
    }
}
