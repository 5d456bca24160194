package org.cometmq.broker;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cometmq.acl.AccessValidator;
import org.cometmq.acl.common.AclClientRPCHook;
import org.cometmq.acl.common.SessionCredentials;
import org.cometmq.broker.acl.BrokerAcl;
import org.cometmq.broker.acl.HalfMessageTopicResolver;
import org.cometmq.broker.client.Broker2Client;
import org.cometmq.broker.client.ClientHousekeepingService;
import org.cometmq.broker.client.ConsumerManager;
import org.cometmq.broker.client.DefaultConsumerIdsChangeListener;
import org.cometmq.broker.client.ProducerManager;
import org.cometmq.broker.client.rebalance.RebalanceLockManager;
import org.cometmq.broker.config.BrokerConfiguration;
import org.cometmq.broker.config.BrokerPathConfigHelper;
import org.cometmq.broker.longpolling.NotifyMessageArrivingListener;
import org.cometmq.broker.longpolling.PullRequestHoldService;
import org.cometmq.broker.metrics.BrokerMetricsManager;
import org.cometmq.broker.offset.CommittedOffsetView;
import org.cometmq.broker.offset.ConsumerOffsetManager;
import org.cometmq.broker.offset.ConsumerOffsetPersistService;
import org.cometmq.broker.out.BrokerIdentity;
import org.cometmq.broker.out.BrokerOuterAPI;
import org.cometmq.broker.out.BrokerRegistrationService;
import org.cometmq.broker.stats.BrokerRuntimeInfo;
import org.cometmq.broker.stats.BrokerStatsManager;
import org.cometmq.broker.stats.BrokerStatsSampler;
import org.cometmq.broker.stats.ReplicationRuntimeInfo;
import org.cometmq.broker.slave.SlaveSynchronize;
import org.cometmq.broker.subscription.SubscriptionGroupManager;
import org.cometmq.broker.topic.TopicConfigManager;
import org.cometmq.broker.transaction.ProducerCheckBackSender;
import org.cometmq.broker.transaction.TransactionalMessageBridge;
import org.cometmq.broker.transaction.TransactionalMessageCheckService;
import org.cometmq.broker.transaction.TransactionalMessageChecker;
import org.cometmq.broker.filter.ConsumerFilterManager;
import org.cometmq.broker.latency.BrokerFastFailure;
import org.cometmq.broker.util.BrokerExecutors;
import org.cometmq.common.BrokerConfig;
import org.cometmq.common.subscription.SubscriptionGroupConfig;
import org.cometmq.remoting.RemotingServer;
import org.cometmq.remoting.netty.NettyRemotingClient;
import org.cometmq.remoting.netty.NettyRemotingServer;
import org.cometmq.remoting.netty.NettyServerConfig;
import org.cometmq.remoting.common.NamedThreadFactory;
import org.cometmq.store.ReplicationStatus;
import org.cometmq.store.config.StorePathConfigHelper;
import org.cometmq.store.DefaultMessageStore;
import org.cometmq.store.MessageStore;
import org.cometmq.store.config.BrokerRole;
import org.cometmq.store.config.MessageStoreConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the broker's managers, services and processors, registers the processors with their executors, and
 * starts and stops everything in order. It holds no request logic of its own.
 */
public class BrokerController {
    private static final Logger log = LoggerFactory.getLogger(BrokerController.class);
    private static final long CLIENT_SCAN_INTERVAL_MILLIS = 10_000;
    private static final long LONG_POLLING_CHECK_MILLIS = 5_000;
    /** 4.9.7's slave synchronisation schedule: first after 3 s, then every 10 s (not configurable there either). */
    private static final long SLAVE_SYNC_DELAY_MILLIS = 3_000;
    private static final long SLAVE_SYNC_PERIOD_MILLIS = 10_000;

