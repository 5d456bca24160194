package org.cometmq.client.consumer;

import java.util.List;
import org.cometmq.common.message.MessageQueue;

/**
 * Decides which of a topic's queues one consumer of a group takes. Every consumer of the group runs the same
 * strategy over the same sorted inputs, so together they cover each queue exactly once without talking to
 * each other.
 */
public interface AllocateMessageQueueStrategy {

    /**
     * @param consumerGroup the group being balanced
     * @param currentCID    this consumer's client id
     * @param mqAll         all queues of the topic, sorted
     * @param cidAll        all client ids of the group, sorted
     * @return the queues this consumer owns; empty when it is not in {@code cidAll}
     */
    List<MessageQueue> allocate(String consumerGroup, String currentCID, List<MessageQueue> mqAll,
        List<String> cidAll);

    /** Short name of the strategy, shown in consumer running info. */
    String getName();
}
