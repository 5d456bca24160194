package org.cometmq.client.consumer;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.cometmq.client.ClientConfig;
import org.cometmq.client.QueryResult;
import org.cometmq.client.consumer.listener.MessageListener;
import org.cometmq.client.consumer.listener.MessageListenerConcurrently;
import org.cometmq.client.consumer.listener.MessageListenerOrderly;
import org.cometmq.client.consumer.rebalance.AllocateMessageQueueAveragely;
import org.cometmq.client.consumer.store.OffsetStore;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.impl.consumer.DefaultMQPushConsumerImpl;
import org.cometmq.client.trace.TraceDispatcher;
import org.cometmq.client.trace.TraceDispatchers;
import org.cometmq.common.UtilAll;
import org.cometmq.common.consumer.ConsumeFromWhere;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.heartbeat.MessageModel;
import org.cometmq.remoting.RPCHook;
import org.cometmq.remoting.exception.RemotingException;

/**
 * The push consumer: subscribe, register a listener, start. It balances the topic's queues with the other
 * consumers of its group, pulls them with long polling and calls the listener; offsets are committed every
 * {@code persistConsumerOffsetInterval} ms and at shutdown. Settings must be made before {@link #start()}.
 */
public class DefaultMQPushConsumer extends ClientConfig implements MQPushConsumer {

    protected final transient DefaultMQPushConsumerImpl defaultMQPushConsumerImpl;
    private final transient TraceDispatcher traceDispatcher;
    private String consumerGroup;
    private MessageModel messageModel = MessageModel.CLUSTERING;
    private ConsumeFromWhere consumeFromWhere = ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET;
    /** Start point of CONSUME_FROM_TIMESTAMP, {@code yyyyMMddHHmmss}; default half an hour before creation. */
    private String consumeTimestamp = UtilAll.timeMillisToHumanString3(System.currentTimeMillis() - 1000L * 60 * 30);
    private AllocateMessageQueueStrategy allocateMessageQueueStrategy;
    private Map<String, String> subscription = new HashMap<>();
    private MessageListener messageListener;
    private OffsetStore offsetStore;
    private int consumeThreadMin = 20;
    private int consumeThreadMax = 20;
    private long adjustThreadPoolNumsThreshold = 100000;
    /** Concurrent mode: stop pulling a queue while its oldest and newest held messages are this far apart. */
    private int consumeConcurrentlyMaxSpan = 2000;
    private int pullThresholdForQueue = 1000;
    /** In MiB. */
    private int pullThresholdSizeForQueue = 100;
    /** -1: no topic-wide limit. */
    private int pullThresholdForTopic = -1;
    /** In MiB; -1: no topic-wide limit. */
    private int pullThresholdSizeForTopic = -1;
    private long pullInterval = 0;
    private int consumeMessageBatchMaxSize = 1;
    private int pullBatchSize = 32;
    private boolean postSubscriptionWhenPull = false;
    private boolean unitMode = false;
    /** -1: 16 for concurrent listeners, unlimited for orderly ones. */
    private int maxReconsumeTimes = -1;
    private long suspendCurrentQueueTimeMillis = 1000;
    /** Minutes a message may stay in a concurrent listener before it is sent back. */
    private long consumeTimeout = 15;
    /** How long shutdown waits for running listeners; 0: no wait. */
    private long awaitTerminationMillisWhenShutdown = 0;

    public DefaultMQPushConsumer() {
        this(null, "DEFAULT_CONSUMER", null, new AllocateMessageQueueAveragely());
    }

    public DefaultMQPushConsumer(String consumerGroup) {
        this(null, consumerGroup, null, new AllocateMessageQueueAveragely());
    }

    public DefaultMQPushConsumer(RPCHook rpcHook) {
        this(null, "DEFAULT_CONSUMER", rpcHook, new AllocateMessageQueueAveragely());
    }

    public DefaultMQPushConsumer(String consumerGroup, RPCHook rpcHook) {
        this(null, consumerGroup, rpcHook, new AllocateMessageQueueAveragely());
    }

    public DefaultMQPushConsumer(String namespace, String consumerGroup) {
        this(namespace, consumerGroup, null, new AllocateMessageQueueAveragely());
    }

    public DefaultMQPushConsumer(String namespace, String consumerGroup, RPCHook rpcHook) {
        this(namespace, consumerGroup, rpcHook, new AllocateMessageQueueAveragely());
    }

