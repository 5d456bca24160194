package org.cometmq.client.producer.selector;

import java.util.List;
import org.cometmq.client.producer.MessageQueueSelector;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageQueue;

/** The queue at {@code |arg.hashCode() % size|}: equal arguments always land in the same queue. */
public class SelectMessageQueueByHash implements MessageQueueSelector {

    @Override
    public MessageQueue select(List<MessageQueue> mqs, Message msg, Object arg) {
        int value = arg.hashCode() % mqs.size();
        return mqs.get(Math.abs(value));
    }
}
