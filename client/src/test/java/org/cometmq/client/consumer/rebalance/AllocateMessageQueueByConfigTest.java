package org.cometmq.client.consumer.rebalance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.cometmq.common.message.MessageQueue;
import org.junit.jupiter.api.Test;

class AllocateMessageQueueByConfigTest {

    @Test
    void returnsTheConfiguredQueuesWhateverTheGroup() {
        AllocateMessageQueueByConfig strategy = new AllocateMessageQueueByConfig();
        List<MessageQueue> mqs = Queues.of("broker-a", 6);
        strategy.setMessageQueueList(List.of(mqs.get(1), mqs.get(4)));
        assertEquals("1 4", Queues.ids(strategy.allocate("g", "c0", mqs, List.of("c0", "c1"))));
        assertEquals("1 4", Queues.ids(strategy.allocate("g", "c1", mqs, List.of("c0", "c1"))));
        assertEquals("CONFIG", strategy.getName());
    }

    @Test
    void nothingConfiguredGivesNothing() {
        assertEquals(List.of(), new AllocateMessageQueueByConfig().allocate("g", "c0", Queues.of("b", 2),
            List.of("c0")));
    }
}