    private final BrokerConfiguration configuration;
    private final BrokerConfig brokerConfig;
    private final MessageStoreConfig storeConfig;
    private final Clock clock = Clock.systemUTC();
    private final TopicConfigManager topicConfigManager;
    private final SubscriptionGroupManager subscriptionGroupManager;
    private final ConsumerOffsetManager consumerOffsetManager;
    private final ConsumerFilterManager consumerFilterManager;
    private final ProducerManager producerManager;
    private final ConsumerManager consumerManager;
    private final Broker2Client broker2Client;
    private final RebalanceLockManager rebalanceLockManager;
    private final BrokerStatsManager statsManager;
    private final BrokerStatsSampler statsSampler;
    private final ClientHousekeepingService clientHousekeepingService;
    private final NotifyMessageArrivingListener arrivingListener = new NotifyMessageArrivingListener();
    private BrokerExecutors executors;
    private BrokerFastFailure fastFailure;
    private MessageStore messageStore;
    private RemotingServer remotingServer;
    private RemotingServer vipRemotingServer;
    private SlaveSynchronize slaveSynchronize;
    private ScheduledExecutorService slaveSyncExecutor;
    private BrokerOuterAPI outerAPI;
    private BrokerRegistrationService registrationService;
    private PullRequestHoldService pullRequestHoldService;
    private ConsumerOffsetPersistService offsetPersistService;
    private TransactionalMessageBridge transactionalMessageBridge;
    private TransactionalMessageCheckService transactionCheckService;
    private BrokerAcl brokerAcl;
    private BrokerMetricsManager metricsManager;
    private volatile boolean started;
    private volatile InetSocketAddress storeHost;
    private final AtomicBoolean shutDown = new AtomicBoolean(false);

    public BrokerController(BrokerConfiguration configuration) {
        this.configuration = configuration;
        this.brokerConfig = configuration.getBrokerConfig();
        this.storeConfig = configuration.getMessageStoreConfig();
        String root = storeConfig.getStorePathRootDir();
        this.topicConfigManager = new TopicConfigManager(brokerConfig, BrokerPathConfigHelper.getTopicConfigPath(root));
        this.subscriptionGroupManager = new SubscriptionGroupManager(brokerConfig,
            BrokerPathConfigHelper.getSubscriptionGroupPath(root));
        this.consumerOffsetManager = new ConsumerOffsetManager(BrokerPathConfigHelper.getConsumerOffsetPath(root));
        long expiry = brokerConfig.getChannelExpiredTimeoutMillis();
        this.producerManager = new ProducerManager(clock, expiry);
        this.broker2Client = new Broker2Client(() -> remotingServer);
        this.consumerFilterManager = new ConsumerFilterManager(BrokerPathConfigHelper.getConsumerFilterPath(root),
            clock);
        this.consumerManager = new ConsumerManager(
            new DefaultConsumerIdsChangeListener(broker2Client, this::notifyEnabled, consumerFilterManager), clock,
            expiry);
        this.rebalanceLockManager = new RebalanceLockManager(clock, brokerConfig.getRebalanceLockMaxLiveTime());
        this.statsManager = new BrokerStatsManager(clock);
        this.statsSampler = new BrokerStatsSampler(statsManager);
        this.clientHousekeepingService = new ClientHousekeepingService(producerManager, consumerManager,
            CLIENT_SCAN_INTERVAL_MILLIS);
    }

    private boolean notifyEnabled(String group) {
        SubscriptionGroupConfig config = subscriptionGroupManager.getSubscriptionGroupTable().get(group);
        return brokerConfig.isNotifyConsumerIdsChangedEnable()
            && (config == null || config.isNotifyConsumerIdsChangedEnable());
    }

