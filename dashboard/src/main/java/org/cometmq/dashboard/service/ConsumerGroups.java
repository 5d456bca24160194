package org.cometmq.dashboard.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.common.MixAll;
import org.cometmq.common.admin.ConsumeStats;
import org.cometmq.common.admin.OffsetWrapper;
import org.cometmq.common.admin.RollbackStats;
import org.cometmq.common.admin.TopicOffset;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.body.ConsumerConnection;
import org.cometmq.tools.admin.MQAdminExt;

/** Consumer groups: members and client versions, lag per queue, DLQ size, offset reset by time. */
public final class ConsumerGroups {
    private static final long RPC_TIMEOUT_MILLIS = 5_000;

    private final MQAdminExt admin;
    private final ClusterView cluster;

    public ConsumerGroups(MQAdminExt admin, ClusterView cluster) {
        this.admin = admin;
        this.cluster = cluster;
    }

    /** Every subscription group the masters know (system groups included, sorted). */
    public List<String> names() throws Exception {
        TreeSet<String> groups = new TreeSet<>();
        for (String addr : cluster.masterAddresses(null)) {
            groups.addAll(admin.getAllSubscriptionGroup(addr, RPC_TIMEOUT_MILLIS).getSubscriptionGroupTable()
                .keySet());
        }
        return new ArrayList<>(groups);
    }

    /** Lag per queue (max offset minus committed offset), the total, consume TPS, members and DLQ size. */
    public Map<String, Object> detail(String group) throws Exception {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("group", group);
        ConsumeStats stats = consumeStatsOrNull(group);
        List<Map<String, Object>> queues = new ArrayList<>();
        long totalLag = 0;
        if (stats != null) {
            List<Map.Entry<MessageQueue, OffsetWrapper>> entries = new ArrayList<>(stats.getOffsetTable().entrySet());
            entries.sort(Map.Entry.comparingByKey());
            for (Map.Entry<MessageQueue, OffsetWrapper> entry : entries) {
                queues.add(queueRow(entry.getKey(), entry.getValue()));
                totalLag += lag(entry.getValue());
            }
            detail.put("consumeTps", stats.getConsumeTps());
        }
        detail.put("queues", queues);
        detail.put("totalLag", totalLag);
        detail.putAll(members(group));
        detail.put("dlqMessages", dlqCount(group));
        return detail;
    }

    static long lag(OffsetWrapper offsets) {
        return Math.max(0, offsets.getBrokerOffset() - Math.max(0, offsets.getConsumerOffset()));
    }

    private static Map<String, Object> queueRow(MessageQueue mq, OffsetWrapper offsets) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("topic", mq.getTopic());
        row.put("brokerName", mq.getBrokerName());
        row.put("queueId", mq.getQueueId());
        row.put("brokerOffset", offsets.getBrokerOffset());
        row.put("consumerOffset", offsets.getConsumerOffset());
        row.put("lag", lag(offsets));
        row.put("lastTimestamp", offsets.getLastTimestamp());
        return row;
    }

    private ConsumeStats consumeStatsOrNull(String group) throws Exception {
        try {
            return admin.examineConsumeStats(group);
        } catch (MQClientException e) {
            // a group that never committed an offset has no stats yet; the page shows it empty
            return null;
        }
    }

    private Map<String, Object> members(String group) throws Exception {
        Map<String, Object> members = new LinkedHashMap<>();
        List<Map<String, Object>> clients = new ArrayList<>();
        try {
            ConsumerConnection connection = admin.examineConsumerConnectionInfo(group);
            clients.addAll(ClientRows.of(connection.getConnectionSet()));
            members.put("consumeType", String.valueOf(connection.getConsumeType()));
            members.put("messageModel", String.valueOf(connection.getMessageModel()));
            members.put("subscriptions", new TreeSet<>(connection.getSubscriptionTable().keySet()));
            members.put("online", true);
        } catch (MQClientException | MQBrokerException e) {
            if (responseCode(e) != ResponseCode.CONSUMER_NOT_ONLINE) {
                throw e;
            }
            members.put("online", false);
        }
        members.put("clients", clients);
        return members;
    }

    /** The broker's answer code, whichever of the two client exceptions carries it. */
    static int responseCode(Exception e) {
        return e instanceof MQBrokerException broker ? broker.getResponseCode()
            : ((MQClientException) e).getResponseCode();
    }

    private long dlqCount(String group) {
        try {
            long count = 0;
            for (TopicOffset offset : admin.examineTopicStats(MixAll.getDLQTopic(group)).getOffsetTable().values()) {
                count += offset.getMaxOffset() - offset.getMinOffset();
            }
            return count;
        } catch (Exception e) {
            // no DLQ topic: nothing ever went there
            return 0;
        }
    }

    /**
     * Moves the group's offsets of a topic to the first message stored at or after the time. Online groups are
     * told through their clients; offline ones get the offsets written on the brokers, as mqadmin does.
     */
    public Map<String, Long> resetByTime(String group, String topic, long timestamp) throws Exception {
        Map<String, Long> offsets = new LinkedHashMap<>();
        try {
            admin.resetOffsetByTimestamp(topic, group, timestamp, true)
                .forEach((mq, offset) -> offsets.put(mq.getBrokerName() + ":" + mq.getQueueId(), offset));
        } catch (MQClientException | MQBrokerException e) {
            if (responseCode(e) != ResponseCode.CONSUMER_NOT_ONLINE) {
                throw e;
            }
            for (RollbackStats stats : admin.resetOffsetByTimestampOld(group, topic, timestamp, true)) {
                offsets.put(stats.getBrokerName() + ":" + stats.getQueueId(), stats.getRollbackOffset());
            }
        }
        return offsets;
    }
}
