package org.cometmq.client.consumer.rebalance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cometmq.client.consumer.AllocateMessageQueueStrategy;
import org.cometmq.common.message.MessageQueue;

/**
 * Balances only the queues of brokers deployed in the configured machine rooms. A broker's room is the part of
 * its name before {@code @} ({@code room@broker-a}). Each consumer takes a block of {@code n / c} queues, and the
 * first {@code n % c} consumers one leftover queue each from the tail.
 */
public class AllocateMessageQueueByMachineRoom implements AllocateMessageQueueStrategy {
    private Set<String> consumeridcs = new HashSet<>();

    @Override
    public List<MessageQueue> allocate(String consumerGroup, String currentCID, List<MessageQueue> mqAll,
        List<String> cidAll) {
        List<MessageQueue> result = new ArrayList<>();
        if (!AllocationInputs.currentClientTakesPart(consumerGroup, currentCID, mqAll, cidAll)) {
            return result;
        }
        int index = cidAll.indexOf(currentCID);
        List<MessageQueue> inRooms = new ArrayList<>();
        for (MessageQueue mq : mqAll) {
            String[] parts = mq.getBrokerName().split("@");
            if (parts.length == 2 && consumeridcs.contains(parts[0])) {
                inRooms.add(mq);
            }
        }
        int consumers = cidAll.size();
        int blockSize = inRooms.size() / consumers;
        int leftover = inRooms.size() % consumers;
        int start = blockSize * index;
        for (int i = start; i < start + blockSize; i++) {
            result.add(inRooms.get(i));
        }
        if (leftover > index) {
            result.add(inRooms.get(index + blockSize * consumers));
        }
        return result;
    }

    @Override
    public String getName() {
        return "MACHINE_ROOM";
    }

    public Set<String> getConsumeridcs() {
        return consumeridcs;
    }

    public void setConsumeridcs(Set<String> consumeridcs) {
        this.consumeridcs = consumeridcs == null ? new HashSet<>() : consumeridcs;
    }
}
