package org.cometmq.client.consumer;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;

/**
 * A consumer the application drives with {@link #poll()}: either subscribed (queues balanced across the group)
 * or assigned (queues chosen by the application, with seek).
 */
public interface LitePullConsumer {

    void start() throws MQClientException;

    void shutdown();

    void subscribe(String topic, String subExpression) throws MQClientException;

    void subscribe(String topic, MessageSelector selector) throws MQClientException;

    /** Subscribes, and tells {@code listener} whenever the rebalance changes this consumer's queues. */
    void subscribe(String topic, String subExpression, MessageQueueListener listener) throws MQClientException;

    /** Whether the consumer has been started and not shut down. */
    boolean isRunning();

    /** The queues this consumer currently fetches from. */
    Set<MessageQueue> assignment() throws MQClientException;

    /** Assign mode: the tag expression pulls of {@code topic} use (default "*"); call before start. */
    void setSubExpressionForAssign(String topic, String subExpression);

    void unsubscribe(String topic);

    /** Replaces the assigned queues; the consumer then runs in assign mode (no rebalance). */
    void assign(Collection<MessageQueue> messageQueues);

    /** Messages pulled so far, waiting at most the consumer's poll timeout; empty when none arrived. */
    List<MessageExt> poll();

    /** Messages pulled so far, waiting at most {@code timeout} ms; empty when none arrived. */
    List<MessageExt> poll(long timeout);

    /** Makes the next poll of {@code messageQueue} start at {@code offset}. */
    void seek(MessageQueue messageQueue, long offset) throws MQClientException;

    /** Stops fetching from these queues; messages already fetched are still returned by poll. */
    void pause(Collection<MessageQueue> messageQueues);

    void resume(Collection<MessageQueue> messageQueues);

    boolean isAutoCommit();

    void setAutoCommit(boolean autoCommit);

    Collection<MessageQueue> fetchMessageQueues(String topic) throws MQClientException;

    /** The offset of the first message stored at or after {@code timestamp}. */
    Long offsetForTimestamp(MessageQueue messageQueue, Long timestamp) throws MQClientException;

    /** Commits the offsets of all consumed messages now. */
    void commitSync();

    /** Commits the given offsets; with {@code persist} they are written to the broker at once. */
    void commitSync(Map<MessageQueue, Long> offsetMap, boolean persist);

    /** Commits what was polled from the given queues; with {@code persist} written to the broker at once. */
    void commit(Set<MessageQueue> messageQueues, boolean persist);

    /** The committed offset of {@code messageQueue}; -1 when the broker has none. */
    Long committed(MessageQueue messageQueue) throws MQClientException;

    void registerTopicMessageQueueChangeListener(String topic,
        TopicMessageQueueChangeListener topicMessageQueueChangeListener) throws MQClientException;

    void updateNameServerAddress(String nameServerAddress);

    void seekToBegin(MessageQueue messageQueue) throws MQClientException;

    void seekToEnd(MessageQueue messageQueue) throws MQClientException;
}
