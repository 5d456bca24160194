package org.cometmq.broker;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cometmq.acl.AccessValidator;
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
        messageStore = new DefaultMessageStore(storeConfig, arrivingListener,
            new org.cometmq.store.cleanup.FileStoreDiskSpaceProvider(), clock);
        messageStore.setConsumedOffsetView(new CommittedOffsetView(consumerOffsetManager));
        if (!messageStore.load()) {
            log.error("message store under {} could not be loaded", storeConfig.getStorePathRootDir());
            return false;
        }
        initializeTransactions();
        remotingServer = new NettyRemotingServer(configuration.getNettyServerConfig(), clientHousekeepingService);
        if (brokerConfig.isAclEnable()) {
            brokerAcl = BrokerAcl.create(brokerConfig, new HalfMessageTopicResolver(transactionalMessageBridge));
            brokerAcl.install(remotingServer);
        }
        executors = new BrokerExecutors(brokerConfig, clock);
        outerAPI = new BrokerOuterAPI(new NettyRemotingClient(configuration.getNettyClientConfig()));
        if (brokerConfig.getNamesrvAddr() != null) {
            outerAPI.updateNameServerAddressList(brokerConfig.getNamesrvAddr());
        }
        registrationService = new BrokerRegistrationService(brokerConfig, outerAPI,
            topicConfigManager::buildTopicConfigSerializeWrapper, this::identity);
        // 4.9.7 registers a topic created by a send oneway before answering, which still leaves a name server a
        // moment to lose the race with the creator's route query; waiting for the name servers closes that gap.
        topicConfigManager.setCreationListener(registrationService::registerBrokerAll);
        registrationService.setOrderTopicConfigListener(topicConfigManager::updateOrderTopicConfig);
        offsetPersistService = new ConsumerOffsetPersistService(List.of(consumerOffsetManager, consumerFilterManager),
            brokerConfig.getFlushConsumerOffsetInterval());
        BrokerRuntimeInfo runtimeInfo = new BrokerRuntimeInfo(brokerConfig, messageStore, statsManager, statsSampler,
            executors);
        BrokerProcessors processors = new BrokerProcessors(this, runtimeInfo);
        processors.registerAll(remotingServer, executors);
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
        if (remotingServer != null) {
            remotingServer.shutdown();
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
        int haPort = configuration.getNettyServerConfig().getListenPort() + 1;
        return new BrokerIdentity(brokerConfig.getBrokerClusterName(), brokerConfig.getBrokerName(),
            brokerConfig.getBrokerId(), getBrokerAddr(), brokerConfig.getBrokerIP2() + ":" + haPort);
    }

    /** Makes the name servers learn a changed broker permission before the change is answered. */
    void permissionChanged() {
        topicConfigManager.getDataVersion().nextVersion();
        registrationService.registerBrokerAll();
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
