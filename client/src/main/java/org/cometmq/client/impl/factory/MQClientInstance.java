package org.cometmq.client.impl.factory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.cometmq.client.ClientConfig;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.impl.ClientRemotingProcessor;
import org.cometmq.client.impl.FindBrokerResult;
import org.cometmq.client.impl.MQAdminExtInner;
import org.cometmq.client.impl.MQAdminImpl;
import org.cometmq.client.impl.MQClientAPIImpl;
import org.cometmq.client.impl.MQClientManager;
import org.cometmq.client.impl.consumer.ClientActions;
import org.cometmq.client.impl.consumer.MQConsumerInner;
import org.cometmq.client.impl.consumer.PullMessageService;
import org.cometmq.client.impl.consumer.RebalanceService;
import org.cometmq.client.impl.consumer.SubscribeRouteSource;
import org.cometmq.client.impl.producer.MQProducerInner;
import org.cometmq.client.impl.producer.ProducerRouteSource;
import org.cometmq.client.impl.producer.TopicPublishInfo;
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.common.MixAll;
import org.cometmq.common.ServiceState;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;
import org.cometmq.common.protocol.route.BrokerData;
import org.cometmq.common.protocol.route.QueueData;
import org.cometmq.common.protocol.route.TopicRouteData;
import org.cometmq.remoting.RPCHook;
import org.cometmq.remoting.RemotingClient;
import org.cometmq.remoting.common.NamedThreadFactory;
import org.cometmq.remoting.netty.NettyClientConfig;
import org.cometmq.remoting.netty.NettyRemotingClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the producers and consumers of one client id share: the connections, the topic routes and broker
 * addresses, the heartbeats, and the timers (route poll, heartbeat, offset persistence) plus the pull and
 * rebalance services. Obtain it from {@link MQClientManager}; it is started by the first client that needs it and
 * shut down when the last one leaves.
 */
public class MQClientInstance implements ProducerRouteSource, SubscribeRouteSource, ClientActions {
    private static final Logger LOG = LoggerFactory.getLogger(MQClientInstance.class);
    private static final long LOCK_TIMEOUT_MILLIS = 3000;

    private final ClientConfig clientConfig;
    private final int instanceIndex;
    private final String clientId;
    private final long bootTimestamp = System.currentTimeMillis();
    private final ConcurrentMap<String, MQProducerInner> producerTable = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, MQConsumerInner> consumerTable = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, MQAdminExtInner> adminExtTable = new ConcurrentHashMap<>();
    private final MQClientAPIImpl mQClientAPIImpl;
    private final MQAdminImpl mQAdminImpl;
    private final ConcurrentMap<String, TopicRouteData> topicRouteTable = new ConcurrentHashMap<>();
    private final BrokerAddressBook brokerAddresses = new BrokerAddressBook();
    private final Lock lockNamesrv = new ReentrantLock();
    private final Lock lockHeartbeat = new ReentrantLock();
    private final ScheduledExecutorService scheduledExecutorService;
    private final ClientRemotingProcessor clientRemotingProcessor;
    private final ConsumerServices consumerServices;
    private final HeartbeatSender heartbeatSender;
    private final DefaultMQProducer defaultMQProducer;
    private volatile ServiceState serviceState = ServiceState.CREATE_JUST;

    public MQClientInstance(ClientConfig clientConfig, int instanceIndex, String clientId) {
        this(clientConfig, instanceIndex, clientId, (RPCHook) null);
    }

    public MQClientInstance(ClientConfig clientConfig, int instanceIndex, String clientId, RPCHook rpcHook) {
        this(clientConfig, instanceIndex, clientId, newRemotingClient(clientConfig, rpcHook));
    }

