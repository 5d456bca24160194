package org.cometmq.store;

import java.time.Clock;
import java.util.function.LongSupplier;

/**
 * Decides, on each pass of a flush or commit loop, whether the pass must write every dirty page rather than
 * wait for the configured least number: once per "thorough" interval, read on the store's clock so tests can
 * drive it.
 */
public final class ThoroughFlushTimer {
    private final Clock clock;
    private final LongSupplier intervalMillis;
    private long lastThorough = 0;

    /** {@code intervalMillis} is read on every pass: the broker may change it at run time. */
    public ThoroughFlushTimer(Clock clock, LongSupplier intervalMillis) {
        this.clock = clock;
        this.intervalMillis = intervalMillis;
    }

    /** True once per interval; the interval restarts at that pass. */
    public boolean thoroughDue() {
        long now = clock.millis();
        if (now >= lastThorough + intervalMillis.getAsLong()) {
            lastThorough = now;
            return true;
        }
        return false;
    }

    /** Restarts the interval: the pass just wrote everything anyway. */
    public void restart() {
        lastThorough = clock.millis();
    }
}
