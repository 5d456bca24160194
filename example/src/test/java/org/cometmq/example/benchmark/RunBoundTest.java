package org.cometmq.example.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RunBoundTest {

    @Test
    void countBoundStopsAtTheCountAndDurationBoundNever() {
        RunBound count = new RunBound(0, 3);
        assertFalse(count.countExhausted(2));
        assertTrue(count.countExhausted(3));
        assertFalse(new RunBound(1000, 0).countExhausted(Long.MAX_VALUE - 1));
    }

    @Test
    void describesBothAxes() {
        assertEquals("60.0 s", new RunBound(60_000, 0).describe());
        assertEquals("500 messages", new RunBound(0, 500).describe());
        assertEquals("500 messages or 2.5 s, whichever comes first", new RunBound(2_500, 500).describe());
    }

    @Test
    void needsOneBound() {
        assertThrows(IllegalArgumentException.class, () -> new RunBound(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new RunBound(-1, 5));
    }
}
