package org.cometmq.broker.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.cometmq.broker.offset.ConsumerOffsetManager;
import org.cometmq.store.MessageStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lag, in-flight and ready messages summed over queues; latencies from the store time of the right message. */
class ConsumerLagCalculatorTest {
    private static final long NOW = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void sumsEveryQueueOfTheGroup() {
        ConsumerOffsetManager offsets = new ConsumerOffsetManager(dir.resolve("offsets.json").toString());
        offsets.commitOffset("c", "g", "T", 0, 10);
        offsets.commitOffset("c", "g", "T", 1, 40);
        offsets.commitOffset("c", "g", "T", 2, 7);
        MessageStore store = mock(MessageStore.class);
        when(store.getMaxOffsetInQueue("T", 0)).thenReturn(25L);
        when(store.getMaxOffsetInQueue("T", 1)).thenReturn(40L);
        when(store.getMaxOffsetInQueue("T", 2)).thenReturn(9L);
        when(store.getMessageStoreTimeStamp("T", 0, 10)).thenReturn(NOW - 500);
        when(store.getMessageStoreTimeStamp("T", 0, 20)).thenReturn(NOW - 100);
        when(store.getMessageStoreTimeStamp("T", 2, 7)).thenReturn(NOW - 900);
        PullOffsets pulls = new PullOffsets();
        pulls.record("g", "T", 0, 20);
        pulls.record("g", "T", 1, 40);

        List<ConsumerLag> lags = new ConsumerLagCalculator(offsets, store, pulls,
            Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC)).calculate();

        assertEquals(1, lags.size());
        ConsumerLag lag = lags.get(0);
        assertEquals("g", lag.group());
        assertEquals("T", lag.topic());
        assertEquals((25 - 10) + (40 - 40) + (9 - 7), lag.lag());
        assertEquals((20 - 10) + 0 + 0, lag.inflight(), "queue 2 was never pulled: nothing in flight");
        assertEquals((25 - 20) + 0 + (9 - 7), lag.ready());
        assertEquals(900, lag.lagLatencyMillis(), "the oldest unconsumed message is queue 2's at offset 7");
        assertEquals(900, lag.queueingLatencyMillis(), "queue 2's offset 7 is also the oldest not pulled");
    }

    @Test
    void aGroupThatCaughtUpHasNoLagAndNoLatency() {
        ConsumerOffsetManager offsets = new ConsumerOffsetManager(dir.resolve("offsets.json").toString());
        offsets.commitOffset("c", "g", "T", 0, 5);
        MessageStore store = mock(MessageStore.class);
        when(store.getMaxOffsetInQueue("T", 0)).thenReturn(5L);
        ConsumerLag lag = new ConsumerLagCalculator(offsets, store, new PullOffsets(), Clock.systemUTC())
            .calculate().get(0);
        assertEquals(new ConsumerLag("g", "T", 0, 0, 0, 0, 0), lag);
    }
}
