package org.cometmq.client.consumer.rebalance;

import java.util.List;
import org.cometmq.client.consumer.AllocateMessageQueueStrategy;
import org.cometmq.common.message.MessageQueue;

/** A base for allocation strategies: the argument checks every strategy makes before dividing queues. */
public abstract class AbstractAllocateMessageQueueStrategy implements AllocateMessageQueueStrategy {

    /**
     * Throws IllegalArgumentException on an empty client id, queue list or client list; returns false when the
     * current client is not (yet) among the group's clients, in which case it should take no queue.
     */
    public boolean check(String consumerGroup, String currentCID, List<MessageQueue> mqAll, List<String> cidAll) {
        return AllocationInputs.currentClientTakesPart(consumerGroup, currentCID, mqAll, cidAll);
    }
}