    /** For tests and embedding: a client instance over a given remoting client. */
    public MQClientInstance(ClientConfig clientConfig, int instanceIndex, String clientId,
        RemotingClient remotingClient) {
        this.clientConfig = clientConfig;
        this.instanceIndex = instanceIndex;
        this.clientId = clientId;
        this.mQClientAPIImpl = new MQClientAPIImpl(remotingClient, clientConfig);
        this.clientRemotingProcessor = new ClientRemotingProcessor(this);
        this.mQClientAPIImpl.registerClientProcessor(clientRemotingProcessor);
        if (clientConfig.getNamesrvAddr() != null) {
            this.mQClientAPIImpl.updateNameServerAddressList(clientConfig.getNamesrvAddr());
        }
        this.mQAdminImpl = new MQAdminImpl(this);
        this.scheduledExecutorService = Executors.newSingleThreadScheduledExecutor(
            new NamedThreadFactory("MQClientFactoryScheduledThread"));
        this.consumerServices = new ConsumerServices(clientId, consumerTable);
        this.heartbeatSender = new HeartbeatSender(clientId, producerTable, consumerTable, brokerAddresses,
            mQClientAPIImpl, clientConfig.getMqClientApiTimeout());
        this.defaultMQProducer = new DefaultMQProducer(MixAll.CLIENT_INNER_PRODUCER_GROUP);
        this.defaultMQProducer.resetClientConfig(clientConfig);
        LOG.info("created client instance {} (index {})", clientId, instanceIndex);
    }

    private static RemotingClient newRemotingClient(ClientConfig clientConfig, RPCHook rpcHook) {
        NettyClientConfig nettyClientConfig = new NettyClientConfig();
        nettyClientConfig.setClientCallbackExecutorThreads(clientConfig.getClientCallbackExecutorThreads());
        nettyClientConfig.setUseTLS(clientConfig.isUseTLS());
        NettyRemotingClient remotingClient = new NettyRemotingClient(nettyClientConfig);
        if (rpcHook != null) {
            remotingClient.registerRPCHook(rpcHook);
        }
        return remotingClient;
    }

    /** Starts connections, timers, the consumer services and the inner producer; later calls do nothing. */
    public void start() throws MQClientException {
        synchronized (this) {
            switch (serviceState) {
                case CREATE_JUST -> {
                    serviceState = ServiceState.START_FAILED;
                    if (clientConfig.getNamesrvAddr() == null) {
                        LOG.warn("client {} has no name server address: set namesrvAddr or {}", clientId,
                            MixAll.NAMESRV_ADDR_ENV);
                    }
                    mQClientAPIImpl.start();
                    startScheduledTasks();
                    consumerServices.start();
                    defaultMQProducer.getDefaultMQProducerImpl().startWithFactory(this);
                    serviceState = ServiceState.RUNNING;
                    LOG.info("client instance {} started", clientId);
                }
                case START_FAILED -> throw new MQClientException("The client instance " + clientId
                    + " failed to start before; create a new producer or consumer", null);
                default -> {
                }
            }
        }
    }

    private void startScheduledTasks() {
        scheduleSafely("route poll", 10, clientConfig.getPollNameServerInterval(),
            this::updateTopicRouteInfoFromNameServer);
        scheduleSafely("heartbeat", 1000, clientConfig.getHeartbeatBrokerInterval(), () -> {
            cleanOfflineBroker();
            sendHeartbeatToAllBrokerWithLock();
        });
        scheduleSafely("offset persistence", 1000 * 10, clientConfig.getPersistConsumerOffsetInterval(),
            this::persistAllConsumerOffset);
    }

    private void scheduleSafely(String name, long initialDelay, long period, Runnable task) {
        scheduledExecutorService.scheduleAtFixedRate(() -> {
            try {
                task.run();
            } catch (Throwable e) {
                LOG.error("client {}: scheduled {} task failed", clientId, name, e);
            }
        }, initialDelay, period, TimeUnit.MILLISECONDS);
    }