    public DefaultMQPushConsumer(String consumerGroup, RPCHook rpcHook,
        AllocateMessageQueueStrategy allocateMessageQueueStrategy) {
        this(null, consumerGroup, rpcHook, allocateMessageQueueStrategy);
    }

    public DefaultMQPushConsumer(String namespace, String consumerGroup, RPCHook rpcHook,
        AllocateMessageQueueStrategy allocateMessageQueueStrategy) {
        this(namespace, consumerGroup, rpcHook, allocateMessageQueueStrategy, false, null);
    }

    /** A consumer that traces every listener call when {@code enableMsgTrace} (to RMQ_SYS_TRACE_TOPIC). */
    public DefaultMQPushConsumer(String consumerGroup, boolean enableMsgTrace) {
        this(null, consumerGroup, null, new AllocateMessageQueueAveragely(), enableMsgTrace, null);
    }

    public DefaultMQPushConsumer(String consumerGroup, boolean enableMsgTrace, String customizedTraceTopic) {
        this(null, consumerGroup, null, new AllocateMessageQueueAveragely(), enableMsgTrace, customizedTraceTopic);
    }

    public DefaultMQPushConsumer(String consumerGroup, RPCHook rpcHook,
        AllocateMessageQueueStrategy allocateMessageQueueStrategy, boolean enableMsgTrace,
        String customizedTraceTopic) {
        this(null, consumerGroup, rpcHook, allocateMessageQueueStrategy, enableMsgTrace, customizedTraceTopic);
    }

    /**
     * @param enableMsgTrace       whether every listener call leaves SubBefore and SubAfter trace records
     * @param customizedTraceTopic the trace topic; null for RMQ_SYS_TRACE_TOPIC
     */
    public DefaultMQPushConsumer(String namespace, String consumerGroup, RPCHook rpcHook,
        AllocateMessageQueueStrategy allocateMessageQueueStrategy, boolean enableMsgTrace,
        String customizedTraceTopic) {
        this.consumerGroup = consumerGroup;
        this.namespace = namespace;
        this.allocateMessageQueueStrategy = allocateMessageQueueStrategy;
        this.defaultMQPushConsumerImpl = new DefaultMQPushConsumerImpl(this, rpcHook);
        this.traceDispatcher = enableMsgTrace ? TraceDispatchers.forPushConsumer(defaultMQPushConsumerImpl,
            consumerGroup, customizedTraceTopic, rpcHook) : null;
    }

    @Override
    public void createTopic(String key, String newTopic, int queueNum) throws MQClientException {
        createTopic(key, withNamespace(newTopic), queueNum, 0);
    }

    @Override
    public void createTopic(String key, String newTopic, int queueNum, int topicSysFlag) throws MQClientException {
        defaultMQPushConsumerImpl.admin().createTopic(key, withNamespace(newTopic), queueNum, topicSysFlag);
    }

    @Override
    public long searchOffset(MessageQueue mq, long timestamp) throws MQClientException {
        return defaultMQPushConsumerImpl.admin().searchOffset(queueWithNamespace(mq), timestamp);
    }

    @Override
    public long maxOffset(MessageQueue mq) throws MQClientException {
        return defaultMQPushConsumerImpl.admin().maxOffset(queueWithNamespace(mq));
    }

    @Override
    public long minOffset(MessageQueue mq) throws MQClientException {
        return defaultMQPushConsumerImpl.admin().minOffset(queueWithNamespace(mq));
    }

    @Override
    public long earliestMsgStoreTime(MessageQueue mq) throws MQClientException {
        return defaultMQPushConsumerImpl.admin().earliestMsgStoreTime(queueWithNamespace(mq));
    }

