package org.cometmq.example.benchmark;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.cometmq.example.stats.LatencyRecorder;

/**
 * What the sending threads (and, for async sends, the callback threads) report: latency of every successful
 * send in microseconds, the number of failures, and the first failure's description for the user.
 */
final class SendStats {
    private final LatencyRecorder latencyMicros = new LatencyRecorder();
    private final LongAdder failures = new LongAdder();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();

    void success(long startNanos) {
        latencyMicros.record((System.nanoTime() - startNanos) / 1_000);
    }

    void failure(String description) {
        failures.increment();
        if (firstFailure.get() == null && firstFailure.compareAndSet(null, description)) {
            System.err.println("first send failure: " + description);
        }
    }

    LatencyRecorder latencyMicros() {
        return latencyMicros;
    }

    long failures() {
        return failures.sum();
    }
}