    /** Stops everything once no producer (besides the inner one), consumer or admin tool uses this instance. */
    public void shutdown() {
        if (!consumerTable.isEmpty() || !adminExtTable.isEmpty() || producerTable.size() > 1) {
            return;
        }
        synchronized (this) {
            if (serviceState == ServiceState.RUNNING) {
                defaultMQProducer.getDefaultMQProducerImpl().shutdown(false);
                serviceState = ServiceState.SHUTDOWN_ALREADY;
                consumerServices.shutdown();
                scheduledExecutorService.shutdown();
                mQClientAPIImpl.shutdown();
                LOG.info("client instance {} shut down", clientId);
            } else if (serviceState == ServiceState.CREATE_JUST) {
                serviceState = ServiceState.SHUTDOWN_ALREADY;
                scheduledExecutorService.shutdown();
                mQClientAPIImpl.shutdown();
            }
            MQClientManager.getInstance().removeClientFactory(clientId);
        }
    }

    // ------------------------------------------------------------------ routes

    /** Refreshes the route of every topic a hosted producer or consumer uses. */
    public void updateTopicRouteInfoFromNameServer() {
        Set<String> topics = new HashSet<>();
        for (MQConsumerInner consumer : consumerTable.values()) {
            Set<SubscriptionData> subscriptions = consumer.subscriptions();
            if (subscriptions != null) {
                subscriptions.forEach(sub -> topics.add(sub.getTopic()));
            }
        }
        for (MQProducerInner producer : producerTable.values()) {
            topics.addAll(producer.getPublishTopicList());
        }
        topics.forEach(this::updateTopicRouteInfoFromNameServer);
    }

    @Override
    public boolean updateTopicRouteInfoFromNameServer(String topic) {
        return updateTopicRouteInfoFromNameServer(topic, false, null);
    }

