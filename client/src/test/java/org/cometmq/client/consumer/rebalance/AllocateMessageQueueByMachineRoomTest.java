package org.cometmq.client.consumer.rebalance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cometmq.common.message.MessageQueue;
import org.junit.jupiter.api.Test;

class AllocateMessageQueueByMachineRoomTest {

    private static List<MessageQueue> queues() {
        List<MessageQueue> all = new ArrayList<>(Queues.sorted(Queues.of("room1@broker-a", 4),
            Queues.of("room2@broker-b", 4)));
        all.addAll(Queues.of("room3@broker-c", 2));
        return all;
    }

    @Test
    void onlyQueuesOfConfiguredRoomsAreSharedBlocksThenLeftovers() {
        AllocateMessageQueueByMachineRoom strategy = new AllocateMessageQueueByMachineRoom();
        strategy.setConsumeridcs(Set.of("room1", "room2"));
        List<String> cids = List.of("c0", "c1", "c2");
        // 8 queues in rooms 1 and 2, 3 consumers: blocks of 2, leftovers 6 and 7 go to c0 and c1.
        assertEquals("a0 a1 b2", Queues.names(strategy.allocate("g", "c0", queues(), cids)));
        assertEquals("a2 a3 b3", Queues.names(strategy.allocate("g", "c1", queues(), cids)));
        assertEquals("b0 b1", Queues.names(strategy.allocate("g", "c2", queues(), cids)));
        assertEquals("", Queues.names(strategy.allocate("g", "c9", queues(), cids)));
        assertEquals("MACHINE_ROOM", strategy.getName());
    }

    @Test
    void brokerNamesWithoutRoomAreIgnored() {
        AllocateMessageQueueByMachineRoom strategy = new AllocateMessageQueueByMachineRoom();
        strategy.setConsumeridcs(Set.of("broker-x"));
        assertEquals(List.of(), strategy.allocate("g", "c0", Queues.of("broker-x", 3), List.of("c0")));
    }
}
