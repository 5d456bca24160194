package org.cometmq.client.consumer;

import java.util.HashSet;
import java.util.Set;
import org.cometmq.client.ClientConfig;
import org.cometmq.client.QueryResult;
import org.cometmq.client.consumer.rebalance.AllocateMessageQueueAveragely;
import org.cometmq.client.consumer.store.OffsetStore;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.impl.consumer.DefaultMQPullConsumerImpl;
import org.cometmq.common.MixAll;
import org.cometmq.common.filter.FilterAPI;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.heartbeat.MessageModel;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;
import org.cometmq.remoting.RPCHook;
import org.cometmq.remoting.exception.RemotingException;

/**
 * The legacy pull consumer: the application pulls a queue at an offset of its choice and manages offsets itself
 * (kept in the offset store and committed periodically). Used by tools; new applications should prefer
 * {@link DefaultLitePullConsumer}.
 */
public class DefaultMQPullConsumer extends ClientConfig implements MQPullConsumer {
    protected final transient DefaultMQPullConsumerImpl defaultMQPullConsumerImpl;
    private String consumerGroup;
    /** Broker-side hold of a blocking pull. */
    private long brokerSuspendMaxTimeMillis = 1000 * 20;
    /** Client-side timeout of a blocking pull; must exceed the hold. */
    private long consumerTimeoutMillisWhenSuspend = 1000 * 30;
    /** Timeout of a non-blocking pull. */
    private long consumerPullTimeoutMillis = 1000 * 10;
    private MessageModel messageModel = MessageModel.CLUSTERING;
    private MessageQueueListener messageQueueListener;
    private OffsetStore offsetStore;
    private Set<String> registerTopics = new HashSet<>();
    private AllocateMessageQueueStrategy allocateMessageQueueStrategy = new AllocateMessageQueueAveragely();
    private boolean unitMode = false;
    private int maxReconsumeTimes = 16;

    public DefaultMQPullConsumer() {
        this(null, MixAll.DEFAULT_CONSUMER_GROUP, null);
    }

    public DefaultMQPullConsumer(String consumerGroup) {
        this(null, consumerGroup, null);
    }

    public DefaultMQPullConsumer(RPCHook rpcHook) {
        this(null, MixAll.DEFAULT_CONSUMER_GROUP, rpcHook);
    }

    public DefaultMQPullConsumer(String consumerGroup, RPCHook rpcHook) {
        this(null, consumerGroup, rpcHook);
    }

    public DefaultMQPullConsumer(String namespace, String consumerGroup) {
        this(namespace, consumerGroup, null);
    }

    public DefaultMQPullConsumer(String namespace, String consumerGroup, RPCHook rpcHook) {
        this.namespace = namespace;
        this.consumerGroup = consumerGroup;
        this.defaultMQPullConsumerImpl = new DefaultMQPullConsumerImpl(this, rpcHook);
    }

    @Override
    public void createTopic(String key, String newTopic, int queueNum) throws MQClientException {
        createTopic(key, withNamespace(newTopic), queueNum, 0);
    }

    @Override
    public void createTopic(String key, String newTopic, int queueNum, int topicSysFlag) throws MQClientException {
        defaultMQPullConsumerImpl.admin().createTopic(key, withNamespace(newTopic), queueNum, topicSysFlag);
    }

    @Override
    public long searchOffset(MessageQueue mq, long timestamp) throws MQClientException {
        return defaultMQPullConsumerImpl.admin().searchOffset(queueWithNamespace(mq), timestamp);
    }

    @Override
    public long maxOffset(MessageQueue mq) throws MQClientException {
        return defaultMQPullConsumerImpl.admin().maxOffset(queueWithNamespace(mq));
    }

    @Override
    public long minOffset(MessageQueue mq) throws MQClientException {
        return defaultMQPullConsumerImpl.admin().minOffset(queueWithNamespace(mq));
    }

    @Override
    public long earliestMsgStoreTime(MessageQueue mq) throws MQClientException {
        return defaultMQPullConsumerImpl.admin().earliestMsgStoreTime(queueWithNamespace(mq));
    }