    /** Loads the tables and the store and builds the network side; false when the broker cannot start. */
    public boolean initialize() throws Exception {
        if (!topicConfigManager.load() || !subscriptionGroupManager.load() || !consumerOffsetManager.load()
            || !consumerFilterManager.load()) {
            log.error("broker tables under {} could not be loaded", storeConfig.getStorePathRootDir());
            return false;
        }
        // As 4.9.7, the HA port follows the listen port whatever the config says; an ephemeral one stays ephemeral.
        int listenPort = configuration.getNettyServerConfig().getListenPort();
        storeConfig.setHaListenPort(listenPort == 0 ? 0 : listenPort + 1);
        messageStore = new DefaultMessageStore(storeConfig, arrivingListener,
            new org.cometmq.store.cleanup.FileStoreDiskSpaceProvider(), clock);
        messageStore.setConsumedOffsetView(new CommittedOffsetView(consumerOffsetManager));
        if (!messageStore.load()) {
            log.error("message store under {} could not be loaded", storeConfig.getStorePathRootDir());
            return false;
        }
        initializeTransactions();
        remotingServer = new NettyRemotingServer(configuration.getNettyServerConfig(), clientHousekeepingService);
        vipRemotingServer = new NettyRemotingServer(vipServerConfig(), clientHousekeepingService);
        if (brokerConfig.isAclEnable()) {
            brokerAcl = BrokerAcl.create(brokerConfig, new HalfMessageTopicResolver(transactionalMessageBridge));
            brokerAcl.install(remotingServer);
            brokerAcl.install(vipRemotingServer);
        }
        executors = new BrokerExecutors(brokerConfig, clock);
        outerAPI = new BrokerOuterAPI(outerClient());
        if (brokerConfig.getNamesrvAddr() != null) {
            outerAPI.updateNameServerAddressList(brokerConfig.getNamesrvAddr());
        }
        registrationService = new BrokerRegistrationService(brokerConfig, outerAPI,
            topicConfigManager::buildTopicConfigSerializeWrapper, this::identity);
        // 4.9.7 registers a topic created by a send oneway before answering, which still leaves a name server a
        // moment to lose the race with the creator's route query; waiting for the name servers closes that gap.
        topicConfigManager.setCreationListener(registrationService::registerBrokerAll);
        registrationService.setOrderTopicConfigListener(topicConfigManager::updateOrderTopicConfig);
        slaveSynchronize = new SlaveSynchronize(outerAPI, topicConfigManager, consumerOffsetManager,
            subscriptionGroupManager, StorePathConfigHelper.getDelayOffsetStorePath(storeConfig.getStorePathRootDir()),
            this::getBrokerAddr);
        registrationService.addMasterAddressListener(this::onMasterAddress);
        offsetPersistService = new ConsumerOffsetPersistService(List.of(consumerOffsetManager, consumerFilterManager),
            brokerConfig.getFlushConsumerOffsetInterval());
        BrokerRuntimeInfo runtimeInfo = new BrokerRuntimeInfo(brokerConfig, messageStore, statsManager, statsSampler,
            executors);
        runtimeInfo.setReplicationInfo(new ReplicationRuntimeInfo(storeConfig::getBrokerRole,
            slaveSynchronize::getMasterAddr, registrationService::getHaMasterAddr, this::replicationStatus));
        BrokerProcessors processors = new BrokerProcessors(this, runtimeInfo);
        processors.registerAll(remotingServer, vipRemotingServer, executors);
        processors.pullMessageProcessor().setMasterRegistered(() -> slaveSynchronize.getMasterAddr() != null);
        pullRequestHoldService = new PullRequestHoldService(processors.pullMessageProcessor(),
            messageStore::getMaxOffsetInQueue, clock,
            brokerConfig.isLongPollingEnable() ? LONG_POLLING_CHECK_MILLIS : brokerConfig.getShortPollingTimeMills());
        processors.pullMessageProcessor().setLongPolling(pullRequestHoldService, executors.pull());
        arrivingListener.setHoldService(pullRequestHoldService);
        fastFailure = new BrokerFastFailure(brokerConfig, executors, messageStore::isOSPageCacheBusy,
            clock);
        metricsManager = BrokerMetricsManager.create(this, executors);
        return true;
    }

    private void initializeTransactions() {
        transactionalMessageBridge = new TransactionalMessageBridge(messageStore, topicConfigManager,
            consumerOffsetManager, this::getStoreHost, clock);
        TransactionalMessageChecker checker = new TransactionalMessageChecker(transactionalMessageBridge,
            new ProducerCheckBackSender(producerManager, broker2Client, brokerConfig.getBrokerName()), brokerConfig,
            TimeUnit.HOURS.toMillis(storeConfig.getFileReservedTime()), clock);
        transactionCheckService = new TransactionalMessageCheckService(checker,
            brokerConfig::getTransactionCheckInterval);
    }

