package org.cometmq.client.impl.consumer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cometmq.client.consumer.DefaultMQPushConsumer;
import org.cometmq.client.consumer.MessageSelector;
import org.cometmq.client.consumer.listener.MessageListener;
import org.cometmq.client.consumer.listener.MessageListenerConcurrently;
import org.cometmq.client.consumer.listener.MessageListenerOrderly;
import org.cometmq.client.consumer.store.LocalFileOffsetStore;
import org.cometmq.client.consumer.store.OffsetStore;
import org.cometmq.client.consumer.store.RemoteBrokerOffsetStore;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.hook.ConsumeMessageContext;
import org.cometmq.client.hook.ConsumeMessageHook;
import org.cometmq.client.hook.FilterMessageHook;
import org.cometmq.client.impl.MQAdminImpl;
import org.cometmq.client.impl.MQClientManager;
import org.cometmq.client.impl.factory.MQClientInstance;
import org.cometmq.common.MixAll;
import org.cometmq.common.ServiceState;
import org.cometmq.common.consumer.ConsumeFromWhere;
import org.cometmq.common.filter.FilterAPI;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.body.ConsumeMessageDirectlyResult;
import org.cometmq.common.protocol.body.ConsumerRunningInfo;
import org.cometmq.common.protocol.heartbeat.ConsumeType;
import org.cometmq.common.protocol.heartbeat.MessageModel;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;
import org.cometmq.remoting.RPCHook;
import org.cometmq.remoting.exception.RemotingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The working part of {@link DefaultMQPushConsumer}: start-up and shutdown, subscriptions, and the glue between
 * the client instance (rebalance, pull service, heartbeats), the pull loop ({@link PushMessagePuller}), the
 * consume service and the offset store.
 */