    /**
     * Fetches {@code topic}'s route and, when it changed, updates broker addresses and every hosted client's
     * queues. With {@code isDefault} the producer's template topic (TBW102) is fetched instead and its queue
     * counts are capped at the producer's defaultTopicQueueNums. Returns true when the route changed.
     */
    @Override
    public boolean updateTopicRouteInfoFromNameServer(String topic, boolean isDefault,
        DefaultMQProducer defaultMQProducer) {
        try {
            if (!lockNamesrv.tryLock(LOCK_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                LOG.warn("route update of {} skipped: another update held the lock for {} ms", topic,
                    LOCK_TIMEOUT_MILLIS);
                return false;
            }
            try {
                TopicRouteData route = fetchRoute(topic, isDefault, defaultMQProducer);
                return route != null && applyRoute(topic, route);
            } finally {
                lockNamesrv.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private TopicRouteData fetchRoute(String topic, boolean isDefault, DefaultMQProducer producer)
        throws InterruptedException {
        try {
            if (isDefault && producer != null) {
                TopicRouteData route = mQClientAPIImpl.getTopicRouteInfoFromNameServer(producer.getCreateTopicKey(),
                    clientConfig.getMqClientApiTimeout());
                for (QueueData data : route.getQueueDatas()) {
                    int queueNums = Math.min(producer.getDefaultTopicQueueNums(), data.getReadQueueNums());
                    data.setReadQueueNums(queueNums);
                    data.setWriteQueueNums(queueNums);
                }
                return route;
            }
            return mQClientAPIImpl.getTopicRouteInfoFromNameServer(topic, clientConfig.getMqClientApiTimeout());
        } catch (MQClientException e) {
            if (!topic.startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX) && !isDefault) {
                LOG.debug("no route for topic {} on the name server: {}", topic, e.getErrorMessage());
            }
        } catch (Exception e) {
            LOG.warn("route of topic {} not fetched from name servers {}: {}", topic,
                mQClientAPIImpl.getNameServerAddressList(), e.toString());
        }
        return null;
    }

    private boolean applyRoute(String topic, TopicRouteData route) {
        TopicRouteData old = topicRouteTable.get(topic);
        boolean changed = TopicRouteConverter.isChanged(old, route) || isNeedUpdateTopicRouteInfo(topic);
        if (!changed) {
            return false;
        }
        TopicRouteData cloned = route.cloneTopicRouteData();
        brokerAddresses.learn(route.getBrokerDatas());
        TopicPublishInfo publishInfo = TopicRouteConverter.toPublishInfo(topic, route);
        publishInfo.setHaveTopicRouterInfo(true);
        producerTable.values().forEach(producer -> producer.updateTopicPublishInfo(topic, publishInfo));
        Set<MessageQueue> subscribeInfo = TopicRouteConverter.toSubscribeInfo(topic, route);
        consumerTable.values().forEach(consumer -> consumer.updateTopicSubscribeInfo(topic, subscribeInfo));
        topicRouteTable.put(topic, cloned);
        LOG.info("route of topic {} changed: {}", topic, cloned);
        return true;
    }

    private boolean isNeedUpdateTopicRouteInfo(String topic) {
        for (MQProducerInner producer : producerTable.values()) {
            if (producer.isPublishTopicNeedUpdate(topic)) {
                return true;
            }
        }
        for (MQConsumerInner consumer : consumerTable.values()) {
            if (consumer.isSubscribeTopicNeedUpdate(topic)) {
                return true;
            }
        }
        return false;
    }

    /** Forgets broker addresses no known route mentions any more. */
    public void cleanOfflineBroker() {
        try {
            if (!lockNamesrv.tryLock(LOCK_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                return;
            }
            try {
                brokerAddresses.forgetUnless(this::isBrokerAddrExistInTopicRouteTable);
            } finally {
                lockNamesrv.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean isBrokerAddrExistInTopicRouteTable(String addr) {
        for (TopicRouteData route : topicRouteTable.values()) {
            for (BrokerData bd : route.getBrokerDatas()) {
                if (bd.getBrokerAddrs() != null && bd.getBrokerAddrs().containsValue(addr)) {
                    return true;
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ heartbeat

    /** Sends the heartbeat to every known broker unless another thread is already doing so. */
    @Override
    public void sendHeartbeatToAllBrokerWithLock() {
        if (lockHeartbeat.tryLock()) {
            try {
                heartbeatSender.sendToAllBrokers();
            } finally {
                lockHeartbeat.unlock();
            }
        } else {
            LOG.debug("heartbeat of {} already in progress", clientId);
        }
    }

    public int findBrokerVersion(String brokerName, String brokerAddr) {
        return brokerAddresses.version(brokerName, brokerAddr);
    }

    // ------------------------------------------------------------------ registration

    public synchronized boolean registerProducer(String group, MQProducerInner producer) {
        if (group == null || producer == null) {
            return false;
        }
        return producerTable.putIfAbsent(group, producer) == null;
    }

    public synchronized void unregisterProducer(String group) {
        producerTable.remove(group);
        unregisterClient(group, null);
    }

    public synchronized boolean registerConsumer(String group, MQConsumerInner consumer) {
        if (group == null || consumer == null) {
            return false;
        }
        return consumerTable.putIfAbsent(group, consumer) == null;
    }

    public synchronized void unregisterConsumer(String group) {
        consumerTable.remove(group);
        unregisterClient(null, group);
    }

    public synchronized boolean registerAdminExt(String group, MQAdminExtInner admin) {
        if (group == null || admin == null) {
            return false;
        }
        return adminExtTable.putIfAbsent(group, admin) == null;
    }

    public synchronized void unregisterAdminExt(String group) {
        adminExtTable.remove(group);
    }

    private void unregisterClient(String producerGroup, String consumerGroup) {
        brokerAddresses.table().forEach((brokerName, addrs) -> addrs.forEach((id, addr) -> {
            try {
                mQClientAPIImpl.unregisterClient(addr, clientId, producerGroup, consumerGroup,
                    clientConfig.getMqClientApiTimeout());
                LOG.info("unregistered {} (producer {}, consumer {}) from {} {}", clientId, producerGroup,
                    consumerGroup, brokerName, addr);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.warn("unregister of {} from {} {} failed: {}", clientId, brokerName, addr, e.toString());
            }
        }));
    }

    public MQProducerInner selectProducer(String group) {
        return producerTable.get(group);
    }

    public MQConsumerInner selectConsumer(String group) {
        return consumerTable.get(group);
    }

    // ------------------------------------------------------------------ consumer support

    /** Wakes the rebalance service so every consumer rebalances now instead of at its next interval. */
    @Override
    public void rebalanceImmediately() {
        consumerServices.wakeupRebalance();
    }

    /** Rebalances every hosted consumer now, in the caller's thread. */
    public void doRebalance() {
        consumerServices.rebalanceService().doRebalance();
    }

    private void persistAllConsumerOffset() {
        for (MQConsumerInner consumer : consumerTable.values()) {
            consumer.persistConsumerOffset();
        }
    }

    /** The client ids of {@code group} as seen by a broker of {@code topic}; null when no broker answers. */
    public List<String> findConsumerIdList(String topic, String group) {
        String brokerAddr = findBrokerAddrByTopic(topic);
        if (brokerAddr == null) {
            updateTopicRouteInfoFromNameServer(topic);
            brokerAddr = findBrokerAddrByTopic(topic);
        }
        if (brokerAddr == null) {
            return null;
        }
        try {
            return mQClientAPIImpl.getConsumerIdListByGroup(brokerAddr, group, clientConfig.getMqClientApiTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("consumer list of group {} not fetched from {}: {}", group, brokerAddr, e.toString());
        }
        return null;
    }

    // ------------------------------------------------------------------ broker addresses

    @Override
    public String findBrokerAddressInPublish(String brokerName) {
        return brokerAddresses.masterAddress(brokerName);
    }

    /**
     * The address of {@code brokerId} of {@code brokerName}; for a missing slave the next slave id; unless
     * {@code onlyThisBroker}, any address of the broker. Null when the broker is unknown.
     */
    @Override
    public FindBrokerResult findBrokerAddressInSubscribe(String brokerName, long brokerId, boolean onlyThisBroker) {
        return brokerAddresses.forSubscribe(brokerName, brokerId, onlyThisBroker);
    }

    /** Any address of {@code brokerName}, the master's when there is one. */
    public FindBrokerResult findBrokerAddressInAdmin(String brokerName) {
        return brokerAddresses.forAdmin(brokerName);
    }

    /** An address of a random broker of {@code topic}'s cached route (the master when present). */
    public String findBrokerAddrByTopic(String topic) {
        TopicRouteData route = topicRouteTable.get(topic);
        if (route == null || route.getBrokerDatas() == null || route.getBrokerDatas().isEmpty()) {
            return null;
        }
        List<BrokerData> brokers = route.getBrokerDatas();
        return brokers.get(ThreadLocalRandom.current().nextInt(brokers.size())).selectBrokerAddr();
    }

    // ------------------------------------------------------------------ accessors

    public TopicRouteData getAnExistTopicRouteData(String topic) {
        return topicRouteTable.get(topic);
    }

    public ConcurrentMap<String, TopicRouteData> getTopicRouteTable() {
        return topicRouteTable;
    }

    /** brokerName -> brokerId -> address, from every route this client has seen. */
    public ConcurrentMap<String, HashMap<Long, String>> getBrokerAddrTable() {
        return brokerAddresses.table();
    }

    public MQClientAPIImpl getMQClientAPIImpl() {
        return mQClientAPIImpl;
    }

    public MQAdminImpl getMQAdminImpl() {
        return mQAdminImpl;
    }

    public String getClientId() {
        return clientId;
    }

    public ClientConfig getClientConfig() {
        return clientConfig;
    }

    public int getInstanceIndex() {
        return instanceIndex;
    }

    public long getBootTimestamp() {
        return bootTimestamp;
    }

    public ScheduledExecutorService getScheduledExecutorService() {
        return scheduledExecutorService;
    }

    public DefaultMQProducer getDefaultMQProducer() {
        return defaultMQProducer;
    }

    public PullMessageService getPullMessageService() {
        return consumerServices.pullMessageService();
    }

    public RebalanceService getRebalanceService() {
        return consumerServices.rebalanceService();
    }

    public ClientRemotingProcessor getClientRemotingProcessor() {
        return clientRemotingProcessor;
    }

    public ServiceState getServiceState() {
        return serviceState;
    }
}
