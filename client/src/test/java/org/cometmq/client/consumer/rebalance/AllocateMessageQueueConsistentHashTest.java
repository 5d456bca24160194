package org.cometmq.client.consumer.rebalance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.cometmq.common.message.MessageQueue;
import org.junit.jupiter.api.Test;

/**
 * Expected assignments were produced by Apache RocketMQ 4.9.7's own AllocateMessageQueueConsistentHash over the
 * same inputs: consumers of both clients in one group must agree on the ring.
 */
class AllocateMessageQueueConsistentHashTest {
    private static final List<MessageQueue> MQS = Queues.sorted(Queues.of("broker-a", 8), Queues.of("broker-b", 8));
    private static final List<String> THREE = List.of("127.0.0.1@c1", "127.0.0.1@c2", "127.0.0.1@c3");
    private static final List<String> TWO = List.of("127.0.0.1@c1", "127.0.0.1@c3");

    @Test
    void tenVirtualNodesMatchTheReferenceRing() {
        AllocateMessageQueueConsistentHash strategy = new AllocateMessageQueueConsistentHash();
        assertEquals("a1 a3 b2 b4 b5 b6", Queues.names(strategy.allocate("g", "127.0.0.1@c1", MQS, THREE)));
        assertEquals("a4 b1 b7", Queues.names(strategy.allocate("g", "127.0.0.1@c2", MQS, THREE)));
        assertEquals("a0 a2 a5 a6 a7 b0 b3", Queues.names(strategy.allocate("g", "127.0.0.1@c3", MQS, THREE)));
        assertEquals("CONSISTENT_HASH", strategy.getName());
    }

    @Test
    void whenAClientLeavesOnlyItsQueuesMove() {
        AllocateMessageQueueConsistentHash strategy = new AllocateMessageQueueConsistentHash();
        // c2 owned a4 b1 b7; c1 and c3 keep everything they had and split c2's queues.
        assertEquals("a1 a3 b2 b4 b5 b6 b7", Queues.names(strategy.allocate("g", "127.0.0.1@c1", MQS, TWO)));
        assertEquals("a0 a2 a4 a5 a6 a7 b0 b1 b3", Queues.names(strategy.allocate("g", "127.0.0.1@c3", MQS, TWO)));
    }

    @Test
    void virtualNodeCountIsConfigurable() {
        AllocateMessageQueueConsistentHash strategy = new AllocateMessageQueueConsistentHash(3);
        assertEquals("a2 b1 b5", Queues.names(strategy.allocate("g", "127.0.0.1@c1", MQS, THREE)));
        assertEquals("a1 a3 a4 a5 a6 b2 b4 b6 b7", Queues.names(strategy.allocate("g", "127.0.0.1@c2", MQS, THREE)));
        assertEquals("a0 a7 b0 b3", Queues.names(strategy.allocate("g", "127.0.0.1@c3", MQS, THREE)));
        assertThrows(IllegalArgumentException.class, () -> new AllocateMessageQueueConsistentHash(-1));
    }

    @Test
    void sameInputsGiveTheSameAnswerEveryTime() {
        AllocateMessageQueueConsistentHash strategy = new AllocateMessageQueueConsistentHash();
        List<MessageQueue> first = strategy.allocate("g", "127.0.0.1@c2", MQS, THREE);
        for (int i = 0; i < 5; i++) {
            assertEquals(first, new AllocateMessageQueueConsistentHash().allocate("g", "127.0.0.1@c2", MQS, THREE));
        }
    }

    @Test
    void customHashFunctionIsUsed() {
        // Every key on position 7: the last client added takes every position, hence every queue.
        AllocateMessageQueueConsistentHash strategy = new AllocateMessageQueueConsistentHash(2, key -> 7L);
        assertEquals(16, strategy.allocate("g", "127.0.0.1@c3", MQS, THREE).size());
        assertEquals(0, strategy.allocate("g", "127.0.0.1@c1", MQS, THREE).size());
    }

    @Test
    void absentClientGetsNothing() {
        assertEquals(List.of(), new AllocateMessageQueueConsistentHash().allocate("g", "other", MQS, THREE));
    }
}
