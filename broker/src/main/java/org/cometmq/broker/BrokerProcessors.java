package org.cometmq.broker;

import java.util.List;
import java.util.concurrent.ExecutorService;
import org.cometmq.broker.acl.AclConfigProcessor;
import org.cometmq.broker.filter.ConsumerFilterFactory;
import org.cometmq.broker.processor.ClientManageProcessor;
import org.cometmq.broker.processor.ConsumerManageProcessor;
import org.cometmq.broker.processor.ConsumerSendMsgBackProcessor;
import org.cometmq.broker.processor.UnsupportedCodeProcessor;
import org.cometmq.broker.processor.EndTransactionProcessor;
import org.cometmq.broker.processor.PullMessageProcessor;
import org.cometmq.broker.processor.QueryMessageProcessor;
import org.cometmq.broker.processor.QueueLockProcessor;
import org.cometmq.broker.processor.ReplyMessageProcessor;
import org.cometmq.broker.processor.RetryTopics;
import org.cometmq.broker.processor.SendMessageChecker;
import org.cometmq.broker.processor.SendMessageProcessor;
import org.cometmq.broker.processor.admin.BrokerConfigProcessor;
import org.cometmq.broker.processor.admin.ClientCallProcessor;
import org.cometmq.broker.processor.admin.ConnectionAdminProcessor;
import org.cometmq.broker.processor.admin.ConsumeQueueQueryProcessor;
import org.cometmq.broker.processor.admin.ConsumeStatsCollector;
import org.cometmq.broker.processor.admin.GroupAdminProcessor;
import org.cometmq.broker.processor.admin.OffsetAdminProcessor;
import org.cometmq.broker.processor.admin.ResetOffsetProcessor;
import org.cometmq.broker.processor.admin.SlaveMetadataGuard;
import org.cometmq.broker.processor.admin.StatsAdminProcessor;
import org.cometmq.broker.processor.admin.TopicAdminProcessor;
import org.cometmq.broker.stats.BrokerRuntimeInfo;
import org.cometmq.broker.util.BrokerExecutors;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.remoting.RemotingServer;
import org.cometmq.remoting.netty.NettyRequestProcessor;

/**
 * Builds the broker's request processors from the controller's parts and registers each code with its executor,
 * on the main server and, as 4.9.7 does, on the VIP server (listen port - 2) for every code but PULL_MESSAGE.
 */
final class BrokerProcessors {
    private final BrokerController controller;
    private final BrokerRuntimeInfo runtimeInfo;
    private final RetryTopics retryTopics;
    private final ConsumerFilterFactory filterFactory;
    private final PullMessageProcessor pullMessageProcessor;

    BrokerProcessors(BrokerController controller, BrokerRuntimeInfo runtimeInfo) {
        this.controller = controller;
        this.runtimeInfo = runtimeInfo;
        this.retryTopics = new RetryTopics(controller.getSubscriptionGroupManager(),
            controller.getTopicConfigManager());
        this.filterFactory = new ConsumerFilterFactory(controller.getBrokerConfig());
        this.pullMessageProcessor = new PullMessageProcessor(controller.getBrokerConfig(),
            controller.getMessageStoreConfig().getBrokerRole(), controller.getSubscriptionGroupManager(),
            controller.getTopicConfigManager(), controller.getConsumerOffsetManager(), controller.getConsumerManager(),
            filterFactory, controller.getMessageStore(), controller.getStatsManager(), controller.getClock(),
            controller::getStoreHost);
    }

    PullMessageProcessor pullMessageProcessor() {
        return pullMessageProcessor;
    }

    void registerAll(RemotingServer main, RemotingServer vip, BrokerExecutors executors) {
        List<RemotingServer> both = List.of(main, vip);
        registerMessaging(both, executors);
        register(List.of(main), pullMessageProcessor, executors.pull(), RequestCode.PULL_MESSAGE);
        registerClients(both, executors);
        registerAdmin(both, executors.admin());
        UnsupportedCodeProcessor fallback = new UnsupportedCodeProcessor();
        for (RemotingServer server : both) {
            server.registerDefaultProcessor(fallback, executors.admin());
        }
    }

