package org.cometmq.broker.stats;

import java.util.HashMap;
import java.util.List;
import org.cometmq.broker.util.BrokerExecutors;
import org.cometmq.broker.util.BrokerThreadPoolExecutor;
import org.cometmq.common.BrokerConfig;
import org.cometmq.common.MQVersion;
import org.cometmq.common.protocol.body.KVTable;
import org.cometmq.store.MessageStore;

/**
 * GET_BROKER_RUNTIME_INFO (spec 5.17): the store's own keys plus the broker's totals, executor queues and version.
 * Keys mqadmin parses as numbers are always present and numeric.
 */
public class BrokerRuntimeInfo {
    private static final List<String> TPS_KEYS = List.of("putTps", "getFoundTps", "getMissTps", "getTotalTps",
        "getTransferedTps");
    private static final List<String> NUMERIC_KEYS = List.of("pageCacheLockTimeMills", "earliestMessageTimeStamp",
        "commitLogDiskRatio", "dispatchBehindBytes");

    private final BrokerConfig brokerConfig;
    private final MessageStore store;
    private final BrokerStatsManager stats;
    private final BrokerStatsSampler sampler;
    private final BrokerExecutors executors;
    private volatile ReplicationRuntimeInfo replicationInfo;

    public BrokerRuntimeInfo(BrokerConfig brokerConfig, MessageStore store, BrokerStatsManager stats,
                             BrokerStatsSampler sampler, BrokerExecutors executors) {
        this.brokerConfig = brokerConfig;
        this.store = store;
        this.stats = stats;
        this.sampler = sampler;
        this.executors = executors;
    }

    /** Adds the master/slave keys to every answer. */
    public void setReplicationInfo(ReplicationRuntimeInfo replicationInfo) {
        this.replicationInfo = replicationInfo;
    }

    public KVTable build() {
        HashMap<String, String> table = new HashMap<>();
        HashMap<String, String> storeInfo = store.getRuntimeInfo();
        if (storeInfo != null) {
            table.putAll(storeInfo);
        }
        table.put("brokerVersionDesc", MQVersion.getVersionDesc(MQVersion.CURRENT_VERSION));
        table.put("brokerVersion", String.valueOf(MQVersion.CURRENT_VERSION));
        table.put("msgPutTotalYesterdayMorning", String.valueOf(sampler.getPutTotalYesterdayMorning()));
        table.put("msgPutTotalTodayMorning", String.valueOf(sampler.getPutTotalTodayMorning()));
        table.put("msgPutTotalTodayNow", String.valueOf(stats.getBrokerPutNumsTotal()));
        table.put("msgGetTotalYesterdayMorning", String.valueOf(sampler.getGetTotalYesterdayMorning()));
        table.put("msgGetTotalTodayMorning", String.valueOf(sampler.getGetTotalTodayMorning()));
        table.put("msgGetTotalTodayNow", String.valueOf(stats.getBrokerGetNumsTotal()));
        putExecutor(table, "sendThreadPool", executors.send());
        putExecutor(table, "pullThreadPool", executors.pull());
        putExecutor(table, "queryThreadPool", executors.query());
        table.put("EndTransactionQueueSize", String.valueOf(executors.endTransaction().getQueue().size()));
        table.put("EndTransactionThreadPoolQueueCapacity", String.valueOf(executors.endTransaction().getQueueCapacity()));
        table.put("dispatchBehindBytes", String.valueOf(store.dispatchBehindBytes()));
        table.put("pageCacheLockTimeMills", String.valueOf(store.lockTimeMills()));
        table.put("earliestMessageTimeStamp", String.valueOf(store.getEarliestMessageTime()));
        table.put("startAcceptSendRequestTimeStamp", String.valueOf(brokerConfig.getStartAcceptSendRequestTimeStamp()));
        ReplicationRuntimeInfo replication = replicationInfo;
        if (replication != null) {
            replication.fill(table);
        }
        fillMissing(table);
        KVTable kv = new KVTable();
        kv.setTable(table);
        return kv;
    }

    private static void putExecutor(HashMap<String, String> table, String prefix, BrokerThreadPoolExecutor executor) {
        table.put(prefix + "QueueSize", String.valueOf(executor.getQueue().size()));
        table.put(prefix + "QueueCapacity", String.valueOf(executor.getQueueCapacity()));
        table.put(prefix + "QueueHeadWaitTimeMills", String.valueOf(executor.headWaitTimeMillis()));
    }

    /** Replaces absent or non-numeric values of keys tools parse as numbers with the broker's own figures. */
    private void fillMissing(HashMap<String, String> table) {
        for (String key : TPS_KEYS) {
            if (!firstTokenNumeric(table.get(key))) {
                table.put(key, key.equals("putTps") ? stats.tpsTriple(BrokerStatsManager.BROKER_PUT_NUMS)
                    : stats.tpsTriple(BrokerStatsManager.BROKER_GET_NUMS));
            }
        }
        for (String key : NUMERIC_KEYS) {
            if (!firstTokenNumeric(table.get(key))) {
                table.put(key, "0");
            }
        }
    }

    static boolean firstTokenNumeric(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        try {
            Double.parseDouble(value.trim().split("\\s+")[0]);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