    /** Starts the store, the server and the services, then registers with the name servers. */
    public void start() throws Exception {
        messageStore.start();
        if (brokerAcl != null) {
            brokerAcl.start();
        }
        remotingServer.start();
        configuration.getNettyServerConfig().setListenPort(remotingServer.localListenPort());
        vipRemotingServer.start();
        outerAPI.start();
        pullRequestHoldService.start();
        fastFailure.start();
        clientHousekeepingService.start();
        offsetPersistService.start();
        statsSampler.start();
        metricsManager.start();
        if (storeConfig.getBrokerRole() != BrokerRole.SLAVE) {
            transactionCheckService.start();
        }
        if (brokerConfig.getStartAcceptSendRequestTimeStamp() <= 0) {
            brokerConfig.setStartAcceptSendRequestTimeStamp(clock.millis());
        }
        registrationService.registerBrokerAll();
        registrationService.start();
        if (isSlave()) {
            startSlaveSynchronize();
        }
        started = true;
    }

    /** Leaves the name servers, stops serving, persists the tables and closes the store; each step bounded. */
    public void shutdown() {
        if (!shutDown.compareAndSet(false, true)) {
            return;
        }
        if (registrationService != null) {
            registrationService.shutdown();
        }
        if (transactionCheckService != null) {
            transactionCheckService.shutdown();
        }
        if (outerAPI != null && started) {
            outerAPI.unregisterBrokerAll(identity());
        }
        if (slaveSyncExecutor != null) {
            slaveSyncExecutor.shutdownNow();
        }
        if (remotingServer != null) {
            remotingServer.shutdown();
        }
        if (vipRemotingServer != null) {
            vipRemotingServer.shutdown();
        }
        if (pullRequestHoldService != null) {
            pullRequestHoldService.shutdown();
            fastFailure.shutdown();
        }
        clientHousekeepingService.shutdown();
        statsSampler.shutdown();
        if (metricsManager != null) {
            metricsManager.shutdown();
        }
        if (brokerAcl != null) {
            brokerAcl.shutdown();
        }
        if (executors != null) {
            executors.shutdown();
        }
        if (offsetPersistService != null) {
            offsetPersistService.shutdown();
        }
        consumerOffsetManager.persist();
        consumerFilterManager.persist();
        topicConfigManager.persist();
        subscriptionGroupManager.persist();
        if (messageStore != null) {
            messageStore.shutdown();
        }
        if (outerAPI != null) {
            outerAPI.shutdown();
        }
        started = false;
        log.info("broker {} stopped", brokerConfig.getBrokerName());
    }

    /** {@code brokerIP1:listenPort} (the real port once started), the address the broker registers. */
    public String getBrokerAddr() {
        return brokerConfig.getBrokerIP1() + ":" + configuration.getNettyServerConfig().getListenPort();
    }

    /** The store host written into every message: {@code brokerIP1:listenPort}, resolved once per port. */
    public SocketAddress getStoreHost() {
        int port = configuration.getNettyServerConfig().getListenPort();
        InetSocketAddress host = storeHost;
        if (host == null || host.getPort() != port) {
            host = new InetSocketAddress(brokerConfig.getBrokerIP1(), port);
            storeHost = host;
        }
        return host;
    }

    private BrokerIdentity identity() {
        return new BrokerIdentity(brokerConfig.getBrokerClusterName(), brokerConfig.getBrokerName(),
            brokerConfig.getBrokerId(), getBrokerAddr(), getHAServerAddr());
    }

    /** {@code brokerIP2:haListenPort}, the address slaves replicate from; registered with the name servers. */
    public String getHAServerAddr() {
        return brokerConfig.getBrokerIP2() + ":" + haListenPort();
    }

    /**
     * The HA port: the one the store's HA server bound (listenPort + 1 as 4.9.7 derives it, or an ephemeral one when
     * the listen port is), the configured one before the store runs.
     */
    public int haListenPort() {
        int bound = messageStore == null || messageStore.getHaService() == null ? 0
            : messageStore.getHaService().getLocalPort();
        return bound > 0 ? bound : storeConfig.getHaListenPort();
    }

    /**
     * A registration answer named the group's master: the slave synchronises its tables from it and replicates from
     * its HA address, unless {@code haMasterAddress} fixes that address (as 4.9.7, which then stops following the
     * name server's).
     */
    private void onMasterAddress(String masterAddr, String masterHaServerAddr) {
        slaveSynchronize.setMasterAddr(masterAddr);
        String fixed = storeConfig.getHaMasterAddress();
        if (isSlave() && masterHaServerAddr != null && (fixed == null || fixed.length() < 6)) {
            messageStore.updateHaMasterAddress(masterHaServerAddr);
        }
    }

