package org.cometmq.broker.util;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cometmq.common.BrokerConfig;

/** The broker's request executors, one per kind of work, sized from the broker config. */
public class BrokerExecutors {
    private final BrokerThreadPoolExecutor send;
    private final BrokerThreadPoolExecutor pull;
    private final BrokerThreadPoolExecutor query;
    private final BrokerThreadPoolExecutor admin;
    private final BrokerThreadPoolExecutor clientManage;
    private final BrokerThreadPoolExecutor consumerManage;
    private final BrokerThreadPoolExecutor heartbeat;
    private final BrokerThreadPoolExecutor endTransaction;
    private final BrokerThreadPoolExecutor reply;

    public BrokerExecutors(BrokerConfig config, Clock clock) {
        send = new BrokerThreadPoolExecutor("SendMessageThread", config.getSendMessageThreadPoolNums(),
            config.getSendThreadPoolQueueCapacity(), clock);
        pull = new BrokerThreadPoolExecutor("PullMessageThread", config.getPullMessageThreadPoolNums(),
            config.getPullThreadPoolQueueCapacity(), clock);
        query = new BrokerThreadPoolExecutor("QueryMessageThread", config.getQueryMessageThreadPoolNums(),
            config.getQueryThreadPoolQueueCapacity(), clock);
        admin = new BrokerThreadPoolExecutor("AdminBrokerThread", config.getAdminBrokerThreadPoolNums(),
            config.getAdminBrokerThreadPoolQueueCapacity(), clock);
        clientManage = new BrokerThreadPoolExecutor("ClientManageThread", config.getClientManageThreadPoolNums(),
            config.getClientManagerThreadPoolQueueCapacity(), clock);
        consumerManage = new BrokerThreadPoolExecutor("ConsumerManageThread", config.getConsumerManageThreadPoolNums(),
            config.getConsumerManagerThreadPoolQueueCapacity(), clock);
        heartbeat = new BrokerThreadPoolExecutor("HeartbeatThread", config.getHeartbeatThreadPoolNums(),
            config.getHeartbeatThreadPoolQueueCapacity(), clock);
        endTransaction = new BrokerThreadPoolExecutor("EndTransactionThread", config.getEndTransactionThreadPoolNums(),
            config.getEndTransactionPoolQueueCapacity(), clock);
        reply = new BrokerThreadPoolExecutor("ProcessReplyMessageThread",
            config.getProcessReplyMessageThreadPoolNums(), config.getReplyThreadPoolQueueCapacity(), clock);
    }

    public BrokerThreadPoolExecutor send() {
        return send;
    }

    public BrokerThreadPoolExecutor pull() {
        return pull;
    }

    public BrokerThreadPoolExecutor query() {
        return query;
    }

    public BrokerThreadPoolExecutor admin() {
        return admin;
    }

    public BrokerThreadPoolExecutor clientManage() {
        return clientManage;
    }

    public BrokerThreadPoolExecutor consumerManage() {
        return consumerManage;
    }

    public BrokerThreadPoolExecutor heartbeat() {
        return heartbeat;
    }

    public BrokerThreadPoolExecutor endTransaction() {
        return endTransaction;
    }

    public BrokerThreadPoolExecutor reply() {
        return reply;
    }

    /** Stops accepting work and waits a bounded time for running tasks. */
    public void shutdown() {
        List<BrokerThreadPoolExecutor> all = List.of(send, pull, query, admin, clientManage, consumerManage, heartbeat,
            endTransaction, reply);
        all.forEach(BrokerThreadPoolExecutor::shutdown);
        for (BrokerThreadPoolExecutor executor : all) {
            try {
                if (!executor.awaitTermination(3, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                executor.shutdownNow();
            }
        }
    }
}
