package org.cometmq.dashboard.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cometmq.common.MixAll;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.admin.TopicOffset;
import org.cometmq.common.admin.TopicStatsTable;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.route.TopicRouteData;
import org.cometmq.dashboard.http.BadRequestException;
import org.cometmq.tools.admin.MQAdminExt;

/** Topics: list, create and change on every master, route, per-queue offsets, delete (brokers and name servers). */
public final class TopicAdmin {
    private final MQAdminExt admin;
    private final ClusterView cluster;

    public TopicAdmin(MQAdminExt admin, ClusterView cluster) {
        this.admin = admin;
        this.cluster = cluster;
    }

    /** Every topic the name servers know, sorted, with what kind it is. */
    public List<Map<String, Object>> list() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String topic : new TreeSet<>(admin.fetchAllTopicList().getTopicList())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("topic", topic);
            row.put("kind", kindOf(topic));
            rows.add(row);
        }
        return rows;
    }

    static String kindOf(String topic) {
        if (topic.startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX)) {
            return "RETRY";
        }
        if (topic.startsWith(MixAll.DLQ_GROUP_TOPIC_PREFIX)) {
            return "DLQ";
        }
        if (topic.startsWith("rmq_sys_") || topic.startsWith("RMQ_SYS_") || topic.equals("TBW102")
            || topic.equals("SELF_TEST_TOPIC") || topic.equals("OFFSET_MOVED_EVENT") || topic.equals("BenchmarkTest")
            || topic.equals("SCHEDULE_TOPIC_XXXX")) {
            return "SYSTEM";
        }
        return "NORMAL";
    }

    /** Creates or changes the topic on every master of the cluster (all clusters when none is named). */
    public List<String> createOrUpdate(String topic, int readQueues, int writeQueues, int perm, String clusterName)
        throws Exception {
        if (readQueues <= 0 || writeQueues <= 0) {
            throw new BadRequestException("queue counts must be positive");
        }
        if ((perm & ~6) != 0 || perm == 0) {
            throw new BadRequestException("perm must be 2 (read), 4 (write) or 6 (read and write), not " + perm);
        }
        List<String> masters = cluster.masterAddresses(clusterName);
        if (masters.isEmpty()) {
            throw new BadRequestException(clusterName == null ? "no master broker is registered"
                : "cluster " + clusterName + " has no master broker");
        }
        for (String addr : masters) {
            admin.createAndUpdateTopicConfig(addr, new TopicConfig(topic, readQueues, writeQueues, perm));
        }
        return masters;
    }

    public TopicRouteData route(String topic) throws Exception {
        return admin.examineTopicRouteInfo(topic);
    }

    /** Per-queue min and max offsets and last update time, ordered by broker and queue id. */
    public List<Map<String, Object>> queueOffsets(String topic) throws Exception {
        TopicStatsTable stats = admin.examineTopicStats(topic);
        List<Map.Entry<MessageQueue, TopicOffset>> entries = new ArrayList<>(stats.getOffsetTable().entrySet());
        entries.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map.Entry<MessageQueue, TopicOffset> entry : entries) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("brokerName", entry.getKey().getBrokerName());
            row.put("queueId", entry.getKey().getQueueId());
            row.put("minOffset", entry.getValue().getMinOffset());
            row.put("maxOffset", entry.getValue().getMaxOffset());
            row.put("lastUpdateTimestamp", entry.getValue().getLastUpdateTimestamp());
            rows.add(row);
        }
        return rows;
    }

    /** Deletes the topic from the masters of each cluster that serves it, then from the name servers. */
    public Set<String> delete(String topic) throws Exception {
        Set<String> clusters = admin.getTopicClusterList(topic);
        for (String clusterName : clusters) {
            Set<String> masters = new TreeSet<>(cluster.masterAddresses(clusterName));
            admin.deleteTopicInBroker(masters, topic);
            admin.deleteTopicInNameServer(new TreeSet<>(admin.getNameServerAddressList()), clusterName, topic);
        }
        return clusters;
    }
}
