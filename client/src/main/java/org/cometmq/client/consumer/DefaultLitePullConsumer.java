package org.cometmq.client.consumer;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cometmq.client.ClientConfig;
import org.cometmq.client.consumer.rebalance.AllocateMessageQueueAveragely;
import org.cometmq.client.consumer.store.OffsetStore;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.impl.consumer.DefaultLitePullConsumerImpl;
import org.cometmq.client.trace.TraceDispatcher;
import org.cometmq.client.trace.TraceDispatchers;
import org.cometmq.common.MixAll;
import org.cometmq.common.UtilAll;
import org.cometmq.common.consumer.ConsumeFromWhere;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.heartbeat.MessageModel;
import org.cometmq.remoting.RPCHook;

/**
 * The lite pull consumer: the application calls {@link #poll()} and gets messages that background tasks have
 * already fetched. Either {@link #subscribe} (queues balanced across the group, like a push consumer) or
 * {@link #assign} queues and move through them with {@link #seek}. Offsets of polled messages are committed
 * automatically every {@code autoCommitIntervalMillis}, or by {@link #commitSync()}.
 */
public class DefaultLitePullConsumer extends ClientConfig implements LitePullConsumer {
    private final DefaultLitePullConsumerImpl defaultLitePullConsumerImpl;
    private String consumerGroup;
    private long brokerSuspendMaxTimeMillis = 1000 * 20;
    private long consumerTimeoutMillisWhenSuspend = 1000 * 30;
    private long consumerPullTimeoutMillis = 1000 * 10;
    private MessageModel messageModel = MessageModel.CLUSTERING;
    private MessageQueueListener messageQueueListener;
    private OffsetStore offsetStore;
    private AllocateMessageQueueStrategy allocateMessageQueueStrategy = new AllocateMessageQueueAveragely();
    private boolean unitMode = false;
    private boolean autoCommit = true;
    private int pullThreadNums = 20;
    private static final long MIN_AUTOCOMMIT_INTERVAL_MILLIS = 1000;
    private long autoCommitIntervalMillis = 5 * 1000;
    private int pullBatchSize = 10;
    /** Stop fetching while this many messages (all queues) wait to be polled. */
    private long pullThresholdForAll = 10000;
    private int consumeMaxSpan = 2000;
    private int pullThresholdForQueue = 1000;
    /** In MiB. */
    private int pullThresholdSizeForQueue = 100;
    private long pollTimeoutMillis = 1000 * 5;
    private long topicMetadataCheckIntervalMillis = 30 * 1000;
    private ConsumeFromWhere consumeFromWhere = ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET;
    private String consumeTimestamp = UtilAll.timeMillisToHumanString3(System.currentTimeMillis() - 1000L * 60 * 30);

    private final transient RPCHook rpcHook;
    private boolean enableMsgTrace = false;
    private String customizedTraceTopic;
    private transient TraceDispatcher traceDispatcher;
    /** Pull from {@link #getDefaultBrokerId()} of each broker group instead of the node the broker suggests. */
    private boolean connectBrokerByUser = false;
    private long defaultBrokerId = MixAll.MASTER_ID;

    public DefaultLitePullConsumer() {
        this(null, MixAll.DEFAULT_CONSUMER_GROUP, null);
    }

    public DefaultLitePullConsumer(String consumerGroup) {
        this(null, consumerGroup, null);
    }

    public DefaultLitePullConsumer(RPCHook rpcHook) {
        this(null, MixAll.DEFAULT_CONSUMER_GROUP, rpcHook);
    }

    public DefaultLitePullConsumer(String consumerGroup, RPCHook rpcHook) {
        this(null, consumerGroup, rpcHook);
    }

    public DefaultLitePullConsumer(String namespace, String consumerGroup, RPCHook rpcHook) {
        this.namespace = namespace;
        this.consumerGroup = consumerGroup;
        this.rpcHook = rpcHook;
        this.defaultLitePullConsumerImpl = new DefaultLitePullConsumerImpl(this, rpcHook);
    }

