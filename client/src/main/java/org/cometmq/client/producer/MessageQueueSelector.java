package org.cometmq.client.producer;

import java.util.List;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageQueue;

/** Picks the queue a message goes to, for example by an order id, so related messages stay in one queue. */
public interface MessageQueueSelector {
    MessageQueue select(List<MessageQueue> mqs, Message msg, Object arg);
}
