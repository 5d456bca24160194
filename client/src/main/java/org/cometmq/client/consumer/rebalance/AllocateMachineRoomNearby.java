package org.cometmq.client.consumer.rebalance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cometmq.client.consumer.AllocateMessageQueueStrategy;
import org.cometmq.common.message.MessageQueue;

/**
 * Keeps consumption inside each machine room: queues of a room are shared, with the inner strategy, among the
 * consumers of the same room. Queues of a room that has no consumer are shared among all consumers.
 */
public class AllocateMachineRoomNearby implements AllocateMessageQueueStrategy {
    private final AllocateMessageQueueStrategy allocateMessageQueueStrategy;
    private final MachineRoomResolver machineRoomResolver;

    public AllocateMachineRoomNearby(AllocateMessageQueueStrategy allocateMessageQueueStrategy,
        MachineRoomResolver machineRoomResolver) {
        if (allocateMessageQueueStrategy == null) {
            throw new NullPointerException(
                "allocateMessageQueueStrategy is null: give the strategy used inside a room");
        }
        if (machineRoomResolver == null) {
            throw new NullPointerException(
                "machineRoomResolver is null: give a resolver of brokers' and clients' rooms");
        }
        this.allocateMessageQueueStrategy = allocateMessageQueueStrategy;
        this.machineRoomResolver = machineRoomResolver;
    }

    @Override
    public List<MessageQueue> allocate(String consumerGroup, String currentCID, List<MessageQueue> mqAll,
        List<String> cidAll) {
        List<MessageQueue> result = new ArrayList<>();
        if (!AllocationInputs.currentClientTakesPart(consumerGroup, currentCID, mqAll, cidAll)) {
            return result;
        }
        Map<String, List<MessageQueue>> queuesByRoom = new TreeMap<>();
        for (MessageQueue mq : mqAll) {
            String room = machineRoomResolver.brokerDeployIn(mq);
            if (room != null && !room.isEmpty()) {
                queuesByRoom.computeIfAbsent(room, r -> new ArrayList<>()).add(mq);
            }
        }
        Map<String, List<String>> consumersByRoom = new TreeMap<>();
        for (String cid : cidAll) {
            String room = machineRoomResolver.consumerDeployIn(cid);
            if (room != null && !room.isEmpty()) {
                consumersByRoom.computeIfAbsent(room, r -> new ArrayList<>()).add(cid);
            }
        }
        String currentRoom = machineRoomResolver.consumerDeployIn(currentCID);
        List<MessageQueue> queuesHere = queuesByRoom.remove(currentRoom);
        List<String> consumersHere = consumersByRoom.get(currentRoom);
        if (queuesHere != null && !queuesHere.isEmpty() && consumersHere != null) {
            result.addAll(
                allocateMessageQueueStrategy.allocate(consumerGroup, currentCID, queuesHere, consumersHere));
        }
        for (Map.Entry<String, List<MessageQueue>> room : queuesByRoom.entrySet()) {
            if (!consumersByRoom.containsKey(room.getKey())) {
                result.addAll(allocateMessageQueueStrategy.allocate(consumerGroup, currentCID, room.getValue(), cidAll));
            }
        }
        return result;
    }

    @Override
    public String getName() {
        return "MACHINE_ROOM_NEARBY-" + allocateMessageQueueStrategy.getName();
    }

    /** Tells which machine room a broker's queue and a consumer are deployed in. */
    public interface MachineRoomResolver {
        String brokerDeployIn(MessageQueue messageQueue);

        String consumerDeployIn(String clientID);
    }
}
