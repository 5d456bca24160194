package org.cometmq.client.consumer.rebalance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.cometmq.common.message.MessageQueue;
import org.junit.jupiter.api.Test;

class AllocateMessageQueueAveragelyTest {
    private final AllocateMessageQueueAveragely strategy = new AllocateMessageQueueAveragely();

    @Test
    void tenQueuesThreeClientsGivesFourThreeThreeInConsecutiveBlocks() {
        List<MessageQueue> mqs = Queues.of("broker-a", 10);
        List<String> cids = List.of("c0", "c1", "c2");
        assertEquals("0 1 2 3", Queues.ids(strategy.allocate("g", "c0", mqs, cids)));
        assertEquals("4 5 6", Queues.ids(strategy.allocate("g", "c1", mqs, cids)));
        assertEquals("7 8 9", Queues.ids(strategy.allocate("g", "c2", mqs, cids)));
    }

    @Test
    void evenSplit() {
        List<MessageQueue> mqs = Queues.of("broker-a", 8);
        List<String> cids = List.of("c0", "c1");
        assertEquals("0 1 2 3", Queues.ids(strategy.allocate("g", "c0", mqs, cids)));
        assertEquals("4 5 6 7", Queues.ids(strategy.allocate("g", "c1", mqs, cids)));
    }

    @Test
    void moreConsumersThanQueuesLeavesTheLastOnesIdle() {
        List<MessageQueue> mqs = Queues.of("broker-a", 3);
        List<String> cids = List.of("c0", "c1", "c2", "c3", "c4");
        assertEquals("0", Queues.ids(strategy.allocate("g", "c0", mqs, cids)));
        assertEquals("1", Queues.ids(strategy.allocate("g", "c1", mqs, cids)));
        assertEquals("2", Queues.ids(strategy.allocate("g", "c2", mqs, cids)));
        assertEquals("", Queues.ids(strategy.allocate("g", "c3", mqs, cids)));
        assertEquals("", Queues.ids(strategy.allocate("g", "c4", mqs, cids)));
    }

    @Test
    void clientAbsentFromIdListGetsNothing() {
        List<MessageQueue> mqs = Queues.of("broker-a", 4);
        assertEquals(List.of(), strategy.allocate("g", "stranger", mqs, List.of("c0", "c1")));
    }

    @Test
    void emptyInputsAreRefusedWithAReason() {
        List<MessageQueue> mqs = Queues.of("broker-a", 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> strategy.allocate("g", "", mqs, List.of("c0")));
        assertEquals("currentCID is empty: the consumer has no client id yet", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> strategy.allocate("g", "c0", List.of(), List.of("c0")));
        assertThrows(IllegalArgumentException.class, () -> strategy.allocate("g", "c0", mqs, List.of()));
    }

    @Test
    void twoBrokersAreSplitInSortedOrder() {
        List<MessageQueue> mqs = Queues.sorted(Queues.of("broker-b", 2), Queues.of("broker-a", 3));
        List<String> cids = List.of("c0", "c1");
        assertEquals("a0 a1 a2", Queues.names(strategy.allocate("g", "c0", mqs, cids)));
        assertEquals("b0 b1", Queues.names(strategy.allocate("g", "c1", mqs, cids)));
        assertEquals("AVG", strategy.getName());
    }
}
