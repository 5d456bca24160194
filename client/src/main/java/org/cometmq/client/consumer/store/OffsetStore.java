package org.cometmq.client.consumer.store;

import java.util.Map;
import java.util.Set;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.remoting.exception.RemotingException;

/**
 * A consumer group's committed offsets: the next offset to consume per queue. Updates go to memory and are
 * persisted periodically and at shutdown, to the broker (clustering) or to a local file (broadcasting).
 */
public interface OffsetStore {

    /** Reads the persisted offsets, if this store keeps any locally. */
    void load() throws MQClientException;

    /** Sets the in-memory offset; with {@code increaseOnly} a smaller value is ignored. */
    void updateOffset(MessageQueue mq, long offset, boolean increaseOnly);

    /**
     * @return the offset; -1 when none is stored; -2 (remote store) when the broker could not be asked
     */
    long readOffset(MessageQueue mq, ReadOffsetType type);

    /** Persists the offsets of the given queues; offsets of other queues are forgotten by the remote store. */
    void persistAll(Set<MessageQueue> mqs);

    /** Persists one queue's offset. */
    void persist(MessageQueue mq);

    /** Forgets a queue's in-memory offset (after it has been persisted). */
    void removeOffset(MessageQueue mq);

    /** A copy of the in-memory offsets of {@code topic}; all topics when it is null or empty. */
    Map<MessageQueue, Long> cloneOffsetTable(String topic);

    /** Sends one offset to the queue's broker (no-op for a local store). */
    void updateConsumeOffsetToBroker(MessageQueue mq, long offset, boolean isOneway)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;
}
