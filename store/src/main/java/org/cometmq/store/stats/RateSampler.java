package org.cometmq.store.stats;

import java.util.ArrayDeque;
import java.util.Iterator;

/** Keeps timestamped samples of a growing counter for ten minutes and turns them into per-second rates. */
public class RateSampler {

    private static final long KEEP_MILLIS = 10 * 60 * 1000 + 5000;

    private final ArrayDeque<long[]> samples = new ArrayDeque<>();

    public synchronized void sample(long now, long value) {
        samples.addLast(new long[] {now, value});
        while (!samples.isEmpty() && now - samples.peekFirst()[0] > KEEP_MILLIS) {
            samples.removeFirst();
        }
    }

    /** Rate per second over the last {@code seconds} (or as much history as there is); 0 without history. */
    public synchronized double rate(int seconds) {
        if (samples.size() < 2) {
            return 0;
        }
        long[] last = samples.peekLast();
        long[] first = samples.peekFirst();
        Iterator<long[]> it = samples.descendingIterator();
        while (it.hasNext()) {
            long[] s = it.next();
            first = s;
            if (last[0] - s[0] >= seconds * 1000L) {
                break;
            }
        }
        long elapsed = last[0] - first[0];
        return elapsed <= 0 ? 0 : (last[1] - first[1]) * 1000.0 / elapsed;
    }
}
