package org.cometmq.client.consumer;

import java.util.Set;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.remoting.exception.RemotingException;

/** A consumer that pulls from queues it names, at offsets it chooses. */
public interface MQPullConsumer extends MQConsumer {

    void start() throws MQClientException;

    void shutdown();

    /** Told when a rebalance changes this consumer's queues of {@code topic}. */
    void registerMessageQueueListener(String topic, MessageQueueListener listener);

    /** Pulls without waiting for new messages. */
    PullResult pull(MessageQueue mq, String subExpression, long offset, int maxNums)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;

    PullResult pull(MessageQueue mq, String subExpression, long offset, int maxNums, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;

    void pull(MessageQueue mq, String subExpression, long offset, int maxNums, PullCallback pullCallback)
        throws MQClientException, RemotingException, InterruptedException;

    void pull(MessageQueue mq, String subExpression, long offset, int maxNums, PullCallback pullCallback,
        long timeout) throws MQClientException, RemotingException, InterruptedException;

    /** Pulls, letting the broker hold the request until a message arrives or the hold time passes. */
    /** Pulls with a tag or SQL92 selector. */
    PullResult pull(MessageQueue mq, MessageSelector selector, long offset, int maxNums)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;

    PullResult pull(MessageQueue mq, MessageSelector selector, long offset, int maxNums, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;

    void pull(MessageQueue mq, MessageSelector selector, long offset, int maxNums, PullCallback pullCallback)
        throws MQClientException, RemotingException, InterruptedException;

    void pull(MessageQueue mq, MessageSelector selector, long offset, int maxNums, PullCallback pullCallback,
        long timeout) throws MQClientException, RemotingException, InterruptedException;

    PullResult pullBlockIfNotFound(MessageQueue mq, String subExpression, long offset, int maxNums)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException;

    void pullBlockIfNotFound(MessageQueue mq, String subExpression, long offset, int maxNums,
        PullCallback pullCallback) throws MQClientException, RemotingException, InterruptedException;

    /** Sets the group's offset of {@code mq} in memory; it reaches the broker at the next persist. */
    void updateConsumeOffset(MessageQueue mq, long offset) throws MQClientException;

    /** The group's offset of {@code mq}, from the broker when {@code fromStore}. */
    long fetchConsumeOffset(MessageQueue mq, boolean fromStore) throws MQClientException;

    /** The queues of {@code topic} this consumer owns after the last rebalance. */
    Set<MessageQueue> fetchMessageQueuesInBalance(String topic) throws MQClientException;

    /** Hands a message back for redelivery to {@code consumerGroup}. */
    void sendMessageBack(MessageExt msg, int delayLevel, String brokerName, String consumerGroup)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;
}
