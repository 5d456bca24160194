package org.cometmq.testkit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when the test moves it, so a time decision (an expiry, a timeout, a retry budget) is
 * reached by {@link #advance} instead of by sleeping. Safe to advance from one thread while others read it.
 */
public final class ManualClock extends Clock {
    private final AtomicLong millis;

    public ManualClock(long startMillis) {
        this.millis = new AtomicLong(startMillis);
    }

    /** Moves the clock forward (or back, for a negative {@code deltaMillis}). */
    public void advance(long deltaMillis) {
        millis.addAndGet(deltaMillis);
    }

    /** Puts the clock at {@code epochMillis}. */
    public void set(long epochMillis) {
        millis.set(epochMillis);
    }

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
