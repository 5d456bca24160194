package org.cometmq.client.impl.factory;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
import org.cometmq.client.impl.producer.MQProducerInner;
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.common.MixAll;
import org.cometmq.common.ServiceState;
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
public class MQClientInstance implements ClientActions {
    private static final Logger LOG = LoggerFactory.getLogger(MQClientInstance.class);

    private final ClientConfig clientConfig;
    private final int instanceIndex;
    private final String clientId;
    private final Clock clock;
    private final long bootTimestamp;
    private final ConcurrentMap<String, MQProducerInner> producerTable = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, MQConsumerInner> consumerTable = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, MQAdminExtInner> adminExtTable = new ConcurrentHashMap<>();
    private final MQClientAPIImpl mQClientAPIImpl;
    private final MQAdminImpl mQAdminImpl;
    private final ClientRouteTable routes;
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
        this(clientConfig, instanceIndex, clientId, remotingClient, Clock.systemUTC());
    }

    /**
     * For tests: a client instance over a given remoting client whose producers and consumers read the time from
     * {@code clock} for their decisions (send timeouts and retry budgets, fault windows).
     */
    public MQClientInstance(ClientConfig clientConfig, int instanceIndex, String clientId,
        RemotingClient remotingClient, Clock clock) {
        this.clock = clock;
        this.bootTimestamp = clock.millis();
        this.clientConfig = clientConfig;
        this.instanceIndex = instanceIndex;
        this.clientId = clientId;
        this.mQClientAPIImpl = new MQClientAPIImpl(remotingClient, clientConfig);
        this.consumerServices = new ConsumerServices(clientId, consumerTable);
        this.clientRemotingProcessor = new ClientRemotingProcessor(clientConfig, producerTable::get,
            consumerTable::get, consumerServices::wakeupRebalance, mQClientAPIImpl::getNameServerAddressList);
        this.mQClientAPIImpl.registerClientProcessor(clientRemotingProcessor);
        if (clientConfig.getNamesrvAddr() != null) {
            this.mQClientAPIImpl.updateNameServerAddressList(clientConfig.getNamesrvAddr());
        }
        this.routes = new ClientRouteTable(mQClientAPIImpl, clientConfig, producerTable, consumerTable);
        this.mQAdminImpl = new MQAdminImpl(mQClientAPIImpl, routes, clientConfig);
        this.scheduledExecutorService = Executors.newSingleThreadScheduledExecutor(
            new NamedThreadFactory("MQClientFactoryScheduledThread"));
        this.heartbeatSender = new HeartbeatSender(clientId, producerTable, consumerTable, routes.addressBook(),
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

    // ------------------------------------------------------------------ routes (see ClientRouteTable)

    /** The routes and broker addresses of this instance. */
    public ClientRouteTable routes() {
        return routes;
    }

    /** Refreshes the route of every topic a hosted producer or consumer uses. */
    public void updateTopicRouteInfoFromNameServer() {
        routes.updateTopicRouteInfoFromNameServer();
    }

    public boolean updateTopicRouteInfoFromNameServer(String topic) {
        return routes.updateTopicRouteInfoFromNameServer(topic);
    }

    public boolean updateTopicRouteInfoFromNameServer(String topic, boolean isDefault,
        DefaultMQProducer defaultMQProducer) {
        return routes.updateTopicRouteInfoFromNameServer(topic, isDefault, defaultMQProducer);
    }

    /** Forgets broker addresses no known route mentions any more. */
    public void cleanOfflineBroker() {
        routes.cleanOfflineBroker();
    }

    public String findBrokerAddressInPublish(String brokerName) {
        return routes.findBrokerAddressInPublish(brokerName);
    }

    public FindBrokerResult findBrokerAddressInSubscribe(String brokerName, long brokerId, boolean onlyThisBroker) {
        return routes.findBrokerAddressInSubscribe(brokerName, brokerId, onlyThisBroker);
    }

    public FindBrokerResult findBrokerAddressInAdmin(String brokerName) {
        return routes.findBrokerAddressInAdmin(brokerName);
    }

    public String findBrokerAddrByTopic(String topic) {
        return routes.findBrokerAddrByTopic(topic);
    }

    public TopicRouteData getAnExistTopicRouteData(String topic) {
        return routes.getAnExistTopicRouteData(topic);
    }

    public ConcurrentMap<String, TopicRouteData> getTopicRouteTable() {
        return routes.getTopicRouteTable();
    }

    /** brokerName -> brokerId -> address, from every route this client has seen. */
    public ConcurrentMap<String, HashMap<Long, String>> getBrokerAddrTable() {
        return routes.getBrokerAddrTable();
    }

    public int findBrokerVersion(String brokerName, String brokerAddr) {
        return routes.findBrokerVersion(brokerName, brokerAddr);
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
        routes.getBrokerAddrTable().forEach((brokerName, addrs) -> addrs.forEach((id, addr) -> {
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

    // ------------------------------------------------------------------ accessors

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

    /** The one clock of this client: every time decision of its producers and consumers reads it. */
    public Clock getClock() {
        return clock;
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