    private void registerMessaging(List<RemotingServer> servers, BrokerExecutors executors) {
        SendMessageProcessor send = new SendMessageProcessor(controller.getBrokerConfig(),
            controller.getMessageStoreConfig().getMaxMessageSize(),
            new SendMessageChecker(controller.getBrokerConfig(), controller.getTopicConfigManager()), retryTopics,
            controller.getMessageStore(), controller.getStatsManager(), controller::getStoreHost,
            controller.getTransactionalMessageBridge());
        register(servers, send, executors.send(), RequestCode.SEND_MESSAGE, RequestCode.SEND_MESSAGE_V2,
            RequestCode.SEND_BATCH_MESSAGE);
        ReplyMessageProcessor reply = new ReplyMessageProcessor(controller.getBrokerConfig(),
            new SendMessageChecker(controller.getBrokerConfig(), controller.getTopicConfigManager()),
            controller.getProducerManager(), controller.getBroker2Client(), controller.getMessageStore(),
            controller.getStatsManager(), controller::getStoreHost);
        register(servers, reply, executors.reply(), RequestCode.SEND_REPLY_MESSAGE, RequestCode.SEND_REPLY_MESSAGE_V2);
        EndTransactionProcessor endTransaction = new EndTransactionProcessor(controller.getTransactionalMessageBridge(),
            controller.getMessageStoreConfig());
        register(servers, endTransaction, executors.endTransaction(), RequestCode.END_TRANSACTION);
        ConsumerSendMsgBackProcessor sendBack = new ConsumerSendMsgBackProcessor(controller.getBrokerConfig(),
            controller.getSubscriptionGroupManager(), retryTopics, controller.getMessageStore(),
            controller.getStatsManager(), controller::getStoreHost);
        register(servers, sendBack, executors.send(), RequestCode.CONSUMER_SEND_MSG_BACK);
        QueryMessageProcessor query = new QueryMessageProcessor(controller.getMessageStore(),
            controller.getMessageStoreConfig().getDefaultQueryMaxNum());
        register(servers, query, executors.query(), RequestCode.QUERY_MESSAGE, RequestCode.VIEW_MESSAGE_BY_ID);
    }

    private void registerClients(List<RemotingServer> servers, BrokerExecutors executors) {
        ClientManageProcessor clientManage = new ClientManageProcessor(controller.getProducerManager(),
            controller.getConsumerManager(), controller.getSubscriptionGroupManager(), retryTopics, filterFactory,
            controller.getClock());
        register(servers, clientManage, executors.heartbeat(), RequestCode.HEART_BEAT);
        register(servers, clientManage, executors.clientManage(), RequestCode.UNREGISTER_CLIENT,
            RequestCode.CHECK_CLIENT_CONFIG);
        ConsumerManageProcessor consumerManage = new ConsumerManageProcessor(controller.getConsumerManager(),
            controller.getConsumerOffsetManager(), controller.getMessageStore());
        register(servers, consumerManage, executors.consumerManage(), RequestCode.GET_CONSUMER_LIST_BY_GROUP,
            RequestCode.UPDATE_CONSUMER_OFFSET, RequestCode.QUERY_CONSUMER_OFFSET);
        register(servers, new QueueLockProcessor(controller.getRebalanceLockManager()), executors.admin(),
            RequestCode.LOCK_BATCH_MQ, RequestCode.UNLOCK_BATCH_MQ);
    }

