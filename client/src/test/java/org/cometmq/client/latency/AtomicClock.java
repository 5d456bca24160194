package org.cometmq.client.latency;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that reads the milliseconds a test keeps in an {@link AtomicLong} and moves by hand. */
final class AtomicClock extends Clock {
    private final AtomicLong millis;

    AtomicClock(AtomicLong millis) {
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
