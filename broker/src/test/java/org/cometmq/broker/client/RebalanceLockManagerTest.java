package org.cometmq.broker.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.cometmq.broker.client.rebalance.RebalanceLockManager;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.testkit.ManualClock;
import org.junit.jupiter.api.Test;

class RebalanceLockManagerTest {
    private final MessageQueue q0 = new MessageQueue("T", "b", 0);
    private final MessageQueue q1 = new MessageQueue("T", "b", 1);
    private final ManualClock clock = new ManualClock(1_000_000);
    private final RebalanceLockManager locks = new RebalanceLockManager(clock, 60_000);

    @Test
    void queueHeldByOneClientIsRefusedToAnother() {
        assertEquals(Set.of(q0, q1), locks.tryLockBatch("g", Set.of(q0, q1), "A"));
        assertEquals(Set.of(), locks.tryLockBatch("g", Set.of(q0, q1), "B"));
        assertEquals(Set.of(q0), locks.tryLockBatch("g", Set.of(q0), "A"), "the holder may renew");
        assertEquals(Set.of(q0), locks.tryLockBatch("other", Set.of(q0), "B"), "groups lock independently");
    }

    @Test
    void lockExpiresSixtySecondsAfterLastRenewal() {
        locks.tryLockBatch("g", Set.of(q0), "A");
        clock.advance(40_000);
        locks.tryLockBatch("g", Set.of(q0), "A");
        clock.advance(60_000);
        assertEquals(Set.of(), locks.tryLockBatch("g", Set.of(q0), "B"), "exactly 60 s after renewal it still holds");
        assertTrue(locks.isLockedBy("g", q0, "A"));
        clock.advance(1);
        assertFalse(locks.isLockedBy("g", q0, "A"));
        assertEquals(Set.of(q0), locks.tryLockBatch("g", Set.of(q0), "B"));
        assertTrue(locks.isLockedBy("g", q0, "B"));
    }

    @Test
    void unlockOnlyReleasesOwnQueues() {
        locks.tryLockBatch("g", Set.of(q0), "A");
        locks.tryLockBatch("g", Set.of(q1), "B");
        locks.unlockBatch("g", Set.of(q0, q1), "A");
        assertEquals(Set.of(q0), locks.tryLockBatch("g", Set.of(q0, q1), "C"));
        assertTrue(locks.isLockedBy("g", q1, "B"));
    }
}