    /** The VIP server's settings: the main server's, two ports below it (an ephemeral port when that is 0). */
    private NettyServerConfig vipServerConfig() {
        NettyServerConfig vip = configuration.getNettyServerConfig().clone();
        int listenPort = vip.getListenPort();
        vip.setListenPort(listenPort > 2 ? listenPort - 2 : 0);
        return vip;
    }

    private boolean isSlave() {
        return storeConfig.getBrokerRole() == BrokerRole.SLAVE;
    }

    private void startSlaveSynchronize() {
        slaveSyncExecutor = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("SlaveSynchronize"));
        slaveSyncExecutor.scheduleAtFixedRate(() -> {
            try {
                slaveSynchronize.syncAll();
            } catch (RuntimeException e) {
                log.warn("slave synchronisation failed", e);
            }
        }, SLAVE_SYNC_DELAY_MILLIS, SLAVE_SYNC_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The store's replication figures, when it replicates. */
    private ReplicationStatus replicationStatus() {
        return messageStore instanceof ReplicationStatus status ? status : null;
    }

    /** Makes the name servers learn a changed broker permission before the change is answered. */
    void permissionChanged() {
        topicConfigManager.getDataVersion().nextVersion();
        registrationService.registerBrokerAll();
    }

    /**
     * The client of the broker's own requests (registration, a slave's metadata reads), signed with the inner
     * account when one is configured so that an ACL-enabled master serves its slave without a whitelist.
     */
    private NettyRemotingClient outerClient() {
        NettyRemotingClient client = new NettyRemotingClient(configuration.getNettyClientConfig());
        if (brokerConfig.hasInnerCredentials()) {
            client.registerRPCHook(new AclClientRPCHook(
                new SessionCredentials(brokerConfig.getInnerAccessKey(), brokerConfig.getInnerSecretKey())));
            log.info("the broker's own requests are signed as {}", brokerConfig.getInnerAccessKey());
        }
        return client;
    }

    /** The ACL validator, or null when {@code aclEnable=false}. */
    public AccessValidator getAccessValidator() {
        return brokerAcl == null ? null : brokerAcl.getValidator();
    }

    public BrokerConfiguration getConfiguration() {
        return configuration;
    }

    public BrokerConfig getBrokerConfig() {
        return brokerConfig;
    }

    public MessageStoreConfig getMessageStoreConfig() {
        return storeConfig;
    }

    public TopicConfigManager getTopicConfigManager() {
        return topicConfigManager;
    }

    public SubscriptionGroupManager getSubscriptionGroupManager() {
        return subscriptionGroupManager;
    }

    public ConsumerOffsetManager getConsumerOffsetManager() {
        return consumerOffsetManager;
    }

    public ProducerManager getProducerManager() {
        return producerManager;
    }

    public ConsumerManager getConsumerManager() {
        return consumerManager;
    }

    public Broker2Client getBroker2Client() {
        return broker2Client;
    }

    public TransactionalMessageBridge getTransactionalMessageBridge() {
        return transactionalMessageBridge;
    }

    public RebalanceLockManager getRebalanceLockManager() {
        return rebalanceLockManager;
    }

    public BrokerStatsManager getStatsManager() {
        return statsManager;
    }

    public MessageStore getMessageStore() {
        return messageStore;
    }

    public RemotingServer getRemotingServer() {
        return remotingServer;
    }

    /** The VIP (fast) server on listen port - 2; every request but PULL_MESSAGE. */
    public RemotingServer getVipRemotingServer() {
        return vipRemotingServer;
    }

    /** A slave's copy of its master's metadata (idle on a master). */
    public SlaveSynchronize getSlaveSynchronize() {
        return slaveSynchronize;
    }

    public BrokerRegistrationService getRegistrationService() {
        return registrationService;
    }

    /** The metrics (registry null unless {@code metricsExporterType=PROM}); null before initialize. */
    public BrokerMetricsManager getMetricsManager() {
        return metricsManager;
    }

    public Clock getClock() {
        return clock;
    }
}
