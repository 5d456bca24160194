package org.cometmq.example.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SendPacerTest {

    @Test
    void messagesAreDueAtEvenSpacingOfTheTotalRate() {
        SendPacer pacer = new SendPacer(4_000);
        assertEquals(0, pacer.dueOffsetNanos(0));
        assertEquals(250_000, pacer.dueOffsetNanos(1));
        assertEquals(1_000_000_000L, pacer.dueOffsetNanos(4_000));
    }

    @Test
    void withoutARateEveryMessageIsDueAtOnce() {
        SendPacer pacer = new SendPacer(0);
        pacer.start(System.nanoTime());
        assertEquals(0, pacer.dueOffsetNanos(1_000_000));
        assertTrue(pacer.awaitTurn(1_000_000, () -> true), "no rate: never waits, even when a stop is asked");
    }

    @Test
    void aStopEndsTheWaitForAMessageNotYetDue() {
        SendPacer pacer = new SendPacer(1);
        pacer.start(System.nanoTime());
        assertTrue(pacer.awaitTurn(0, () -> false), "the first message is due at the start");
        assertFalse(pacer.awaitTurn(3_600, () -> true), "an hour ahead: the stop ends the wait");
    }

    @Test
    void theRateOptionIsParsedAndDescribed() {
        ProducerOptions options = ProducerOptions.parse(new String[] {"-r", "7000", "-n", "127.0.0.1:9876"},
            Map.of());
        assertEquals(7_000, options.rate());
        assertTrue(options.describe().contains(" rate=7000/s "), options.describe());
        assertEquals(0, ProducerOptions.parse(new String[] {"-n", "127.0.0.1:9876"}, Map.of()).rate());
    }
}
