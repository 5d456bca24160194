package org.cometmq.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.cometmq.testkit.ManualClock;
import org.junit.jupiter.api.Test;

class ThoroughFlushTimerTest {

    @Test
    void thoroughPassOncePerIntervalOnTheStoreClock() {
        ManualClock clock = new ManualClock(1_000_000);
        AtomicLong interval = new AtomicLong(10_000);
        ThoroughFlushTimer timer = new ThoroughFlushTimer(clock, interval::get);
        assertTrue(timer.thoroughDue(), "the first pass writes everything");
        assertFalse(timer.thoroughDue());
        clock.advance(9_999);
        assertFalse(timer.thoroughDue(), "not before the interval has passed");
        clock.advance(1);
        assertTrue(timer.thoroughDue(), "due when the interval has passed");
        assertFalse(timer.thoroughDue(), "and the interval restarts there");

        clock.advance(8_000);
        timer.restart();
        clock.advance(9_000);
        assertFalse(timer.thoroughDue(), "a pass that wrote everything restarts the interval");
        interval.set(5_000);
        assertTrue(timer.thoroughDue(), "the interval is read on every pass");
    }
}
