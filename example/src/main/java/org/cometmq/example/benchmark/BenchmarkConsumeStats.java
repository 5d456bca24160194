package org.cometmq.example.benchmark;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.cometmq.example.stats.LatencyRecorder;

/**
 * What the consume threads report: end-to-end latency in milliseconds (consume time minus the producer's
 * born timestamp; both are wall clocks, so only meaningful on one machine or with synchronized clocks), the
 * number consumed, when the first and last arrived, and whether the count bound has been reached.
 */
final class BenchmarkConsumeStats {
    private final LatencyRecorder e2eMillis = new LatencyRecorder();
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong firstNanos = new AtomicLong();
    private final AtomicLong lastNanos = new AtomicLong();
    private final RunBound bound;
    private final CountDownLatch countReached = new CountDownLatch(1);

    BenchmarkConsumeStats(RunBound bound) {
        this.bound = bound;
    }

    void consumed(long bornTimestampMillis) {
        e2eMillis.record(System.currentTimeMillis() - bornTimestampMillis);
        long now = System.nanoTime();
        firstNanos.compareAndSet(0, now);
        lastNanos.accumulateAndGet(now, Math::max);
        long consumed = count.incrementAndGet();
        if (bound.hasMessageCount() && consumed == bound.messageCount()) {
            countReached.countDown();
        }
    }

    LatencyRecorder e2eMillis() {
        return e2eMillis;
    }

    long count() {
        return count.get();
    }

    /** Time from the first to the last message consumed; 0 before the second one. */
    long activeNanos() {
        long first = firstNanos.get();
        return first == 0 ? 0 : lastNanos.get() - first;
    }

    CountDownLatch countReached() {
        return countReached;
    }
}
