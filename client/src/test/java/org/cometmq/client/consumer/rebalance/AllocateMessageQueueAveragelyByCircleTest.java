package org.cometmq.client.consumer.rebalance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.cometmq.common.message.MessageQueue;
import org.junit.jupiter.api.Test;

class AllocateMessageQueueAveragelyByCircleTest {
    private final AllocateMessageQueueAveragelyByCircle strategy = new AllocateMessageQueueAveragelyByCircle();

    @Test
    void queuesAreDealtRoundRobin() {
        List<MessageQueue> mqs = Queues.of("broker-a", 10);
        List<String> cids = List.of("c0", "c1", "c2");
        assertEquals("0 3 6 9", Queues.ids(strategy.allocate("g", "c0", mqs, cids)));
        assertEquals("1 4 7", Queues.ids(strategy.allocate("g", "c1", mqs, cids)));
        assertEquals("2 5 8", Queues.ids(strategy.allocate("g", "c2", mqs, cids)));
    }

    @Test
    void moreConsumersThanQueuesAndAbsentClient() {
        List<MessageQueue> mqs = Queues.of("broker-a", 2);
        List<String> cids = List.of("c0", "c1", "c2");
        assertEquals("0", Queues.ids(strategy.allocate("g", "c0", mqs, cids)));
        assertEquals("1", Queues.ids(strategy.allocate("g", "c1", mqs, cids)));
        assertEquals("", Queues.ids(strategy.allocate("g", "c2", mqs, cids)));
        assertEquals("", Queues.ids(strategy.allocate("g", "zz", mqs, cids)));
        assertEquals("AVG_BY_CIRCLE", strategy.getName());
    }
}
