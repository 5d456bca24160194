package org.cometmq.client.impl.consumer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.cometmq.client.consumer.DefaultMQPullConsumer;
import org.cometmq.client.consumer.PullCallback;
import org.cometmq.client.consumer.PullResult;
import org.cometmq.client.consumer.store.LocalFileOffsetStore;
import org.cometmq.client.consumer.store.OffsetStore;
import org.cometmq.client.consumer.store.ReadOffsetType;
import org.cometmq.client.consumer.store.RemoteBrokerOffsetStore;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.hook.ConsumeMessageContext;
import org.cometmq.client.hook.ConsumeMessageHook;
import org.cometmq.client.hook.FilterMessageHook;
import org.cometmq.client.impl.CommunicationMode;
import org.cometmq.client.impl.MQAdminImpl;
import org.cometmq.client.impl.MQClientManager;
import org.cometmq.client.impl.factory.MQClientInstance;
import org.cometmq.common.MixAll;
import org.cometmq.common.ServiceState;
import org.cometmq.common.consumer.ConsumeFromWhere;
import org.cometmq.common.filter.ExpressionType;
import org.cometmq.common.filter.FilterAPI;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.body.ConsumerRunningInfo;
import org.cometmq.common.protocol.heartbeat.ConsumeType;
import org.cometmq.common.protocol.heartbeat.MessageModel;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;
import org.cometmq.common.sysflag.PullSysFlag;
import org.cometmq.remoting.RPCHook;
import org.cometmq.remoting.exception.RemotingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The working part of {@link DefaultMQPullConsumer}: pulls exactly what the caller asks for and keeps the group's
 * offsets in an offset store; the topics it pulls are announced in heartbeats and balanced for its listener.
 */
