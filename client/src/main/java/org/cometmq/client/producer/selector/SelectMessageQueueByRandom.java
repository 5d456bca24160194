package org.cometmq.client.producer.selector;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.cometmq.client.producer.MessageQueueSelector;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageQueue;

/** A uniformly random queue. */
public class SelectMessageQueueByRandom implements MessageQueueSelector {

    @Override
    public MessageQueue select(List<MessageQueue> mqs, Message msg, Object arg) {
        return mqs.get(ThreadLocalRandom.current().nextInt(mqs.size()));
    }
}
