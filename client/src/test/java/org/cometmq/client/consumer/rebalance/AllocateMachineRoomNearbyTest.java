package org.cometmq.client.consumer.rebalance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cometmq.common.message.MessageQueue;
import org.junit.jupiter.api.Test;

class AllocateMachineRoomNearbyTest {
    /** Broker "hz-broker-a" lives in room "hz"; client "hz@c1" too. */
    private static final AllocateMachineRoomNearby.MachineRoomResolver RESOLVER =
        new AllocateMachineRoomNearby.MachineRoomResolver() {
            @Override
            public String brokerDeployIn(MessageQueue messageQueue) {
                return messageQueue.getBrokerName().split("-")[0];
            }

            @Override
            public String consumerDeployIn(String clientID) {
                return clientID.split("@")[0];
            }
        };

    private static List<MessageQueue> queues() {
        List<MessageQueue> all = new ArrayList<>(Queues.of("hz-broker-a", 4));
        all.addAll(Queues.of("sh-broker-b", 4));
        all.addAll(Queues.of("bj-broker-c", 2));
        Collections.sort(all);
        return all;
    }

    @Test
    void roomsKeepTheirQueuesAndAnEmptyRoomIsSharedByAll() {
        AllocateMachineRoomNearby strategy = new AllocateMachineRoomNearby(new AllocateMessageQueueAveragely(),
            RESOLVER);
        List<String> cids = List.of("hz@c1", "hz@c2", "sh@c3");
        // bj has no consumer: its two queues go averagely over all three consumers (c1 -> c0, c2 -> c1).
        assertEquals("a0 a1 c0", Queues.names(strategy.allocate("g", "hz@c1", queues(), cids)));
        assertEquals("a2 a3 c1", Queues.names(strategy.allocate("g", "hz@c2", queues(), cids)));
        assertEquals("b0 b1 b2 b3", Queues.names(strategy.allocate("g", "sh@c3", queues(), cids)));
        assertEquals("MACHINE_ROOM_NEARBY-AVG", strategy.getName());
    }

    @Test
    void nullArgumentsAreRefused() {
        assertThrows(NullPointerException.class, () -> new AllocateMachineRoomNearby(null, RESOLVER));
        assertThrows(NullPointerException.class,
            () -> new AllocateMachineRoomNearby(new AllocateMessageQueueAveragely(), null));
    }
}