public class DefaultMQPushConsumerImpl implements MQConsumerInner {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultMQPushConsumerImpl.class);

    private final DefaultMQPushConsumer defaultMQPushConsumer;
    private final RPCHook rpcHook;
    private final PushConsumerState state = new PushConsumerState();
    private final RebalancePushImpl rebalanceImpl;
    private final ConsumeStatsRecorder consumeStats = new ConsumeStatsRecorder();
    private volatile PushMessagePuller puller;
    private volatile PushSendBack sendBack;
    private final long consumerStartTimestamp = System.currentTimeMillis();
    private MQClientInstance clientInstance;
    private PullAPIWrapper pullAPIWrapper;
    private MessageListener messageListenerInner;
    private OffsetStore offsetStore;
    private ConsumeMessageService consumeMessageService;
    private final ConsumeMessageHooks consumeMessageHooks = new ConsumeMessageHooks();
    private final ArrayList<FilterMessageHook> filterMessageHookList = new ArrayList<>();

    public DefaultMQPushConsumerImpl(DefaultMQPushConsumer defaultMQPushConsumer, RPCHook rpcHook) {
        this.defaultMQPushConsumer = defaultMQPushConsumer;
        this.rpcHook = rpcHook;
        this.rebalanceImpl = new RebalancePushImpl(defaultMQPushConsumer, state);
    }

    // ----- lifecycle -----

    public synchronized void start() throws MQClientException {
        if (state.serviceState() != ServiceState.CREATE_JUST) {
            throw new MQClientException("The push consumer of group " + defaultMQPushConsumer.getConsumerGroup()
                + " is already " + state.serviceState() + "; a consumer can be started only once: create a new one",
                null);
        }
        state.setServiceState(ServiceState.START_FAILED);
        PushConsumerConfigChecker.check(defaultMQPushConsumer);
        copySubscription();
        if (defaultMQPushConsumer.getMessageModel() == MessageModel.CLUSTERING) {
            defaultMQPushConsumer.changeInstanceNameToPID();
        }
        String group = defaultMQPushConsumer.getConsumerGroup();
        clientInstance = MQClientManager.getInstance().getOrCreateMQClientInstance(defaultMQPushConsumer, rpcHook);
        rebalanceImpl.setConsumerGroup(group);
        rebalanceImpl.setMessageModel(defaultMQPushConsumer.getMessageModel());
        rebalanceImpl.setAllocateMessageQueueStrategy(defaultMQPushConsumer.getAllocateMessageQueueStrategy());
        rebalanceImpl.setmQClientFactory(clientInstance);
        pullAPIWrapper = new PullAPIWrapper(clientInstance.routes(), clientInstance.getMQClientAPIImpl(), group,
            isUnitMode());
        pullAPIWrapper.registerFilterMessageHook(filterMessageHookList);
        offsetStore = createOffsetStore();
        offsetStore.load();
        rebalanceImpl.setOffsetStore(offsetStore);
        rebalanceImpl.setPullScheduler(clientInstance.getPullMessageService());
        sendBack = new PushSendBack(clientInstance.getMQClientAPIImpl(), clientInstance.routes(),
            clientInstance.getDefaultMQProducer(), defaultMQPushConsumer, state);
        ConsumeServiceParts parts = new ConsumeServiceParts(defaultMQPushConsumer, offsetStore, rebalanceImpl,
            consumeStats, consumeMessageHooks, sendBack, clientInstance.getDefaultMQProducer(),
            clientInstance.getClock());
        consumeMessageService = state.isConsumeOrderly()
            ? new ConsumeMessageOrderlyService(parts, (MessageListenerOrderly) messageListenerInner)
            : new ConsumeMessageConcurrentlyService(parts, (MessageListenerConcurrently) messageListenerInner);
        consumeMessageService.start();
        puller = new PushMessagePuller(defaultMQPushConsumer, state, rebalanceImpl, offsetStore, pullAPIWrapper,
            consumeMessageService, consumeStats, clientInstance.getPullMessageService(), clientInstance,
            clientInstance.getClock());
        if (!clientInstance.registerConsumer(group, this)) {
            state.setServiceState(ServiceState.CREATE_JUST);
            consumeMessageService.shutdown(defaultMQPushConsumer.getAwaitTerminationMillisWhenShutdown());
            throw new MQClientException("The consumer group " + group + " is already used by another consumer in"
                + " this process (same client id); use another group name or instanceName", null);
        }
        clientInstance.getPullMessageService().registerPuller(group, puller::pullMessage);
        clientInstance.start();
        state.setServiceState(ServiceState.RUNNING);
        LOG.info("push consumer of group {} started as {} ({}, {})", group, clientInstance.getClientId(),
            defaultMQPushConsumer.getMessageModel(), state.isConsumeOrderly() ? "orderly" : "concurrently");
        for (String topic : rebalanceImpl.getSubscriptionInner().keySet()) {
            clientInstance.updateTopicRouteInfoFromNameServer(topic);
        }
        try {
            SubscriptionChecker.checkInBrokers(clientInstance.getMQClientAPIImpl(), clientInstance.getClientId(),
                clientInstance.getBrokerAddrTable(), group, subscriptions());
        } catch (MQClientException e) {
            shutdown(0);
            throw e;
        }
        clientInstance.sendHeartbeatToAllBrokerWithLock();
        clientInstance.rebalanceImmediately();
    }

    private OffsetStore createOffsetStore() {
        OffsetStore configured = defaultMQPushConsumer.getOffsetStore();
        if (configured != null) {
            return configured;
        }
        String group = defaultMQPushConsumer.getConsumerGroup();
        OffsetStore store = defaultMQPushConsumer.getMessageModel() == MessageModel.BROADCASTING
            ? new LocalFileOffsetStore(clientInstance, group) : new RemoteBrokerOffsetStore(clientInstance, group);
        defaultMQPushConsumer.setOffsetStore(store);
        return store;
    }

    /** Turns the bean-style subscription map and listener into the rebalance's subscriptions. */
    private void copySubscription() throws MQClientException {
        for (Map.Entry<String, String> entry : defaultMQPushConsumer.getSubscription().entrySet()) {
            subscribe(entry.getKey(), entry.getValue());
        }
        if (messageListenerInner == null) {
            registerMessageListener(defaultMQPushConsumer.getMessageListener());
        }
        if (rebalanceImpl.getSubscriptionInner().isEmpty()) {
            throw new MQClientException("The push consumer of group " + defaultMQPushConsumer.getConsumerGroup()
                + " has no subscription: call subscribe(topic, \"*\") before start()", null);
        }
        if (defaultMQPushConsumer.getMessageModel() == MessageModel.CLUSTERING) {
            String retryTopic = MixAll.getRetryTopic(defaultMQPushConsumer.getConsumerGroup());
            rebalanceImpl.getSubscriptionInner().put(retryTopic,
                FilterAPI.buildSubscriptionData(retryTopic, SubscriptionData.SUB_ALL));
        }
    }

    public synchronized void shutdown(long awaitTerminateMillis) {
        if (state.serviceState() != ServiceState.RUNNING) {
            if (state.serviceState() == ServiceState.CREATE_JUST) {
                state.setServiceState(ServiceState.SHUTDOWN_ALREADY);
            }
            return;
        }
        String group = defaultMQPushConsumer.getConsumerGroup();
        consumeMessageService.shutdown(awaitTerminateMillis);
        persistConsumerOffset();
        // From here pulls still in flight fail quietly as the connections close.
        state.setServiceState(ServiceState.SHUTDOWN_ALREADY);
        clientInstance.unregisterConsumer(group);
        clientInstance.getPullMessageService().unregisterPuller(group);
        clientInstance.shutdown();
        rebalanceImpl.destroy();
        LOG.info("push consumer of group {} shut down", group);
    }

    // ----- subscriptions and listener -----

    public void registerMessageListener(MessageListener messageListener) {
        this.messageListenerInner = messageListener;
        state.setConsumeOrderly(messageListener instanceof MessageListenerOrderly);
    }

    public void subscribe(String topic, String subExpression) throws MQClientException {
        putSubscription(FilterAPI.buildSubscriptionData(topic, subExpression));
    }

    public void subscribe(String topic, MessageSelector selector) throws MQClientException {
        if (selector == null) {
            subscribe(topic, SubscriptionData.SUB_ALL);
            return;
        }
        try {
            putSubscription(FilterAPI.build(topic, selector.getExpression(), selector.getExpressionType()));
        } catch (IllegalArgumentException e) {
            throw new MQClientException("Bad selector for topic " + topic + ": " + e.getMessage(), e);
        }
    }

    private void putSubscription(SubscriptionData subscriptionData) {
        rebalanceImpl.getSubscriptionInner().put(subscriptionData.getTopic(), subscriptionData);
        if (clientInstance != null) {
            clientInstance.sendHeartbeatToAllBrokerWithLock();
        }
    }

    public void unsubscribe(String topic) {
        rebalanceImpl.getSubscriptionInner().remove(topic);
    }

    public void suspend() {
        state.setPause(true);
        LOG.info("push consumer of group {} suspended", defaultMQPushConsumer.getConsumerGroup());
    }

    public void resume() {
        state.setPause(false);
        doRebalance();
        LOG.info("push consumer of group {} resumed", defaultMQPushConsumer.getConsumerGroup());
    }

    public void updateCorePoolSize(int corePoolSize) {
        if (consumeMessageService != null) {
            consumeMessageService.updateCorePoolSize(corePoolSize);
        }
    }

    // ----- pulling -----

    public void pullMessage(PullRequest pullRequest) {
        puller.pullMessage(pullRequest);
    }

    public void executePullRequestImmediately(PullRequest pullRequest) {
        clientInstance.getPullMessageService().executePullRequestImmediately(pullRequest);
    }

    public void executePullRequestLater(PullRequest pullRequest, long timeDelay) {
        clientInstance.getPullMessageService().executePullRequestLater(pullRequest, timeDelay);
    }

    void executeTaskLater(Runnable task, long timeDelay) {
        clientInstance.getPullMessageService().executeTaskLater(task, timeDelay);
    }

    // ----- sending back and message preparation -----

    /** Hands a failed message back for redelivery (see {@link ConsumerSendBack}). */
    public void sendMessageBack(MessageExt msg, int delayLevel, String brokerName)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        makeSureStateOK();
        sendBack.sendMessageBack(msg, delayLevel, brokerName);
    }

    /** The concurrent limit: -1 means 16. */
    int getMaxReconsumeTimes() {
        return PushSendBack.maxReconsumeTimes(defaultMQPushConsumer);
    }

    /** Gives retried messages back their original topic and strips the namespace before the listener sees them. */
    public void resetRetryAndNamespace(List<MessageExt> msgs, String consumerGroup) {
        ConsumerSendBack.resetRetryAndNamespace(msgs, consumerGroup, defaultMQPushConsumer.getNamespace());
    }

    public Set<MessageQueue> fetchSubscribeMessageQueues(String topic) throws MQClientException {
        Set<MessageQueue> result = rebalanceImpl.getTopicSubscribeInfoTable().get(topic);
        if (result == null) {
            makeSureStateOK();
            clientInstance.updateTopicRouteInfoFromNameServer(topic);
            result = rebalanceImpl.getTopicSubscribeInfoTable().get(topic);
        }
        if (result == null) {
            throw new MQClientException("No route of topic " + topic + ": is the topic created? (mqadmin"
                + " topicRoute -t " + topic + ")", null);
        }
        return new HashSet<>(result);
    }

    /** The admin calls (offsets, message lookup) of the client instance; needs a started consumer. */
    public MQAdminImpl admin() throws MQClientException {
        makeSureStateOK();
        return clientInstance.getMQAdminImpl();
    }

    private void makeSureStateOK() throws MQClientException {
        state.checkRunning(defaultMQPushConsumer.getConsumerGroup());
    }

    // ----- MQConsumerInner -----

    @Override
    public String groupName() {
        return defaultMQPushConsumer.getConsumerGroup();
    }

    @Override
    public MessageModel messageModel() {
        return defaultMQPushConsumer.getMessageModel();
    }

    @Override
    public ConsumeType consumeType() {
        return ConsumeType.CONSUME_PASSIVELY;
    }

    @Override
    public ConsumeFromWhere consumeFromWhere() {
        return defaultMQPushConsumer.getConsumeFromWhere();
    }

    @Override
    public Set<SubscriptionData> subscriptions() {
        return rebalanceImpl.subscriptions();
    }

    @Override
    public void doRebalance() {
        if (!state.isPause()) {
            rebalanceImpl.doRebalance(state.isConsumeOrderly());
        }
    }

    @Override
    public void persistConsumerOffset() {
        if (state.serviceState() != ServiceState.RUNNING) {
            return;
        }
        offsetStore.persistAll(new HashSet<>(rebalanceImpl.getProcessQueueTable().keySet()));
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
        return defaultMQPushConsumer.isUnitMode();
    }

    @Override
    public ConsumerRunningInfo consumerRunningInfo() {
        return PushConsumerRequests.runningInfo(this);
    }

    @Override
    public void resetOffset(String topic, Map<MessageQueue, Long> offsetTable) {
        PushConsumerRequests.resetOffsetInBackground(this, topic, offsetTable);
    }

    @Override
    public Map<MessageQueue, Long> getConsumeStatus(String topic) {
        return offsetStore == null ? Map.of() : offsetStore.cloneOffsetTable(topic);
    }

    @Override
    public ConsumeMessageDirectlyResult consumeMessageDirectly(MessageExt msg, String brokerName) {
        return consumeMessageService == null ? null : consumeMessageService.consumeMessageDirectly(msg, brokerName);
    }

    // ----- accessors -----

    boolean isRunning() {
        return state.serviceState() == ServiceState.RUNNING;
    }

    public boolean isPause() {
        return state.isPause();
    }

    public boolean isConsumeOrderly() {
        return state.isConsumeOrderly();
    }

    public DefaultMQPushConsumer getDefaultMQPushConsumer() {
        return defaultMQPushConsumer;
    }

    public RebalanceImpl getRebalanceImpl() {
        return rebalanceImpl;
    }

    public OffsetStore getOffsetStore() {
        return offsetStore;
    }

    public MQClientInstance getmQClientFactory() {
        return clientInstance;
    }

    // ----- hooks -----

    /** Adds a hook that sees the messages of every found pull result (register before start). */
    public void registerFilterMessageHook(FilterMessageHook hook) {
        filterMessageHookList.add(hook);
        LOG.info("register FilterMessageHook Hook, {}", hook.hookName());
    }

    public boolean hasHook() {
        return consumeMessageHooks.hasHook();
    }

    /** Adds a hook called before and after every listener call. */
    public void registerConsumeMessageHook(ConsumeMessageHook hook) {
        consumeMessageHooks.register(hook);
    }

    public void executeHookBefore(ConsumeMessageContext context) {
        consumeMessageHooks.executeBefore(context);
    }

    public void executeHookAfter(ConsumeMessageContext context) {
        consumeMessageHooks.executeAfter(context);
    }

    public PullAPIWrapper getPullAPIWrapper() {
        return pullAPIWrapper;
    }

    public ConsumeMessageService getConsumeMessageService() {
        return consumeMessageService;
    }

    public ConsumeStatsRecorder getConsumeStats() {
        return consumeStats;
    }

    public ServiceState getServiceState() {
        return state.serviceState();
    }

    public long getConsumerStartTimestamp() {
        return consumerStartTimestamp;
    }

    public long getPullTimeDelayMillsWhenException() {
        return state.pullTimeDelayMillsWhenException();
    }

    /** Back-off after a failed pull (default 3000 ms). */
    public void setPullTimeDelayMillsWhenException(long pullTimeDelayMillsWhenException) {
        state.setPullTimeDelayMillsWhenException(pullTimeDelayMillsWhenException);
    }
}
