package org.cometmq.client.consumer;

import java.util.Set;
import org.cometmq.common.message.MessageQueue;

/** Told when the set of queues of a topic (from its route) changes. */
public interface TopicMessageQueueChangeListener {

    void onChanged(String topic, Set<MessageQueue> messageQueues);
}