    /** Starts the consumer, and its message trace when {@link #setEnableMsgTrace} switched it on. */
    @Override
    public void start() throws MQClientException {
        if (enableMsgTrace && traceDispatcher == null) {
            traceDispatcher = TraceDispatchers.forLitePullConsumer(defaultLitePullConsumerImpl, consumerGroup,
                customizedTraceTopic, rpcHook);
        }
        setConsumerGroup(withNamespace(consumerGroup));
        defaultLitePullConsumerImpl.start();
        TraceDispatchers.start(traceDispatcher, getNamesrvAddr(), getAccessChannel());
    }

    @Override
    public void shutdown() {
        defaultLitePullConsumerImpl.shutdown();
        if (traceDispatcher != null) {
            traceDispatcher.shutdown();
        }
    }

    /** The dispatcher of this consumer's trace records; null when trace is off or before start. */
    public TraceDispatcher getTraceDispatcher() {
        return traceDispatcher;
    }

    public void setCustomizedTraceTopic(String customizedTraceTopic) {
        this.customizedTraceTopic = customizedTraceTopic;
    }

    public String getCustomizedTraceTopic() {
        return customizedTraceTopic;
    }

    public boolean isEnableMsgTrace() {
        return enableMsgTrace;
    }

    /** Whether found pull results leave SubBefore and SubAfter trace records; set before start. */
    public void setEnableMsgTrace(boolean enableMsgTrace) {
        this.enableMsgTrace = enableMsgTrace;
    }

    @Override
    public boolean isRunning() {
        return defaultLitePullConsumerImpl.isRunning();
    }

    @Override
    public void subscribe(String topic, String subExpression) throws MQClientException {
        defaultLitePullConsumerImpl.subscribe(withNamespace(topic), subExpression);
    }

    @Override
    public void subscribe(String topic, String subExpression, MessageQueueListener messageQueueListener)
        throws MQClientException {
        defaultLitePullConsumerImpl.subscribe(withNamespace(topic), subExpression, messageQueueListener);
    }

    @Override
    public void subscribe(String topic, MessageSelector selector) throws MQClientException {
        defaultLitePullConsumerImpl.subscribe(withNamespace(topic), selector);
    }

    @Override
    public void unsubscribe(String topic) {
        defaultLitePullConsumerImpl.unsubscribe(withNamespace(topic));
    }

    @Override
    public void assign(Collection<MessageQueue> messageQueues) {
        defaultLitePullConsumerImpl.assign(queuesWithNamespace(messageQueues));
    }

    @Override
    public List<MessageExt> poll() {
        return defaultLitePullConsumerImpl.poll(getPollTimeoutMillis());
    }

    @Override
    public List<MessageExt> poll(long timeout) {
        return defaultLitePullConsumerImpl.poll(timeout);
    }

    @Override
    public void seek(MessageQueue messageQueue, long offset) throws MQClientException {
        defaultLitePullConsumerImpl.seek(queueWithNamespace(messageQueue), offset);
    }

    @Override
    public void pause(Collection<MessageQueue> messageQueues) {
        defaultLitePullConsumerImpl.pause(queuesWithNamespace(messageQueues));
    }

    @Override
    public void resume(Collection<MessageQueue> messageQueues) {
        defaultLitePullConsumerImpl.resume(queuesWithNamespace(messageQueues));
    }

    @Override
    public Collection<MessageQueue> fetchMessageQueues(String topic) throws MQClientException {
        return defaultLitePullConsumerImpl.fetchMessageQueues(withNamespace(topic));
    }

    @Override
    public Long offsetForTimestamp(MessageQueue messageQueue, Long timestamp) throws MQClientException {
        return defaultLitePullConsumerImpl.searchOffset(queueWithNamespace(messageQueue), timestamp);
    }

    @Override
    public void registerTopicMessageQueueChangeListener(String topic,
        TopicMessageQueueChangeListener topicMessageQueueChangeListener) throws MQClientException {
        defaultLitePullConsumerImpl.registerTopicMessageQueueChangeListener(withNamespace(topic),
            topicMessageQueueChangeListener);
    }

    @Override
    public void commitSync() {
        defaultLitePullConsumerImpl.commitAll();
    }

    @Override
    public void commitSync(Map<MessageQueue, Long> offsetMap, boolean persist) {
        Map<MessageQueue, Long> withNamespace = new HashMap<>();
        offsetMap.forEach((mq, offset) -> withNamespace.put(queueWithNamespace(mq), offset));
        defaultLitePullConsumerImpl.commits().commit(withNamespace, persist);
    }

