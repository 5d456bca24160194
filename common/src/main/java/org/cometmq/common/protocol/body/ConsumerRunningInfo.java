package org.cometmq.common.protocol.body;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.heartbeat.ConsumeType;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;
import org.cometmq.remoting.protocol.RemotingSerializable;

/**
 * GET_CONSUMER_RUNNING_INFO response of a client: its settings ({@code properties}), subscriptions, the state of
 * every queue it consumes ({@code mqTable}, keyed by queue objects) and per-topic rates.
 */
public class ConsumerRunningInfo extends RemotingSerializable {
    public static final String PROP_NAMESERVER_ADDR = "PROP_NAMESERVER_ADDR";
    public static final String PROP_THREADPOOL_CORE_SIZE = "PROP_THREADPOOL_CORE_SIZE";
    public static final String PROP_CONSUME_ORDERLY = "PROP_CONSUMEORDERLY";
    public static final String PROP_CONSUME_TYPE = "PROP_CONSUME_TYPE";
    public static final String PROP_CLIENT_VERSION = "PROP_CLIENT_VERSION";
    public static final String PROP_CONSUMER_START_TIMESTAMP = "PROP_CONSUMER_START_TIMESTAMP";

    private static final long STARTUP_GRACE_MILLIS = 120_000;
    private static final long CONSUME_STALL_MILLIS = 60_000;

    private Properties properties = new Properties();
    private TreeSet<SubscriptionData> subscriptionSet = new TreeSet<>();
    private TreeMap<MessageQueue, ProcessQueueInfo> mqTable = new TreeMap<>();
    private TreeMap<String, ConsumeStatus> statusTable = new TreeMap<>();
    private String jstack;

    public Properties getProperties() {
        return properties;
    }

    public void setProperties(Properties properties) {
        this.properties = properties;
    }

    public TreeSet<SubscriptionData> getSubscriptionSet() {
        return subscriptionSet;
    }

    public void setSubscriptionSet(TreeSet<SubscriptionData> subscriptionSet) {
        this.subscriptionSet = subscriptionSet;
    }

    public TreeMap<MessageQueue, ProcessQueueInfo> getMqTable() {
        return mqTable;
    }

    public void setMqTable(TreeMap<MessageQueue, ProcessQueueInfo> mqTable) {
        this.mqTable = mqTable;
    }

    public TreeMap<String, ConsumeStatus> getStatusTable() {
        return statusTable;
    }

    public void setStatusTable(TreeMap<String, ConsumeStatus> statusTable) {
        this.statusTable = statusTable;
    }

    public String getJstack() {
        return jstack;
    }

    public void setJstack(String jstack) {
        this.jstack = jstack;
    }

    /** The human-readable report {@code mqadmin consumerStatus} shows and saves, in 4.9.7's layout. */
    public String formatString() {
        return ConsumerRunningInfoReport.format(this);
    }

    /**
     * True when the push consumers of one group (client id to its info) subscribe alike; a group whose first client
     * pulls, or started less than two minutes ago, is not judged yet and counts as alike, as in 4.9.7.
     */
    public static boolean analyzeSubscription(TreeMap<String, ConsumerRunningInfo> criTable) {
        return analyzeSubscription(criTable, System.currentTimeMillis());
    }

    static boolean analyzeSubscription(TreeMap<String, ConsumerRunningInfo> criTable, long now) {
        ConsumerRunningInfo previous = criTable.firstEntry().getValue();
        boolean push = isPush(previous);
        String started = String.valueOf(previous.getProperties().get(PROP_CONSUMER_START_TIMESTAMP));
        boolean startedLongAgo = now - Long.parseLong(started) > STARTUP_GRACE_MILLIS;
        if (!push || !startedLongAgo) {
            return true;
        }
        for (Map.Entry<String, ConsumerRunningInfo> entry : criTable.entrySet()) {
            if (!entry.getValue().getSubscriptionSet().equals(previous.getSubscriptionSet())) {
                return false;
            }
            previous = entry.getValue();
        }
        return !previous.getSubscriptionSet().isEmpty();
    }

    /** Always true: 4.9.7 does not judge the rebalance result either. */
    public static boolean analyzeRebalance(TreeMap<String, ConsumerRunningInfo> criTable) {
        return true;
    }

    /**
     * Lines about the queues of a push consumer that look stuck: an orderly one that holds no lock or cannot give
     * one back, a concurrent one with cached messages and no consumption for over a minute.
     */
    public static String analyzeProcessQueue(String clientId, ConsumerRunningInfo info) {
        return analyzeProcessQueue(clientId, info, System.currentTimeMillis());
    }

    static String analyzeProcessQueue(String clientId, ConsumerRunningInfo info, long now) {
        StringBuilder sb = new StringBuilder();
        if (!isPush(info)) {
            return sb.toString();
        }
        boolean orderly = Boolean.parseBoolean(info.getProperties().getProperty(PROP_CONSUME_ORDERLY));
        for (Map.Entry<MessageQueue, ProcessQueueInfo> entry : info.getMqTable().entrySet()) {
            MessageQueue mq = entry.getKey();
            ProcessQueueInfo pq = entry.getValue();
            if (orderly && !pq.isLocked()) {
                sb.append(String.format("%s %s can't lock for a while, %dms%n", clientId, mq,
                    now - pq.getLastLockTimestamp()));
            } else if (orderly && pq.isDroped() && pq.getTryUnlockTimes() > 0) {
                sb.append(String.format("%s %s unlock %d times, still failed%n", clientId, mq,
                    pq.getTryUnlockTimes()));
            } else if (!orderly) {
                long idle = now - pq.getLastConsumeTimestamp();
                if (idle > CONSUME_STALL_MILLIS && pq.getCachedMsgCount() > 0) {
                    sb.append(String.format("%s %s can't consume for a while, maybe blocked, %dms%n", clientId, mq,
                        idle));
                }
            }
        }
        return sb.toString();
    }

    private static boolean isPush(ConsumerRunningInfo info) {
        Object type = info.getProperties().get(PROP_CONSUME_TYPE);
        String name = type instanceof ConsumeType consumeType ? consumeType.name() : String.valueOf(type);
        return ConsumeType.CONSUME_PASSIVELY.name().equals(name);
    }
}
