package org.cometmq.client.impl.consumer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.cometmq.client.consumer.DefaultLitePullConsumer;
import org.cometmq.client.consumer.MessageQueueListener;
import org.cometmq.client.consumer.MessageSelector;
import org.cometmq.client.consumer.TopicMessageQueueChangeListener;
import org.cometmq.client.consumer.store.LocalFileOffsetStore;
import org.cometmq.client.consumer.store.OffsetStore;
import org.cometmq.client.consumer.store.ReadOffsetType;
import org.cometmq.client.consumer.store.RemoteBrokerOffsetStore;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.hook.ConsumeMessageContext;
import org.cometmq.client.hook.ConsumeMessageHook;
import org.cometmq.client.impl.MQClientManager;
import org.cometmq.client.impl.factory.MQClientInstance;
import org.cometmq.common.MixAll;
import org.cometmq.common.ServiceState;
import org.cometmq.common.consumer.ConsumeFromWhere;
import org.cometmq.common.filter.FilterAPI;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.body.ConsumerRunningInfo;
import org.cometmq.common.protocol.heartbeat.ConsumeType;
import org.cometmq.common.protocol.heartbeat.MessageModel;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;
import org.cometmq.remoting.RPCHook;
import org.cometmq.remoting.common.NamedThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The working part of {@link DefaultLitePullConsumer}: one {@link LitePullTask} per assigned queue fetches into a
 * cache that {@link #poll(long)} drains; offsets of polled messages are committed to the offset store.
 */
public class DefaultLitePullConsumerImpl implements MQConsumerInner {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultLitePullConsumerImpl.class);

    private final DefaultLitePullConsumer defaultLitePullConsumer;
    private final ConsumeMessageHooks consumeMessageHooks = new ConsumeMessageHooks();
    private final RPCHook rpcHook;
    private final RebalanceImpl rebalanceImpl;
    private final AssignedMessageQueue assignedMessageQueue = new AssignedMessageQueue();
    private final BlockingQueue<ConsumeRequest> consumeRequestCache = new LinkedBlockingQueue<>();
    private final LitePullTaskTable pullTasks;
    private final MessageQueueLock messageQueueLock = new MessageQueueLock();
    private final LiteTopicWatcher topicWatcher;
    private final LitePullCommits commits;
    private final long consumerStartTimestamp = System.currentTimeMillis();
    private volatile ServiceState serviceState = ServiceState.CREATE_JUST;
    private volatile SubscriptionType subscriptionType = SubscriptionType.NONE;
    private volatile long nextAutoCommitDeadline = -1L;
    private MQClientInstance clientInstance;
    private PullAPIWrapper pullAPIWrapper;
    private OffsetStore offsetStore;
    private ScheduledThreadPoolExecutor pullExecutor;
    /** Assign mode: the filter expression per topic ({@code setSubExpressionForAssign}); "*" when absent. */
    private final Map<String, String> topicToSubExpression = new ConcurrentHashMap<>();

    /** How queues are chosen: not yet, by group rebalance, or by the application. */
    private enum SubscriptionType {
        NONE, SUBSCRIBE, ASSIGN
    }

    /** Messages of one pull, waiting in the cache for poll. */
    record ConsumeRequest(List<MessageExt> messageExts, MessageQueue messageQueue, ProcessQueue processQueue) {
    }

    public DefaultLitePullConsumerImpl(DefaultLitePullConsumer defaultLitePullConsumer, RPCHook rpcHook) {
        this.defaultLitePullConsumer = defaultLitePullConsumer;
        this.rebalanceImpl = new RebalanceLitePullImpl(defaultLitePullConsumer, () -> offsetStore);
        LitePuller puller = new LitePuller(defaultLitePullConsumer, assignedMessageQueue, rebalanceImpl,
            topicToSubExpression, () -> subscriptionType == SubscriptionType.SUBSCRIBE, consumeMessageHooks,
            () -> pullAPIWrapper);
        this.pullTasks = new LitePullTaskTable(new LitePullParts(defaultLitePullConsumer, puller,
            assignedMessageQueue, messageQueueLock, consumeRequestCache, () -> pullExecutor, this::isRunning));
        this.rpcHook = rpcHook;
        this.topicWatcher = new LiteTopicWatcher(defaultLitePullConsumer, this::isRunning,
            () -> clientInstance.getMQAdminImpl());
        this.commits = new LitePullCommits(this::checkServiceState, assignedMessageQueue, () -> offsetStore);
    }

    // ----- lifecycle -----

    public synchronized void start() throws MQClientException {
        if (serviceState != ServiceState.CREATE_JUST) {
            throw new MQClientException("The lite pull consumer of group " + groupName() + " is already "
                + serviceState + "; a consumer can be started only once: create a new one", null);
        }
        serviceState = ServiceState.START_FAILED;
        checkConfig();
        if (defaultLitePullConsumer.getMessageModel() == MessageModel.CLUSTERING) {
            defaultLitePullConsumer.changeInstanceNameToPID();
        }
        clientInstance = MQClientManager.getInstance().getOrCreateMQClientInstance(defaultLitePullConsumer,
            rpcHook);
        rebalanceImpl.setConsumerGroup(groupName());
        rebalanceImpl.setMessageModel(defaultLitePullConsumer.getMessageModel());
        rebalanceImpl.setAllocateMessageQueueStrategy(defaultLitePullConsumer.getAllocateMessageQueueStrategy());
        rebalanceImpl.setmQClientFactory(clientInstance);
        pullAPIWrapper = new PullAPIWrapper(clientInstance.routes(), clientInstance.getMQClientAPIImpl(), groupName(),
            isUnitMode());
        pullAPIWrapper.setConnectBrokerByUser(defaultLitePullConsumer.isConnectBrokerByUser());
        pullAPIWrapper.setDefaultBrokerId(defaultLitePullConsumer.getDefaultBrokerId());
        offsetStore = createOffsetStore();
        offsetStore.load();
        pullExecutor = new ScheduledThreadPoolExecutor(defaultLitePullConsumer.getPullThreadNums(),
            new NamedThreadFactory("PullMsgThread-" + groupName(), true));
        if (!clientInstance.registerConsumer(groupName(), this)) {
            serviceState = ServiceState.CREATE_JUST;
            pullExecutor.shutdownNow();
            throw new MQClientException("The consumer group " + groupName() + " is already used by another"
                + " consumer in this process (same client id); use another group name or instanceName", null);
        }
        clientInstance.start();
        serviceState = ServiceState.RUNNING;
        topicWatcher.start();
        LOG.info("lite pull consumer of group {} started as {}", groupName(), clientInstance.getClientId());
        operateAfterRunning();
    }

    private void checkConfig() throws MQClientException {
        PushConsumerConfigChecker.checkGroup(groupName());
        if (defaultLitePullConsumer.getMessageModel() == null) {
            throw new MQClientException("messageModel is null: set CLUSTERING or BROADCASTING", null);
        }
        if (defaultLitePullConsumer.getAllocateMessageQueueStrategy() == null) {
            throw new MQClientException("allocateMessageQueueStrategy is null: set one, e.g. new"
                + " AllocateMessageQueueAveragely()", null);
        }
        ConsumeFromWhere where = defaultLitePullConsumer.getConsumeFromWhere();
        if (where != ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET && where != ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET
            && where != ConsumeFromWhere.CONSUME_FROM_TIMESTAMP) {
            throw new MQClientException("consumeFromWhere " + where + " is not supported by the lite pull consumer:"
                + " use CONSUME_FROM_LAST_OFFSET, CONSUME_FROM_FIRST_OFFSET or CONSUME_FROM_TIMESTAMP", null);
        }
        if (defaultLitePullConsumer.getConsumerTimeoutMillisWhenSuspend()
            <= defaultLitePullConsumer.getBrokerSuspendMaxTimeMillis()) {
            throw new MQClientException("consumerTimeoutMillisWhenSuspend must exceed brokerSuspendMaxTimeMillis,"
                + " or held pulls time out before the broker answers", null);
        }
    }

    private OffsetStore createOffsetStore() {
        if (defaultLitePullConsumer.getOffsetStore() != null) {
            return defaultLitePullConsumer.getOffsetStore();
        }
        OffsetStore store = defaultLitePullConsumer.getMessageModel() == MessageModel.BROADCASTING
            ? new LocalFileOffsetStore(clientInstance, groupName())
            : new RemoteBrokerOffsetStore(clientInstance, groupName());
        defaultLitePullConsumer.setOffsetStore(store);
        return store;
    }

    private void operateAfterRunning() throws MQClientException {
        if (subscriptionType == SubscriptionType.SUBSCRIBE) {
            for (String topic : rebalanceImpl.getSubscriptionInner().keySet()) {
                clientInstance.updateTopicRouteInfoFromNameServer(topic);
            }
            clientInstance.sendHeartbeatToAllBrokerWithLock();
            clientInstance.rebalanceImmediately();
        } else if (subscriptionType == SubscriptionType.ASSIGN) {
            pullTasks.retainOnly(assignedMessageQueue.messageQueues());
        }
        topicWatcher.snapshotRegisteredTopics();
    }

    public synchronized void shutdown() {
        if (serviceState != ServiceState.RUNNING) {
            if (serviceState == ServiceState.CREATE_JUST) {
                serviceState = ServiceState.SHUTDOWN_ALREADY;
            }
            return;
        }
        if (defaultLitePullConsumer.isAutoCommit()) {
            commitAll();
        }
        persistConsumerOffset();
        serviceState = ServiceState.SHUTDOWN_ALREADY;
        pullTasks.cancelAll();
        pullExecutor.shutdownNow();
        topicWatcher.shutdown();
        clientInstance.unregisterConsumer(groupName());
        clientInstance.shutdown();
        rebalanceImpl.destroy();
        LOG.info("lite pull consumer of group {} shut down", groupName());
    }

    public boolean isRunning() {
        return serviceState == ServiceState.RUNNING;
    }

    void checkServiceState() {
        if (serviceState != ServiceState.RUNNING) {
            throw new IllegalStateException("The lite pull consumer of group " + groupName() + " is " + serviceState
                + ", not RUNNING: call start() first");
        }
    }

    // ----- subscribe and assign -----

    public synchronized void subscribe(String topic, String subExpression) throws MQClientException {
        subscribe(FilterAPI.buildSubscriptionData(checkTopic(topic), subExpression));
    }

    public synchronized void subscribe(String topic, MessageSelector selector) throws MQClientException {
        if (selector == null) {
            subscribe(topic, SubscriptionData.SUB_ALL);
            return;
        }
        try {
            subscribe(FilterAPI.build(checkTopic(topic), selector.getExpression(), selector.getExpressionType()));
        } catch (IllegalArgumentException e) {
            throw new MQClientException("Bad selector for topic " + topic + ": " + e.getMessage(), e);
        }
    }

    private String checkTopic(String topic) throws MQClientException {
        if (topic == null || topic.isBlank()) {
            throw new MQClientException("Topic can not be null or empty", null);
        }
        return topic;
    }

    /** Subscribes, and also tells {@code listener} of every queue change the rebalance makes. */
    public synchronized void subscribe(String topic, String subExpression, MessageQueueListener listener)
        throws MQClientException {
        subscribe(topic, subExpression);
        QueueAllocationListener allocation = new QueueAllocationListener();
        defaultLitePullConsumer.setMessageQueueListener((t, mqAll, mqDivided) -> {
            allocation.messageQueueChanged(t, mqAll, mqDivided);
            listener.messageQueueChanged(t, mqAll, mqDivided);
        });
    }

    /** Assign mode: pulls of {@code topic} use this tag expression; only before start. */
    public synchronized void setSubExpressionForAssign(String topic, String subExpression) {
        if (subExpression == null || subExpression.isBlank()) {
            throw new IllegalArgumentException("subExpression can not be null or empty.");
        }
        if (serviceState != ServiceState.CREATE_JUST) {
            throw new IllegalStateException("setAssignTag only can be called before start.");
        }
        subscriptionType = SubscriptionType.ASSIGN;
        topicToSubExpression.put(topic, subExpression);
    }

    private void subscribe(SubscriptionData subscriptionData) throws MQClientException {
        if (subscriptionType == SubscriptionType.ASSIGN) {
            throw new MQClientException("This consumer already uses assign(); subscribe and assign can not be mixed",
                null);
        }
        subscriptionType = SubscriptionType.SUBSCRIBE;
        rebalanceImpl.getSubscriptionInner().put(subscriptionData.getTopic(), subscriptionData);
        defaultLitePullConsumer.setMessageQueueListener(new QueueAllocationListener());
        assignedMessageQueue.setRebalanceImpl(rebalanceImpl);
        if (serviceState == ServiceState.RUNNING) {
            clientInstance.sendHeartbeatToAllBrokerWithLock();
            clientInstance.updateTopicRouteInfoFromNameServer(subscriptionData.getTopic());
        }
    }

    public synchronized void unsubscribe(String topic) {
        rebalanceImpl.getSubscriptionInner().remove(topic);
        pullTasks.cancelTopic(topic);
        assignedMessageQueue.removeAssignedMessageQueue(topic);
    }

    public synchronized void assign(Collection<MessageQueue> messageQueues) {
        if (messageQueues == null || messageQueues.isEmpty()) {
            throw new IllegalArgumentException("Message queues can not be null or empty: pass the queues to fetch");
        }
        if (subscriptionType == SubscriptionType.SUBSCRIBE) {
            throw new IllegalStateException("This consumer already uses subscribe(); subscribe and assign can not"
                + " be mixed");
        }
        subscriptionType = SubscriptionType.ASSIGN;
        assignedMessageQueue.updateAssignedMessageQueue(messageQueues);
        if (serviceState == ServiceState.RUNNING) {
            pullTasks.retainOnly(messageQueues);
        }
    }

    /** Subscribe mode: takes the queues a rebalance allocated. */
    private final class QueueAllocationListener implements MessageQueueListener {
        @Override
        public void messageQueueChanged(String topic, Set<MessageQueue> mqAll, Set<MessageQueue> mqDivided) {
            Set<MessageQueue> mine = defaultLitePullConsumer.getMessageModel() == MessageModel.BROADCASTING
                ? mqAll : mqDivided;
            assignedMessageQueue.updateAssignedMessageQueue(topic, mine);
            pullTasks.retainForTopic(topic, mine);
        }
    }

    // ----- poll, seek, commit -----

    public List<MessageExt> poll(long timeout) {
        checkServiceState();
        if (timeout < 0) {
            throw new IllegalArgumentException("Timeout must not be negative, got " + timeout);
        }
        if (defaultLitePullConsumer.isAutoCommit()) {
            maybeAutoCommit();
        }
        long endTime = System.currentTimeMillis() + timeout;
        try {
            ConsumeRequest request = consumeRequestCache.poll(timeout, TimeUnit.MILLISECONDS);
            while (request != null && request.processQueue().isDropped()) {
                long remaining = endTime - System.currentTimeMillis();
                request = remaining > 0 ? consumeRequestCache.poll(remaining, TimeUnit.MILLISECONDS) : null;
            }
            if (request == null) {
                return new ArrayList<>();
            }
            List<MessageExt> messages = request.messageExts();
            long offset = request.processQueue().removeMessage(messages);
            assignedMessageQueue.updateConsumeOffset(request.messageQueue(), offset);
            stripNamespace(messages);
            return messages;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ArrayList<>();
        }
    }

    private void stripNamespace(List<MessageExt> messages) {
        String namespace = defaultLitePullConsumer.getNamespace();
        if (namespace != null && !namespace.isEmpty()) {
            for (MessageExt msg : messages) {
                msg.setTopic(defaultLitePullConsumer.withoutNamespace(msg.getTopic()));
            }
        }
    }

    private void maybeAutoCommit() {
        long now = System.currentTimeMillis();
        if (now >= nextAutoCommitDeadline) {
            commitAll();
            nextAutoCommitDeadline = now + defaultLitePullConsumer.getAutoCommitIntervalMillis();
        }
    }

    /** Puts the offsets of everything polled so far into the offset store and persists them. */
    public synchronized void commitAll() {
        Set<MessageQueue> committed = new HashSet<>();
        for (MessageQueue mq : assignedMessageQueue.messageQueues()) {
            long consumerOffset = assignedMessageQueue.getConsumerOffset(mq);
            ProcessQueue pq = assignedMessageQueue.getProcessQueue(mq);
            if (consumerOffset != -1 && pq != null && !pq.isDropped()) {
                offsetStore.updateOffset(mq, consumerOffset, false);
                committed.add(mq);
            }
        }
        if (!committed.isEmpty()) {
            offsetStore.persistAll(assignedMessageQueue.messageQueues());
        }
    }

    public synchronized void seek(MessageQueue mq, long offset) throws MQClientException {
        checkServiceState();
        if (!assignedMessageQueue.messageQueues().contains(mq)) {
            throw new MQClientException(subscriptionType == SubscriptionType.SUBSCRIBE
                ? "The message queue " + mq + " is not assigned to this consumer (it may be rebalancing); seek again"
                + " after it is" : "The message queue " + mq + " is not assigned: assign() it before seek()", null);
        }
        long min = minOffset(mq);
        long max = maxOffset(mq);
        if (offset < min || offset > max) {
            throw new MQClientException(String.format("Seek offset %d of %s is illegal: it must be in [%d, %d]",
                offset, mq, min, max), null);
        }
        synchronized (messageQueueLock.fetchLockObject(mq)) {
            clearMessageQueueInCache(mq);
            pullTasks.cancel(mq);
            assignedMessageQueue.setSeekOffset(mq, offset);
            pullTasks.start(List.of(mq));
        }
    }

    public void seekToBegin(MessageQueue mq) throws MQClientException {
        seek(mq, minOffset(mq));
    }

    public void seekToEnd(MessageQueue mq) throws MQClientException {
        seek(mq, maxOffset(mq));
    }

    private void clearMessageQueueInCache(MessageQueue mq) {
        ProcessQueue pq = assignedMessageQueue.getProcessQueue(mq);
        if (pq != null) {
            pq.clear();
        }
        consumeRequestCache.removeIf(request -> request.messageQueue().equals(mq));
    }

    public void pause(Collection<MessageQueue> mqs) {
        assignedMessageQueue.pause(mqs);
    }

    public void resume(Collection<MessageQueue> mqs) {
        assignedMessageQueue.resume(mqs);
    }

    public Long committed(MessageQueue mq) throws MQClientException {
        checkServiceState();
        long offset = offsetStore.readOffset(mq, ReadOffsetType.READ_FROM_STORE);
        if (offset == -2) {
            throw new MQClientException("The committed offset of " + mq + " could not be read from its broker", null);
        }
        return offset;
    }

    // ----- admin helpers -----

    public Collection<MessageQueue> fetchMessageQueues(String topic) throws MQClientException {
        checkServiceState();
        return clientInstance.getMQAdminImpl().fetchSubscribeMessageQueues(topic);
    }

    public long searchOffset(MessageQueue mq, long timestamp) throws MQClientException {
        checkServiceState();
        return clientInstance.getMQAdminImpl().searchOffset(mq, timestamp);
    }

    private long minOffset(MessageQueue mq) throws MQClientException {
        return clientInstance.getMQAdminImpl().minOffset(mq);
    }

    private long maxOffset(MessageQueue mq) throws MQClientException {
        return clientInstance.getMQAdminImpl().maxOffset(mq);
    }

    public void registerTopicMessageQueueChangeListener(String topic, TopicMessageQueueChangeListener listener)
        throws MQClientException {
        topicWatcher.register(checkTopic(topic), listener);
    }

    public void updateNameServerAddr(String addr) {
        if (clientInstance != null) {
            clientInstance.getMQClientAPIImpl().updateNameServerAddressList(addr);
        } else {
            defaultLitePullConsumer.setNamesrvAddr(addr);
        }
    }

    // ----- MQConsumerInner -----

    @Override
    public String groupName() {
        return defaultLitePullConsumer.getConsumerGroup();
    }

    @Override
    public MessageModel messageModel() {
        return defaultLitePullConsumer.getMessageModel();
    }

    @Override
    public ConsumeType consumeType() {
        return ConsumeType.CONSUME_ACTIVELY;
    }

    @Override
    public ConsumeFromWhere consumeFromWhere() {
        return defaultLitePullConsumer.getConsumeFromWhere();
    }

    @Override
    public Set<SubscriptionData> subscriptions() {
        return rebalanceImpl.subscriptions();
    }

    @Override
    public void doRebalance() {
        if (subscriptionType == SubscriptionType.SUBSCRIBE && serviceState == ServiceState.RUNNING) {
            rebalanceImpl.doRebalance(false);
        }
    }

    @Override
    public void persistConsumerOffset() {
        if (serviceState != ServiceState.RUNNING) {
            return;
        }
        Set<MessageQueue> mqs = subscriptionType == SubscriptionType.SUBSCRIBE
            ? new HashSet<>(rebalanceImpl.getProcessQueueTable().keySet()) : assignedMessageQueue.messageQueues();
        offsetStore.persistAll(mqs);
    }

    @Override
    public void updateTopicSubscribeInfo(String topic, Set<MessageQueue> info) {
        rebalanceImpl.updateTopicSubscribeInfo(topic, info);
    }

    @Override
    public boolean isSubscribeTopicNeedUpdate(String topic) {
        return rebalanceImpl.isSubscribeTopicNeedUpdate(topic);
    }

    @Override
    public boolean isUnitMode() {
        return defaultLitePullConsumer.isUnitMode();
    }

    @Override
    public ConsumerRunningInfo consumerRunningInfo() {
        ConsumerRunningInfo info = new ConsumerRunningInfo();
        info.setProperties(MixAll.object2Properties(defaultLitePullConsumer));
        info.getProperties().put(ConsumerRunningInfo.PROP_CONSUMER_START_TIMESTAMP,
            String.valueOf(consumerStartTimestamp));
        info.getSubscriptionSet().addAll(subscriptions());
        return info;
    }

    @Override
    public Map<MessageQueue, Long> getConsumeStatus(String topic) {
        return offsetStore == null ? Map.of() : offsetStore.cloneOffsetTable(topic);
    }

    // ----- accessors -----

    // ----- hooks -----

    /** Adds a hook that sees every found pull result as consumed. */
    public void registerConsumeMessageHook(ConsumeMessageHook hook) {
        consumeMessageHooks.register(hook);
    }

    public void executeHookBefore(ConsumeMessageContext context) {
        consumeMessageHooks.executeBefore(context);
    }

    public void executeHookAfter(ConsumeMessageContext context) {
        consumeMessageHooks.executeAfter(context);
    }

    public DefaultLitePullConsumer getDefaultLitePullConsumer() {
        return defaultLitePullConsumer;
    }

    public OffsetStore getOffsetStore() {
        return offsetStore;
    }

    public RebalanceImpl getRebalanceImpl() {
        return rebalanceImpl;
    }

    /** The commits of chosen queues or of given offsets, beside {@link #commitAll}. */
    public LitePullCommits commits() {
        return commits;
    }

    MQClientInstance getmQClientFactory() {
        return clientInstance;
    }
}
