package org.cometmq.client.impl.consumer;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.cometmq.common.message.MessageQueue;

/** One monitor object per queue, so an orderly consumer runs at most one batch of a queue at a time. */
public class MessageQueueLock {
    private final ConcurrentMap<MessageQueue, Object> mqLockTable = new ConcurrentHashMap<>();

    /** The monitor of {@code mq}; the same object for equal queues. */
    public Object fetchLockObject(MessageQueue mq) {
        return mqLockTable.computeIfAbsent(mq, k -> new Object());
    }

    /** Forgets the monitor of a queue this consumer no longer owns. */
    public void remove(MessageQueue mq) {
        mqLockTable.remove(mq);
    }
}