    @Override
    public void commit(Set<MessageQueue> messageQueues, boolean persist) {
        Set<MessageQueue> withNamespace = new HashSet<>();
        messageQueues.forEach(mq -> withNamespace.add(queueWithNamespace(mq)));
        defaultLitePullConsumerImpl.commits().commit(withNamespace, persist);
    }

    @Override
    public Set<MessageQueue> assignment() throws MQClientException {
        return defaultLitePullConsumerImpl.commits().assignment();
    }

    @Override
    public void setSubExpressionForAssign(String topic, String subExpression) {
        defaultLitePullConsumerImpl.setSubExpressionForAssign(withNamespace(topic), subExpression);
    }

    @Override
    public Long committed(MessageQueue messageQueue) throws MQClientException {
        return defaultLitePullConsumerImpl.committed(queueWithNamespace(messageQueue));
    }

    @Override
    public void updateNameServerAddress(String nameServerAddress) {
        defaultLitePullConsumerImpl.updateNameServerAddr(nameServerAddress);
    }

    @Override
    public void seekToBegin(MessageQueue messageQueue) throws MQClientException {
        defaultLitePullConsumerImpl.seekToBegin(queueWithNamespace(messageQueue));
    }

    @Override
    public void seekToEnd(MessageQueue messageQueue) throws MQClientException {
        defaultLitePullConsumerImpl.seekToEnd(queueWithNamespace(messageQueue));
    }

    @Override
    public boolean isAutoCommit() {
        return autoCommit;
    }

    @Override
    public void setAutoCommit(boolean autoCommit) {
        this.autoCommit = autoCommit;
    }

    public boolean isConnectBrokerByUser() {
        return connectBrokerByUser;
    }

    /** Takes effect at start. */
    public void setConnectBrokerByUser(boolean connectBrokerByUser) {
        this.connectBrokerByUser = connectBrokerByUser;
    }

    public long getDefaultBrokerId() {
        return defaultBrokerId;
    }

    /** The broker id pulled from when {@link #isConnectBrokerByUser()}; takes effect at start. */
    public void setDefaultBrokerId(long defaultBrokerId) {
        this.defaultBrokerId = defaultBrokerId;
    }

    public DefaultLitePullConsumerImpl getDefaultLitePullConsumerImpl() {
        return defaultLitePullConsumerImpl;
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

    public int getPullThreadNums() {
        return pullThreadNums;
    }

    public void setPullThreadNums(int pullThreadNums) {
        this.pullThreadNums = pullThreadNums;
    }

    public long getAutoCommitIntervalMillis() {
        return autoCommitIntervalMillis;
    }

    /** Values below 1000 ms are raised to 1000 ms. */
    public void setAutoCommitIntervalMillis(long autoCommitIntervalMillis) {
        this.autoCommitIntervalMillis = Math.max(MIN_AUTOCOMMIT_INTERVAL_MILLIS, autoCommitIntervalMillis);
    }

    public int getPullBatchSize() {
        return pullBatchSize;
    }

    public void setPullBatchSize(int pullBatchSize) {
        this.pullBatchSize = pullBatchSize;
    }

    public long getPullThresholdForAll() {
        return pullThresholdForAll;
    }

    public void setPullThresholdForAll(long pullThresholdForAll) {
        this.pullThresholdForAll = pullThresholdForAll;
    }

    public int getConsumeMaxSpan() {
        return consumeMaxSpan;
    }

    public void setConsumeMaxSpan(int consumeMaxSpan) {
        this.consumeMaxSpan = consumeMaxSpan;
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

    public long getPollTimeoutMillis() {
        return pollTimeoutMillis;
    }

    public void setPollTimeoutMillis(long pollTimeoutMillis) {
        this.pollTimeoutMillis = pollTimeoutMillis;
    }

    public long getTopicMetadataCheckIntervalMillis() {
        return topicMetadataCheckIntervalMillis;
    }

    public void setTopicMetadataCheckIntervalMillis(long topicMetadataCheckIntervalMillis) {
        this.topicMetadataCheckIntervalMillis = topicMetadataCheckIntervalMillis;
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
}