    private void registerAdmin(List<RemotingServer> servers, ExecutorService admin) {
        String brokerName = controller.getBrokerConfig().getBrokerName();
        register(servers, slaveGuarded(new TopicAdminProcessor(controller.getTopicConfigManager(),
            controller.getMessageStore(), controller.getRegistrationService()::registerIncrementBrokerData)), admin,
            RequestCode.UPDATE_AND_CREATE_TOPIC, RequestCode.DELETE_TOPIC_IN_BROKER, RequestCode.GET_ALL_TOPIC_CONFIG,
            RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_BROKER, RequestCode.CLEAN_UNUSED_TOPIC);
        register(servers, slaveGuarded(new GroupAdminProcessor(controller.getSubscriptionGroupManager(),
            controller.getConsumerOffsetManager())), admin,
            RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP, RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG,
            RequestCode.DELETE_SUBSCRIPTIONGROUP);
        register(servers, new OffsetAdminProcessor(controller.getMessageStore(), controller.getConsumerOffsetManager(),
            controller.getConsumerManager()), admin, RequestCode.SEARCH_OFFSET_BY_TIMESTAMP, RequestCode.GET_MAX_OFFSET,
            RequestCode.GET_MIN_OFFSET, RequestCode.GET_EARLIEST_MSG_STORETIME, RequestCode.GET_ALL_CONSUMER_OFFSET,
            RequestCode.GET_ALL_DELAY_OFFSET, RequestCode.CLONE_GROUP_OFFSET, RequestCode.QUERY_CORRECTION_OFFSET);
        ConsumeStatsCollector consumeStats = new ConsumeStatsCollector(brokerName, controller.getTopicConfigManager(),
            controller.getConsumerOffsetManager(), controller.getConsumerManager(), controller.getMessageStore(),
            controller.getStatsManager());
        register(servers, new StatsAdminProcessor(brokerName, controller.getTopicConfigManager(),
            controller.getSubscriptionGroupManager(), controller.getConsumerOffsetManager(),
            controller.getConsumerManager(), consumeStats, controller.getMessageStore(), controller.getStatsManager(),
            controller::getBrokerAddr), admin, RequestCode.GET_TOPIC_STATS_INFO, RequestCode.GET_CONSUME_STATS,
            RequestCode.QUERY_TOPIC_CONSUME_BY_WHO, RequestCode.QUERY_CONSUME_TIME_SPAN,
            RequestCode.GET_BROKER_CONSUME_STATS, RequestCode.VIEW_BROKER_STATS_DATA);
        register(servers, new ConsumeQueueQueryProcessor(controller.getMessageStore(), controller.getConsumerManager()),
            admin, RequestCode.QUERY_CONSUME_QUEUE);
        register(servers, new BrokerConfigProcessor(controller.getConfiguration(), runtimeInfo,
            controller.getMessageStore(), controller::permissionChanged), admin, RequestCode.UPDATE_BROKER_CONFIG,
            RequestCode.GET_BROKER_CONFIG, RequestCode.GET_BROKER_RUNTIME_INFO, RequestCode.CLEAN_EXPIRED_CONSUMEQUEUE,
            RequestCode.DELETE_EXPIRED_COMMITLOG);
        register(servers, new AclConfigProcessor(controller.getAccessValidator(), controller.getBrokerConfig(), controller::getBrokerAddr), admin,
            RequestCode.UPDATE_AND_CREATE_ACL_CONFIG, RequestCode.DELETE_ACL_CONFIG, RequestCode.GET_BROKER_CLUSTER_ACL_INFO,
            RequestCode.UPDATE_GLOBAL_WHITE_ADDRS_CONFIG, RequestCode.GET_BROKER_CLUSTER_ACL_CONFIG);
        register(servers, new ConnectionAdminProcessor(controller.getConsumerManager(), controller.getProducerManager()), admin,
            RequestCode.GET_CONSUMER_CONNECTION_LIST, RequestCode.GET_PRODUCER_CONNECTION_LIST,
            RequestCode.GET_ALL_PRODUCER_INFO);
        register(servers, new ClientCallProcessor(controller.getConsumerManager(), controller.getBroker2Client(),
            controller.getMessageStore(), brokerName), admin, RequestCode.GET_CONSUMER_RUNNING_INFO,
            RequestCode.CONSUME_MESSAGE_DIRECTLY, RequestCode.INVOKE_BROKER_TO_GET_CONSUMER_STATUS);
        register(servers, new ResetOffsetProcessor(controller.getTopicConfigManager(),
            controller.getConsumerOffsetManager(), controller.getConsumerManager(), controller.getBroker2Client(),
            controller.getMessageStore(), brokerName), admin, RequestCode.INVOKE_BROKER_TO_RESET_OFFSET);
    }

    private NettyRequestProcessor slaveGuarded(NettyRequestProcessor processor) {
        return new SlaveMetadataGuard(processor, controller.getMessageStoreConfig()::getBrokerRole);
    }

    private static void register(List<RemotingServer> servers, NettyRequestProcessor processor,
                                 ExecutorService executor, int... codes) {
        for (RemotingServer server : servers) {
            for (int code : codes) {
                server.registerProcessor(code, processor, executor);
            }
        }
    }
}
