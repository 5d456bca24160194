package org.cometmq.example.benchmark;

import java.util.concurrent.locks.LockSupport;

/**
 * Spaces the sends of all threads to one fixed total rate: message {@code n} may start {@code n / rate} seconds
 * after the run started. A rate of 0 sends as fast as the threads can. A fixed rate compares latency at the same
 * offered load; latency is still measured from the send call.
 */
final class SendPacer {
    private final double nanosPerMessage;
    private volatile long startNanos;

    SendPacer(int messagesPerSecond) {
        this.nanosPerMessage = messagesPerSecond <= 0 ? 0 : 1e9 / messagesPerSecond;
    }

    /** Marks the start of the run. */
    void start(long nowNanos) {
        startNanos = nowNanos;
    }

    /** When message {@code number} is due, relative to the start; 0 without a rate. */
    long dueOffsetNanos(long number) {
        return (long) (number * nanosPerMessage);
    }

    /** Waits until message {@code number} is due; false when {@code stopRequested} ended the wait first. */
    boolean awaitTurn(long number, java.util.function.BooleanSupplier stopRequested) {
        if (nanosPerMessage == 0) {
            return true;
        }
        long due = startNanos + dueOffsetNanos(number);
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            if (stopRequested.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                return false;
            }
            LockSupport.parkNanos(Math.min(wait, 100_000_000L));
        }
        return true;
    }
}
