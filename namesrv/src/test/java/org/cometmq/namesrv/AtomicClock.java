package org.cometmq.namesrv;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that reads the milliseconds a test keeps in an {@link AtomicLong} and moves by hand. */
public final class AtomicClock extends Clock {
    private final AtomicLong millis;

    public AtomicClock(AtomicLong millis) {
        this.millis = millis;
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