    @Override
    public MessageExt viewMessage(String offsetMsgId)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        return defaultMQPullConsumerImpl.admin().viewMessage(offsetMsgId);
    }

    @Override
    public QueryResult queryMessage(String topic, String key, int maxNum, long begin, long end)
        throws MQClientException, InterruptedException {
        return defaultMQPullConsumerImpl.admin().queryMessage(withNamespace(topic), key, maxNum, begin, end);
    }

    @Override
    public MessageExt viewMessage(String topic, String msgId)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        return defaultMQPullConsumerImpl.admin().viewMessage(withNamespace(topic), msgId);
    }

    @Deprecated
    @Override
    public void sendMessageBack(MessageExt msg, int delayLevel)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        sendMessageBack(msg, delayLevel, null, null);
    }

    @Override
    public void sendMessageBack(MessageExt msg, int delayLevel, String brokerName)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        sendMessageBack(msg, delayLevel, brokerName, null);
    }

    @Override
    public void sendMessageBack(MessageExt msg, int delayLevel, String brokerName, String consumerGroup)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        msg.setTopic(withNamespace(msg.getTopic()));
        defaultMQPullConsumerImpl.sendMessageBack(msg, delayLevel, brokerName,
            consumerGroup == null ? null : withNamespace(consumerGroup));
    }

    @Override
    public Set<MessageQueue> fetchSubscribeMessageQueues(String topic) throws MQClientException {
        return defaultMQPullConsumerImpl.fetchSubscribeMessageQueues(withNamespace(topic));
    }

    @Override
    public void start() throws MQClientException {
        setConsumerGroup(withNamespace(consumerGroup));
        defaultMQPullConsumerImpl.start();
    }

    @Override
    public void shutdown() {
        defaultMQPullConsumerImpl.shutdown();
    }

    @Override
    public void registerMessageQueueListener(String topic, MessageQueueListener listener) {
        synchronized (registerTopics) {
            registerTopics.add(withNamespace(topic));
            if (listener != null) {
                this.messageQueueListener = listener;
            }
        }
    }

    @Override
    public PullResult pull(MessageQueue mq, String subExpression, long offset, int maxNums)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return pull(mq, subExpression, offset, maxNums, consumerPullTimeoutMillis);
    }

    @Override
    public PullResult pull(MessageQueue mq, String subExpression, long offset, int maxNums, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return defaultMQPullConsumerImpl.pull(queueWithNamespace(mq), subExpression, offset, maxNums, timeout);
    }

    /** Pulls with a tag or SQL92 selector. */
    @Override
    public PullResult pull(MessageQueue mq, MessageSelector selector, long offset, int maxNums)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return pull(mq, selector, offset, maxNums, consumerPullTimeoutMillis);
    }

    @Override
    public PullResult pull(MessageQueue mq, MessageSelector selector, long offset, int maxNums, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        MessageQueue queue = queueWithNamespace(mq);
        return defaultMQPullConsumerImpl.pull(queue, subscription(queue, selector), offset, maxNums, timeout);
    }

    @Override
    public void pull(MessageQueue mq, String subExpression, long offset, int maxNums, PullCallback pullCallback)
        throws MQClientException, RemotingException, InterruptedException {
        pull(mq, subExpression, offset, maxNums, pullCallback, consumerPullTimeoutMillis);
    }

    @Override
    public void pull(MessageQueue mq, String subExpression, long offset, int maxNums, PullCallback pullCallback,
        long timeout) throws MQClientException, RemotingException, InterruptedException {
        MessageQueue queue = queueWithNamespace(mq);
        defaultMQPullConsumerImpl.pull(queue, defaultMQPullConsumerImpl.subscription(queue, subExpression), offset,
            maxNums, pullCallback, false, timeout);
    }

    @Override
    public void pull(MessageQueue mq, MessageSelector selector, long offset, int maxNums, PullCallback pullCallback)
        throws MQClientException, RemotingException, InterruptedException {
        pull(mq, selector, offset, maxNums, pullCallback, consumerPullTimeoutMillis);
    }

    @Override
    public void pull(MessageQueue mq, MessageSelector selector, long offset, int maxNums, PullCallback pullCallback,
        long timeout) throws MQClientException, RemotingException, InterruptedException {
        MessageQueue queue = queueWithNamespace(mq);
        defaultMQPullConsumerImpl.pull(queue, subscription(queue, selector), offset, maxNums, pullCallback, false,
            timeout);
    }

    @Override
    public PullResult pullBlockIfNotFound(MessageQueue mq, String subExpression, long offset, int maxNums)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return defaultMQPullConsumerImpl.pullBlockIfNotFound(queueWithNamespace(mq), subExpression, offset, maxNums);
    }

    @Override
    public void pullBlockIfNotFound(MessageQueue mq, String subExpression, long offset, int maxNums,
        PullCallback pullCallback) throws MQClientException, RemotingException, InterruptedException {
        MessageQueue queue = queueWithNamespace(mq);
        defaultMQPullConsumerImpl.pull(queue, defaultMQPullConsumerImpl.subscription(queue, subExpression), offset,
            maxNums, pullCallback, true, consumerPullTimeoutMillis);
    }

    private static SubscriptionData subscription(MessageQueue mq, MessageSelector selector)
        throws MQClientException {
        if (mq == null) {
            throw new MQClientException("mq is null: give the message queue to pull", null);
        }
        if (selector == null) {
            return FilterAPI.buildSubscriptionData(mq.getTopic(), SubscriptionData.SUB_ALL);
        }
        try {
            return FilterAPI.build(mq.getTopic(), selector.getExpression(), selector.getExpressionType());
        } catch (IllegalArgumentException e) {
            throw new MQClientException("Bad selector for topic " + mq.getTopic() + ": " + e.getMessage(), e);
        }
    }

    /** Writes the queue's consume offset from the offset store to the broker (or local file) now; needs start(). */
    public void persist(MessageQueue mq) {
        OffsetStore store = defaultMQPullConsumerImpl.getOffsetStore();
        if (store == null) {
            throw new IllegalStateException("The pull consumer is not started: call start() before persist()");
        }
        store.persist(queueWithNamespace(mq));
    }

    @Override
    public void updateConsumeOffset(MessageQueue mq, long offset) throws MQClientException {
        defaultMQPullConsumerImpl.updateConsumeOffset(queueWithNamespace(mq), offset);
    }

    @Override
    public long fetchConsumeOffset(MessageQueue mq, boolean fromStore) throws MQClientException {
        return defaultMQPullConsumerImpl.fetchConsumeOffset(queueWithNamespace(mq), fromStore);
    }

    @Override
    public Set<MessageQueue> fetchMessageQueuesInBalance(String topic) throws MQClientException {
        return defaultMQPullConsumerImpl.fetchMessageQueuesInBalance(withNamespace(topic));
    }

    public DefaultMQPullConsumerImpl getDefaultMQPullConsumerImpl() {
        return defaultMQPullConsumerImpl;
    }

    public String getConsumerGroup() {
        return consumerGroup;
    }

    public void setConsumerGroup(String consumerGroup) {
        this.consumerGroup = consumerGroup;
    }

    public long getBrokerSuspendMaxTimeMillis() {
        return brokerSuspendMaxTimeMillis;
    }

    public void setBrokerSuspendMaxTimeMillis(long brokerSuspendMaxTimeMillis) {
        this.brokerSuspendMaxTimeMillis = brokerSuspendMaxTimeMillis;
    }

    public long getConsumerTimeoutMillisWhenSuspend() {
        return consumerTimeoutMillisWhenSuspend;
    }

    public void setConsumerTimeoutMillisWhenSuspend(long consumerTimeoutMillisWhenSuspend) {
        this.consumerTimeoutMillisWhenSuspend = consumerTimeoutMillisWhenSuspend;
    }

    public long getConsumerPullTimeoutMillis() {
        return consumerPullTimeoutMillis;
    }

    public void setConsumerPullTimeoutMillis(long consumerPullTimeoutMillis) {
        this.consumerPullTimeoutMillis = consumerPullTimeoutMillis;
    }

    public MessageModel getMessageModel() {
        return messageModel;
    }

    public void setMessageModel(MessageModel messageModel) {
        this.messageModel = messageModel;
    }

    public MessageQueueListener getMessageQueueListener() {
        return messageQueueListener;
    }

    public void setMessageQueueListener(MessageQueueListener messageQueueListener) {
        this.messageQueueListener = messageQueueListener;
    }

    public OffsetStore getOffsetStore() {
        return offsetStore;
    }

    public void setOffsetStore(OffsetStore offsetStore) {
        this.offsetStore = offsetStore;
    }

    public Set<String> getRegisterTopics() {
        return registerTopics;
    }

    public void setRegisterTopics(Set<String> registerTopics) {
        this.registerTopics = withNamespace(registerTopics);
    }

    public AllocateMessageQueueStrategy getAllocateMessageQueueStrategy() {
        return allocateMessageQueueStrategy;
    }

    public void setAllocateMessageQueueStrategy(AllocateMessageQueueStrategy allocateMessageQueueStrategy) {
        this.allocateMessageQueueStrategy = allocateMessageQueueStrategy;
    }

    @Override
    public boolean isUnitMode() {
        return unitMode;
    }

    @Override
    public void setUnitMode(boolean isUnitMode) {
        this.unitMode = isUnitMode;
    }

    public int getMaxReconsumeTimes() {
        return maxReconsumeTimes;
    }

    public void setMaxReconsumeTimes(int maxReconsumeTimes) {
        this.maxReconsumeTimes = maxReconsumeTimes;
    }
}