public class DefaultMQPullConsumerImpl implements MQConsumerInner {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultMQPullConsumerImpl.class);

    private final DefaultMQPullConsumer defaultMQPullConsumer;
    private final ConsumeMessageHooks consumeMessageHooks = new ConsumeMessageHooks();
    private final ArrayList<FilterMessageHook> filterMessageHookList = new ArrayList<>();
    private final RPCHook rpcHook;
    private final RebalanceImpl rebalanceImpl;
    private final long consumerStartTimestamp = System.currentTimeMillis();
    private volatile ServiceState serviceState = ServiceState.CREATE_JUST;
    private MQClientInstance clientInstance;
    private PullAPIWrapper pullAPIWrapper;
    private OffsetStore offsetStore;

    public DefaultMQPullConsumerImpl(DefaultMQPullConsumer defaultMQPullConsumer, RPCHook rpcHook) {
        this.defaultMQPullConsumer = defaultMQPullConsumer;
        this.rebalanceImpl = new RebalancePullImpl(() -> offsetStore, defaultMQPullConsumer::getMessageQueueListener);
        this.rpcHook = rpcHook;
    }

    public synchronized void start() throws MQClientException {
        if (serviceState != ServiceState.CREATE_JUST) {
            throw new MQClientException("The pull consumer of group " + groupName() + " is already " + serviceState
                + "; a consumer can be started only once: create a new one", null);
        }
        serviceState = ServiceState.START_FAILED;
        PushConsumerConfigChecker.checkGroup(groupName());
        if (defaultMQPullConsumer.getMessageModel() == null) {
            throw new MQClientException("messageModel is null: set CLUSTERING or BROADCASTING", null);
        }
        for (String topic : defaultMQPullConsumer.getRegisterTopics()) {
            rebalanceImpl.getSubscriptionInner().put(topic,
                FilterAPI.buildSubscriptionData(topic, SubscriptionData.SUB_ALL));
        }
        if (defaultMQPullConsumer.getMessageModel() == MessageModel.CLUSTERING) {
            defaultMQPullConsumer.changeInstanceNameToPID();
        }
        clientInstance = MQClientManager.getInstance().getOrCreateMQClientInstance(defaultMQPullConsumer, rpcHook);
        rebalanceImpl.setConsumerGroup(groupName());
        rebalanceImpl.setMessageModel(defaultMQPullConsumer.getMessageModel());
        rebalanceImpl.setAllocateMessageQueueStrategy(defaultMQPullConsumer.getAllocateMessageQueueStrategy());
        rebalanceImpl.setmQClientFactory(clientInstance);
        pullAPIWrapper = new PullAPIWrapper(clientInstance.routes(), clientInstance.getMQClientAPIImpl(), groupName(),
            isUnitMode());
        pullAPIWrapper.registerFilterMessageHook(filterMessageHookList);
        offsetStore = defaultMQPullConsumer.getOffsetStore() != null ? defaultMQPullConsumer.getOffsetStore()
            : defaultMQPullConsumer.getMessageModel() == MessageModel.BROADCASTING
                ? new LocalFileOffsetStore(clientInstance, groupName())
                : new RemoteBrokerOffsetStore(clientInstance, groupName());
        defaultMQPullConsumer.setOffsetStore(offsetStore);
        offsetStore.load();
        if (!clientInstance.registerConsumer(groupName(), this)) {
            serviceState = ServiceState.CREATE_JUST;
            throw new MQClientException("The consumer group " + groupName() + " is already used by another"
                + " consumer in this process (same client id); use another group name or instanceName", null);
        }
        clientInstance.start();
        serviceState = ServiceState.RUNNING;
        LOG.info("pull consumer of group {} started as {}", groupName(), clientInstance.getClientId());
    }

    public synchronized void shutdown() {
        if (serviceState != ServiceState.RUNNING) {
            if (serviceState == ServiceState.CREATE_JUST) {
                serviceState = ServiceState.SHUTDOWN_ALREADY;
            }
            return;
        }
        persistConsumerOffset();
        clientInstance.unregisterConsumer(groupName());
        clientInstance.shutdown();
        serviceState = ServiceState.SHUTDOWN_ALREADY;
        LOG.info("pull consumer of group {} shut down", groupName());
    }

    // ----- pulling -----

    public PullResult pull(MessageQueue mq, String subExpression, long offset, int maxNums, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return pullSyncImpl(mq, subscription(mq, subExpression), offset, maxNums, false, timeout);
    }

    public PullResult pull(MessageQueue mq, SubscriptionData subscriptionData, long offset, int maxNums,
        long timeout) throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return pullSyncImpl(mq, subscriptionData, offset, maxNums, false, timeout);
    }

    public PullResult pullBlockIfNotFound(MessageQueue mq, String subExpression, long offset, int maxNums)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return pullSyncImpl(mq, subscription(mq, subExpression), offset, maxNums, true,
            defaultMQPullConsumer.getConsumerPullTimeoutMillis());
    }

    public void pull(MessageQueue mq, SubscriptionData subscriptionData, long offset, int maxNums,
        PullCallback pullCallback, boolean block, long timeout)
        throws MQClientException, RemotingException, InterruptedException {
        checkPullArguments(mq, offset, maxNums);
        if (pullCallback == null) {
            throw new MQClientException("pullCallback is null: give a callback for the asynchronous pull", null);
        }
        subscriptionAutomatically(mq.getTopic());
        try {
            sendPull(mq, subscriptionData, offset, maxNums, block, timeout, CommunicationMode.ASYNC,
                new PullCallback() {
                    @Override
                    public void onSuccess(PullResult pullResult) {
                        pullCallback.onSuccess(pullAPIWrapper.processPullResult(mq, pullResult, subscriptionData));
                    }

                    @Override
                    public void onException(Throwable e) {
                        pullCallback.onException(e);
                    }
                });
        } catch (MQBrokerException e) {
            throw new MQClientException("pull of " + mq + " refused by the broker: " + e.getErrorMessage(), e);
        }
    }

    /** The subscription of a pull by tag expression. */
    public SubscriptionData subscription(MessageQueue mq, String subExpression) throws MQClientException {
        if (mq == null) {
            throw new MQClientException("mq is null: give the message queue to pull", null);
        }
        return FilterAPI.buildSubscriptionData(mq.getTopic(), subExpression);
    }

    private PullResult pullSyncImpl(MessageQueue mq, SubscriptionData sd, long offset, int maxNums, boolean block,
        long timeout) throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        checkPullArguments(mq, offset, maxNums);
        subscriptionAutomatically(mq.getTopic());
        PullResult result = sendPull(mq, sd, offset, maxNums, block, timeout, CommunicationMode.SYNC, null);
        pullAPIWrapper.processPullResult(mq, result, sd);
        consumeMessageHooks.aroundPull(defaultMQPullConsumer.getNamespace(), groupName(), mq, result,
            defaultMQPullConsumer.getAccessChannel());
        return result;
    }

    private PullResult sendPull(MessageQueue mq, SubscriptionData sd, long offset, int maxNums, boolean block,
        long timeout, CommunicationMode mode, PullCallback callback)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        int sysFlag = PullSysFlag.buildSysFlag(false, block, true, false);
        long timeoutMillis = block ? defaultMQPullConsumer.getConsumerTimeoutMillisWhenSuspend() : timeout;
        boolean tagType = ExpressionType.isTagType(sd.getExpressionType());
        return pullAPIWrapper.pullKernelImpl(mq, sd.getSubString(), sd.getExpressionType(),
            tagType ? 0L : sd.getSubVersion(), offset, maxNums, sysFlag, 0,
            defaultMQPullConsumer.getBrokerSuspendMaxTimeMillis(), timeoutMillis, mode, callback);
    }

    private void checkPullArguments(MessageQueue mq, long offset, int maxNums) throws MQClientException {
        makeSureStateOK();
        if (mq == null) {
            throw new MQClientException("mq is null: give the message queue to pull", null);
        }
        if (offset < 0) {
            throw new MQClientException("offset " + offset + " < 0: pull from a queue offset >= 0", null);
        }
        if (maxNums <= 0) {
            throw new MQClientException("maxNums " + maxNums + " <= 0: ask for at least one message", null);
        }
    }

    /** Announces a topic the application pulls, so brokers list this consumer for it. */
    private void subscriptionAutomatically(String topic) {
        rebalanceImpl.getSubscriptionInner().computeIfAbsent(topic,
            t -> FilterAPI.buildSubscriptionData(t, SubscriptionData.SUB_ALL));
    }

    // ----- offsets and queues -----

    public void updateConsumeOffset(MessageQueue mq, long offset) throws MQClientException {
        makeSureStateOK();
        offsetStore.updateOffset(mq, offset, false);
    }

    public long fetchConsumeOffset(MessageQueue mq, boolean fromStore) throws MQClientException {
        makeSureStateOK();
        return offsetStore.readOffset(mq, fromStore ? ReadOffsetType.READ_FROM_STORE
            : ReadOffsetType.MEMORY_FIRST_THEN_STORE);
    }

    public Set<MessageQueue> fetchMessageQueuesInBalance(String topic) throws MQClientException {
        makeSureStateOK();
        if (topic == null) {
            throw new MQClientException("topic is null", null);
        }
        Set<MessageQueue> result = new HashSet<>();
        for (MessageQueue mq : rebalanceImpl.getProcessQueueTable().keySet()) {
            if (mq.getTopic().equals(topic)) {
                result.add(mq);
            }
        }
        return result;
    }

    public Set<MessageQueue> fetchSubscribeMessageQueues(String topic) throws MQClientException {
        return admin().fetchSubscribeMessageQueues(topic);
    }

    public void sendMessageBack(MessageExt msg, int delayLevel, String brokerName, String consumerGroup)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        makeSureStateOK();
        String group = consumerGroup == null ? groupName() : consumerGroup;
        ConsumerSendBack.sendMessageBack(clientInstance.getMQClientAPIImpl(), clientInstance.routes(),
            clientInstance.getDefaultMQProducer(), msg, delayLevel, brokerName, group,
            defaultMQPullConsumer.getMaxReconsumeTimes());
    }

    public MQAdminImpl admin() throws MQClientException {
        makeSureStateOK();
        return clientInstance.getMQAdminImpl();
    }

    private void makeSureStateOK() throws MQClientException {
        if (serviceState != ServiceState.RUNNING) {
            throw new MQClientException("The pull consumer of group " + groupName() + " is " + serviceState
                + ", not RUNNING: call start() first", null);
        }
    }

    // ----- MQConsumerInner -----

    @Override
    public String groupName() {
        return defaultMQPullConsumer.getConsumerGroup();
    }

    @Override
    public MessageModel messageModel() {
        return defaultMQPullConsumer.getMessageModel();
    }

    @Override
    public ConsumeType consumeType() {
        return ConsumeType.CONSUME_ACTIVELY;
    }

    @Override
    public ConsumeFromWhere consumeFromWhere() {
        return ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET;
    }

    @Override
    public Set<SubscriptionData> subscriptions() {
        return rebalanceImpl.subscriptions();
    }

    @Override
    public void doRebalance() {
        if (serviceState == ServiceState.RUNNING) {
            rebalanceImpl.doRebalance(false);
        }
    }

    @Override
    public void persistConsumerOffset() {
        if (serviceState == ServiceState.RUNNING) {
            offsetStore.persistAll(new HashSet<>(rebalanceImpl.getProcessQueueTable().keySet()));
        }
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
        return defaultMQPullConsumer.isUnitMode();
    }

    @Override
    public ConsumerRunningInfo consumerRunningInfo() {
        ConsumerRunningInfo info = new ConsumerRunningInfo();
        info.setProperties(MixAll.object2Properties(defaultMQPullConsumer));
        info.getProperties().put(ConsumerRunningInfo.PROP_CONSUMER_START_TIMESTAMP,
            String.valueOf(consumerStartTimestamp));
        info.getSubscriptionSet().addAll(subscriptions());
        return info;
    }

    @Override
    public Map<MessageQueue, Long> getConsumeStatus(String topic) {
        return offsetStore == null ? Map.of() : offsetStore.cloneOffsetTable(topic);
    }

    public DefaultMQPullConsumer getDefaultMQPullConsumer() {
        return defaultMQPullConsumer;
    }

    public OffsetStore getOffsetStore() {
        return offsetStore;
    }

    public RebalanceImpl getRebalanceImpl() {
        return rebalanceImpl;
    }

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

    /** Adds a hook that sees the messages of every found pull result (register before start). */
    public void registerFilterMessageHook(FilterMessageHook hook) {
        filterMessageHookList.add(hook);
        LOG.info("register FilterMessageHook Hook, {}", hook.hookName());
    }

    public PullAPIWrapper getPullAPIWrapper() {
        return pullAPIWrapper;
    }

    public ServiceState getServiceState() {
        return serviceState;
    }
}