    @Override
    public MessageExt viewMessage(String offsetMsgId)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        return defaultMQPushConsumerImpl.admin().viewMessage(offsetMsgId);
    }

    @Override
    public QueryResult queryMessage(String topic, String key, int maxNum, long begin, long end)
        throws MQClientException, InterruptedException {
        return defaultMQPushConsumerImpl.admin().queryMessage(withNamespace(topic), key, maxNum, begin, end);
    }

    @Override
    public MessageExt viewMessage(String topic, String msgId)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        return defaultMQPushConsumerImpl.admin().viewMessage(withNamespace(topic), msgId);
    }

    @Deprecated
    @Override
    public void sendMessageBack(MessageExt msg, int delayLevel)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        sendMessageBack(msg, delayLevel, null);
    }

    @Override
    public void sendMessageBack(MessageExt msg, int delayLevel, String brokerName)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        msg.setTopic(withNamespace(msg.getTopic()));
        defaultMQPushConsumerImpl.sendMessageBack(msg, delayLevel, brokerName);
    }

    @Override
    public Set<MessageQueue> fetchSubscribeMessageQueues(String topic) throws MQClientException {
        return defaultMQPushConsumerImpl.fetchSubscribeMessageQueues(withNamespace(topic));
    }

    @Override
    public void start() throws MQClientException {
        setConsumerGroup(withNamespace(consumerGroup));
        defaultMQPushConsumerImpl.start();
        TraceDispatchers.start(traceDispatcher, getNamesrvAddr(), getAccessChannel());
    }

    @Override
    public void shutdown() {
        defaultMQPushConsumerImpl.shutdown(awaitTerminationMillisWhenShutdown);
        if (traceDispatcher != null) {
            traceDispatcher.shutdown();
        }
    }

    /** The dispatcher of this consumer's trace records; null when trace is off. */
    public TraceDispatcher getTraceDispatcher() {
        return traceDispatcher;
    }

    @Deprecated
    @Override
    public void registerMessageListener(MessageListener messageListener) {
        this.messageListener = messageListener;
        defaultMQPushConsumerImpl.registerMessageListener(messageListener);
    }

    @Override
    public void registerMessageListener(MessageListenerConcurrently messageListener) {
        this.messageListener = messageListener;
        defaultMQPushConsumerImpl.registerMessageListener(messageListener);
    }

    @Override
    public void registerMessageListener(MessageListenerOrderly messageListener) {
        this.messageListener = messageListener;
        defaultMQPushConsumerImpl.registerMessageListener(messageListener);
    }

    @Override
    public void subscribe(String topic, String subExpression) throws MQClientException {
        defaultMQPushConsumerImpl.subscribe(withNamespace(topic), subExpression);
    }

    @Deprecated
    @Override
    public void subscribe(String topic, String fullClassName, String filterClassSource) throws MQClientException {
        throw new MQClientException("Class filter subscriptions (topic " + topic + ", class " + fullClassName
            + ") are not supported; subscribe with a tag expression or MessageSelector.bySql", null);
    }

    @Override
    public void subscribe(String topic, MessageSelector selector) throws MQClientException {
        defaultMQPushConsumerImpl.subscribe(withNamespace(topic), selector);
    }

    @Override
    public void unsubscribe(String topic) {
        defaultMQPushConsumerImpl.unsubscribe(withNamespace(topic));
    }

    @Override
    public void updateCorePoolSize(int corePoolSize) {
        defaultMQPushConsumerImpl.updateCorePoolSize(corePoolSize);
    }

    @Override
    public void suspend() {
        defaultMQPushConsumerImpl.suspend();
    }

    @Override
    public void resume() {
        defaultMQPushConsumerImpl.resume();
    }

    public DefaultMQPushConsumerImpl getDefaultMQPushConsumerImpl() {
        return defaultMQPushConsumerImpl;
    }

    public String getConsumerGroup() {
        return consumerGroup;
    }

    public void setConsumerGroup(String consumerGroup) {
        this.consumerGroup = consumerGroup;
    }

    public MessageModel getMessageModel() {
        return messageModel;
    }

    public void setMessageModel(MessageModel messageModel) {
        this.messageModel = messageModel;
    }

    public ConsumeFromWhere getConsumeFromWhere() {
        return consumeFromWhere;
    }

    public void setConsumeFromWhere(ConsumeFromWhere consumeFromWhere) {
        this.consumeFromWhere = consumeFromWhere;
    }

    public String getConsumeTimestamp() {
        return consumeTimestamp;
    }

    public void setConsumeTimestamp(String consumeTimestamp) {
        this.consumeTimestamp = consumeTimestamp;
    }

    public AllocateMessageQueueStrategy getAllocateMessageQueueStrategy() {
        return allocateMessageQueueStrategy;
    }

    public void setAllocateMessageQueueStrategy(AllocateMessageQueueStrategy allocateMessageQueueStrategy) {
        this.allocateMessageQueueStrategy = allocateMessageQueueStrategy;
    }

    public Map<String, String> getSubscription() {
        return subscription;
    }

    /** Subscribes to each topic with its tag expression (the Spring-style way to configure subscriptions). */
    public void setSubscription(Map<String, String> subscription) {
        Map<String, String> withNamespace = new HashMap<>();
        for (Map.Entry<String, String> topic : subscription.entrySet()) {
            withNamespace.put(withNamespace(topic.getKey()), topic.getValue());
        }
        this.subscription = withNamespace;
    }

    public MessageListener getMessageListener() {
        return messageListener;
    }

    public void setMessageListener(MessageListener messageListener) {
        this.messageListener = messageListener;
    }

    public OffsetStore getOffsetStore() {
        return offsetStore;
    }

    public void setOffsetStore(OffsetStore offsetStore) {
        this.offsetStore = offsetStore;
    }

    public int getConsumeThreadMin() {
        return consumeThreadMin;
    }

    public void setConsumeThreadMin(int consumeThreadMin) {
        this.consumeThreadMin = consumeThreadMin;
    }

    public int getConsumeThreadMax() {
        return consumeThreadMax;
    }

    public void setConsumeThreadMax(int consumeThreadMax) {
        this.consumeThreadMax = consumeThreadMax;
    }

    public long getAdjustThreadPoolNumsThreshold() {
        return adjustThreadPoolNumsThreshold;
    }

    public void setAdjustThreadPoolNumsThreshold(long adjustThreadPoolNumsThreshold) {
        this.adjustThreadPoolNumsThreshold = adjustThreadPoolNumsThreshold;
    }

    public int getConsumeConcurrentlyMaxSpan() {
        return consumeConcurrentlyMaxSpan;
    }

    public void setConsumeConcurrentlyMaxSpan(int consumeConcurrentlyMaxSpan) {
        this.consumeConcurrentlyMaxSpan = consumeConcurrentlyMaxSpan;
    }

    public int getPullThresholdForQueue() {
        return pullThresholdForQueue;
    }

    public void setPullThresholdForQueue(int pullThresholdForQueue) {
        this.pullThresholdForQueue = pullThresholdForQueue;
    }

    public int getPullThresholdSizeForQueue() {
        return pullThresholdSizeForQueue;
    }

    public void setPullThresholdSizeForQueue(int pullThresholdSizeForQueue) {
        this.pullThresholdSizeForQueue = pullThresholdSizeForQueue;
    }

    public int getPullThresholdForTopic() {
        return pullThresholdForTopic;
    }

    public void setPullThresholdForTopic(int pullThresholdForTopic) {
        this.pullThresholdForTopic = pullThresholdForTopic;
    }

    public int getPullThresholdSizeForTopic() {
        return pullThresholdSizeForTopic;
    }

    public void setPullThresholdSizeForTopic(int pullThresholdSizeForTopic) {
        this.pullThresholdSizeForTopic = pullThresholdSizeForTopic;
    }

    public long getPullInterval() {
        return pullInterval;
    }

    public void setPullInterval(long pullInterval) {
        this.pullInterval = pullInterval;
    }

    public int getConsumeMessageBatchMaxSize() {
        return consumeMessageBatchMaxSize;
    }

    public void setConsumeMessageBatchMaxSize(int consumeMessageBatchMaxSize) {
        this.consumeMessageBatchMaxSize = consumeMessageBatchMaxSize;
    }

    public int getPullBatchSize() {
        return pullBatchSize;
    }

    public void setPullBatchSize(int pullBatchSize) {
        this.pullBatchSize = pullBatchSize;
    }

    public boolean isPostSubscriptionWhenPull() {
        return postSubscriptionWhenPull;
    }

    public void setPostSubscriptionWhenPull(boolean postSubscriptionWhenPull) {
        this.postSubscriptionWhenPull = postSubscriptionWhenPull;
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

    public long getSuspendCurrentQueueTimeMillis() {
        return suspendCurrentQueueTimeMillis;
    }

    public void setSuspendCurrentQueueTimeMillis(long suspendCurrentQueueTimeMillis) {
        this.suspendCurrentQueueTimeMillis = suspendCurrentQueueTimeMillis;
    }

    public long getConsumeTimeout() {
        return consumeTimeout;
    }

    public void setConsumeTimeout(long consumeTimeout) {
        this.consumeTimeout = consumeTimeout;
    }

    public long getAwaitTerminationMillisWhenShutdown() {
        return awaitTerminationMillisWhenShutdown;
    }

    public void setAwaitTerminationMillisWhenShutdown(long awaitTerminationMillisWhenShutdown) {
        this.awaitTerminationMillisWhenShutdown = awaitTerminationMillisWhenShutdown;
    }
}
