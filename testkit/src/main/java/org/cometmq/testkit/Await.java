package org.cometmq.testkit;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Bounded polling for the tests of every module: every wait ends, and says what it waited for when it gives up.
 * Waits poll every 100 ms unless they name a shorter interval (in-process tests wait for milliseconds).
 */
public final class Await {
    private static final Duration POLL = Duration.ofMillis(100);

    private Await() {
    }

    /**
     * Calls {@code probe} until its result satisfies {@code done} or {@code timeout} passes. Exceptions of
     * the probe count as "not yet" and the last one is reported.
     */
    public static <T> T until(String what, Duration timeout, Callable<T> probe, Predicate<T> done) {
        return until(what, timeout, POLL, probe, done);
    }

    /** As {@link #until(String, Duration, Callable, Predicate)}, probing every {@code poll}. */
    public static <T> T until(String what, Duration timeout, Duration poll, Callable<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        Exception lastError = null;
        while (true) {
            try {
                last = probe.call();
                lastError = null;
                if (done.test(last)) {
                    return last;
                }
            } catch (Exception e) {
                lastError = e;
            }
            if (System.nanoTime() - deadline >= 0) {
                AssertionError failure = new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for "
                    + what + "; last value: " + last + (lastError == null ? "" : "; last error: " + lastError));
                if (lastError != null) {
                    failure.initCause(lastError);
                }
                throw failure;
            }
            sleep(poll);
        }
    }

    /** Waits until {@code condition} holds. */
    public static void untilTrue(String what, Duration timeout, Callable<Boolean> condition) {
        until(what, timeout, condition, Boolean.TRUE::equals);
    }

    /** Waits until {@code condition} holds, probing every {@code poll}. */
    public static void untilTrue(String what, Duration timeout, Duration poll, BooleanSupplier condition) {
        until(what, timeout, poll, condition::getAsBoolean, Boolean.TRUE::equals);
    }

    /**
     * Waits up to {@code timeout} for {@code condition}, probing every {@code poll}, and returns whether it held:
     * for tests that assert on the state itself afterwards (so the failure shows the values, not a timeout).
     */
    public static boolean holdsWithin(Duration timeout, Duration poll, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            sleep(poll);
        }
        return true;
    }

    /** Sleeps, turning an interrupt into a failure of the test (the flag stays set). */
    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
