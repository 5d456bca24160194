package org.cometmq.client.consumer;

import java.util.Set;
import org.cometmq.common.message.MessageQueue;

/** Told when a rebalance changes the queues this consumer owns for a topic. */
public interface MessageQueueListener {

    /**
     * @param mqAll     every queue of the topic
     * @param mqDivided the queues allocated to this consumer
     */
    void messageQueueChanged(String topic, Set<MessageQueue> mqAll, Set<MessageQueue> mqDivided);
}
