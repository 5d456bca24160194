package org.cometmq.tools.monitor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cometmq.client.consumer.DefaultMQPullConsumer;
import org.cometmq.client.consumer.DefaultMQPushConsumer;
import org.cometmq.client.consumer.MQPullConsumer;
import org.cometmq.client.consumer.PullResult;
import org.cometmq.client.consumer.PullStatus;
import org.cometmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.cometmq.client.consumer.listener.MessageListenerConcurrently;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.common.MQVersion;
import org.cometmq.common.MixAll;
import org.cometmq.common.admin.ConsumeStats;
import org.cometmq.common.admin.OffsetWrapper;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.body.Connection;
import org.cometmq.common.protocol.body.ConsumerRunningInfo;
import org.cometmq.common.protocol.topic.OffsetMovedEvent;
import org.cometmq.remoting.RPCHook;
import org.cometmq.remoting.exception.RemotingException;
import org.cometmq.tools.admin.DefaultMQAdminExt;
import org.cometmq.tools.admin.MQAdminExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a cluster as 4.9.7's monitor does: 20 s after {@link #start()} and then every
 * {@link MonitorConfig#getRoundInterval()}, one round reports, for each group that has a retry topic and online
 * consumers, its backlog per topic and its clients' running info; between rounds, every OFFSET_MOVED_EVENT
 * message (group {@code __MONITOR_CONSUMER}) is reported as a {@link DeleteMsgsEvent}. The latest stored message
 * of a queue is read as group TOOLS_CONSUMER.
 */
public class MonitorService {
    private static final Logger LOG = LoggerFactory.getLogger(MonitorService.class);
    private static final long FIRST_ROUND_DELAY_MILLIS = 20_000;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
        runnable -> new Thread(runnable, "MonitorService"));
    private final MonitorConfig monitorConfig;
    private final MonitorListener monitorListener;
    private final MQAdminExt admin;
    private final MQPullConsumer pullConsumer;
    private final DefaultMQPushConsumer pushConsumer;

    public MonitorService(MonitorConfig monitorConfig, MonitorListener monitorListener, RPCHook rpcHook) {
        this(monitorConfig, monitorListener, admin(monitorConfig, rpcHook), pullConsumer(monitorConfig, rpcHook),
            rpcHook);
    }

    MonitorService(MonitorConfig monitorConfig, MonitorListener monitorListener, MQAdminExt admin,
        MQPullConsumer pullConsumer, RPCHook rpcHook) {
        this.monitorConfig = monitorConfig;
        this.monitorListener = monitorListener;
        this.admin = admin;
        this.pullConsumer = pullConsumer;
        this.pushConsumer = new DefaultMQPushConsumer(MixAll.MONITOR_CONSUMER_GROUP, rpcHook);
        pushConsumer.setInstanceName(instanceName(monitorConfig));
        pushConsumer.setNamesrvAddr(monitorConfig.getNamesrvAddr());
        pushConsumer.setConsumeThreadMin(1);
        pushConsumer.setConsumeThreadMax(1);
        pushConsumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            reportOffsetMoved(messages.get(0));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
    }

    /** Starts a monitor on the default {@link MonitorConfig} that stops when the JVM does. */
    public static void main(String[] args) throws MQClientException {
        main0(args, null);
    }

    public static void main0(String[] args, RPCHook rpcHook) throws MQClientException {
        MonitorService service = new MonitorService(new MonitorConfig(), new DefaultMonitorListener(), rpcHook);
        service.start();
        Runtime.getRuntime().addShutdownHook(new Thread(service::shutdown, "ShutdownHook"));
    }

    private static DefaultMQAdminExt admin(MonitorConfig config, RPCHook rpcHook) {
        DefaultMQAdminExt admin = new DefaultMQAdminExt(rpcHook);
        admin.setInstanceName(instanceName(config));
        admin.setNamesrvAddr(config.getNamesrvAddr());
        return admin;
    }

    private static DefaultMQPullConsumer pullConsumer(MonitorConfig config, RPCHook rpcHook) {
        DefaultMQPullConsumer consumer = new DefaultMQPullConsumer(MixAll.TOOLS_CONSUMER_GROUP, rpcHook);
        consumer.setInstanceName(instanceName(config));
        consumer.setNamesrvAddr(config.getNamesrvAddr());
        return consumer;
    }

    /** A fresh instance name per client, so the monitor's clients never share a client instance. */
    private static String instanceName(MonitorConfig config) {
        String seed = (System.currentTimeMillis() + new Random().nextInt()) + String.valueOf(config.getNamesrvAddr());
        return "MonitorService_" + seed.hashCode();
    }

    /** Starts the clients and schedules the rounds. */
    public void start() throws MQClientException {
        pushConsumer.subscribe(MixAll.OFFSET_MOVED_EVENT, "*");
        pullConsumer.start();
        admin.start();
        pushConsumer.start();
        scheduler.scheduleAtFixedRate(this::runRound, FIRST_ROUND_DELAY_MILLIS, monitorConfig.getRoundInterval(),
            TimeUnit.MILLISECONDS);
    }

    /** Stops the rounds (waiting up to 5 s for one in progress) and shuts the clients down. */
    public void shutdown() {
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("a monitoring round did not end within 5 s of the shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pullConsumer.shutdown();
        admin.shutdown();
        pushConsumer.shutdown();
    }

    private void runRound() {
        try {
            doMonitorWork();
        } catch (Exception e) {
            // the next round tries again
            LOG.error("doMonitorWork Exception", e);
        }
    }

    /** One round: each group with a retry topic, its backlog per topic and its clients' running info. */
    public void doMonitorWork() throws RemotingException, MQClientException, InterruptedException {
        long begin = System.currentTimeMillis();
        monitorListener.beginRound();
        for (String topic : admin.fetchAllTopicList().getTopicList()) {
            if (!topic.startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX)) {
                continue;
            }
            String group = topic.substring(MixAll.RETRY_GROUP_TOPIC_PREFIX.length());
            reportUndoneMsgs(group);
            try {
                reportConsumerRunningInfo(group);
            } catch (Exception e) {
                // a group without online clients has no running info: the round goes on with the next group
                LOG.debug("no running info of group {}: {}", group, e.toString());
            }
        }
        monitorListener.endRound();
        LOG.info("Execute one round monitor work, spent timemills: {}", System.currentTimeMillis() - begin);
    }

    /** The group's backlog per topic, when it has consume stats and online consumers. */
    private void reportUndoneMsgs(String group) {
        ConsumeStats stats;
        try {
            stats = admin.examineConsumeStats(group);
            admin.examineConsumerConnectionInfo(group);
        } catch (Exception e) {
            // no offsets yet, or nobody online: nothing to report for this group
            return;
        }
        Map<String, ConsumeStats> byTopic = new HashMap<>();
        stats.getOffsetTable().forEach((mq, offsets) -> byTopic.computeIfAbsent(mq.getTopic(),
            topic -> new ConsumeStats()).getOffsetTable().put(mq, offsets));
        byTopic.forEach((topic, topicStats) -> {
            UndoneMsgs undone = new UndoneMsgs();
            undone.setConsumerGroup(group);
            undone.setTopic(topic);
            computeUndoneMsgs(undone, topicStats);
            monitorListener.reportUndoneMsgs(undone);
        });
    }

    /** The running info of each client of {@code consumerGroup} that can tell it (3.1.8 and later). */
    public void reportConsumerRunningInfo(String consumerGroup) throws InterruptedException, MQBrokerException,
        RemotingException, MQClientException {
        TreeMap<String, ConsumerRunningInfo> infos = new TreeMap<>();
        for (Connection connection : admin.examineConsumerConnectionInfo(consumerGroup).getConnectionSet()) {
            if (connection.getVersion() < MQVersion.Version.V3_1_8_SNAPSHOT.ordinal()) {
                continue;
            }
            try {
                infos.put(connection.getClientId(),
                    admin.getConsumerRunningInfo(consumerGroup, connection.getClientId(), false));
            } catch (Exception e) {
                LOG.debug("client {} of {} did not tell its running info: {}", connection.getClientId(),
                    consumerGroup, e.toString());
            }
        }
        if (!infos.isEmpty()) {
            monitorListener.reportConsumerRunningInfo(infos);
        }
    }

    private void computeUndoneMsgs(UndoneMsgs undone, ConsumeStats stats) {
        long total = 0;
        long singleMax = 0;
        long delayMax = 0;
        for (Map.Entry<MessageQueue, OffsetWrapper> entry : stats.getOffsetTable().entrySet()) {
            OffsetWrapper offsets = entry.getValue();
            long diff = offsets.getBrokerOffset() - offsets.getConsumerOffset();
            singleMax = Math.max(singleMax, diff);
            total += Math.max(0, diff);
            if (offsets.getLastTimestamp() > 0) {
                delayMax = Math.max(delayMax, delay(entry.getKey(), offsets.getLastTimestamp()));
            }
        }
        undone.setUndoneMsgsTotal(total);
        undone.setUndoneMsgsSingleMQ(singleMax);
        undone.setUndoneMsgsDelayTimeMills(delayMax);
    }

    /** How much older the last consumed message is than the queue's latest one; 0 when that cannot be read. */
    private long delay(MessageQueue mq, long lastConsumedTimestamp) {
        try {
            long maxOffset = pullConsumer.maxOffset(mq);
            if (maxOffset <= 0) {
                return 0;
            }
            PullResult latest = pullConsumer.pull(mq, "*", maxOffset - 1, 1);
            if (latest.getPullStatus() != PullStatus.FOUND) {
                return 0;
            }
            return latest.getMsgFoundList().get(0).getStoreTimestamp() - lastConsumedTimestamp;
        } catch (Exception e) {
            return 0;
        }
    }

    private void reportOffsetMoved(MessageExt message) {
        try {
            DeleteMsgsEvent event = new DeleteMsgsEvent();
            event.setOffsetMovedEvent(OffsetMovedEvent.decode(message.getBody(), OffsetMovedEvent.class));
            event.setEventTimestamp(message.getStoreTimestamp());
            monitorListener.reportDeleteMsgsEvent(event);
        } catch (RuntimeException e) {
            // a body that is not an offset-moved event is not reported; the message is consumed all the same
            LOG.warn("not an offset-moved event in {}: {}", MixAll.OFFSET_MOVED_EVENT, e.toString());
        }
    }
}
