package org.cometmq.dashboard.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cometmq.common.MQVersion;
import org.cometmq.common.protocol.body.ClusterInfo;
import org.cometmq.common.protocol.body.KVTable;
import org.cometmq.common.protocol.route.BrokerData;
import org.cometmq.tools.admin.MQAdminExt;

/**
 * The cluster as the overview page shows it: every broker with its role, version, throughput and disk use, read
 * from the name server's cluster table and each broker's runtime info.
 */
public final class ClusterView {
    private final MQAdminExt admin;

    public ClusterView(MQAdminExt admin) {
        this.admin = admin;
    }

    /** One row per broker address, ordered by cluster, broker name and id. */
    public List<Map<String, Object>> brokers() throws Exception {
        ClusterInfo info = admin.examineBrokerClusterInfo();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BrokerData broker : new TreeMap<>(info.getBrokerAddrTable()).values()) {
            for (Map.Entry<Long, String> node : new TreeMap<>(broker.getBrokerAddrs()).entrySet()) {
                rows.add(row(broker, node.getKey(), node.getValue()));
            }
        }
        return rows;
    }

    /** Addresses of the masters (broker id 0), optionally of one cluster only. */
    public List<String> masterAddresses(String cluster) throws Exception {
        ClusterInfo info = admin.examineBrokerClusterInfo();
        List<String> masters = new ArrayList<>();
        for (BrokerData broker : new TreeMap<>(info.getBrokerAddrTable()).values()) {
            String master = broker.getBrokerAddrs().get(0L);
            if (master != null && (cluster == null || cluster.equals(broker.getCluster()))) {
                masters.add(master);
            }
        }
        return masters;
    }

    private Map<String, Object> row(BrokerData broker, long brokerId, String addr) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("cluster", broker.getCluster());
        row.put("brokerName", broker.getBrokerName());
        row.put("brokerId", brokerId);
        row.put("addr", addr);
        row.put("role", brokerId == 0 ? "MASTER" : "SLAVE");
        try {
            Map<String, String> stats = runtime(addr);
            row.put("version", stats.getOrDefault("brokerVersionDesc", versionOf(stats.get("brokerVersion"))));
            row.put("putTps", firstNumber(stats.get("putTps")));
            row.put("getTps", firstNumber(stats.get("getTransferedTps")));
            row.put("putToday", longOf(stats.get("msgPutTotalTodayNow")));
            row.put("getToday", longOf(stats.get("msgGetTotalTodayNow")));
            row.put("commitLogDiskRatio", firstNumber(stats.get("commitLogDiskRatio")));
        } catch (Exception e) {
            row.put("error", e.getMessage());
        }
        return row;
    }

    private Map<String, String> runtime(String addr) throws Exception {
        KVTable table = admin.fetchBrokerRuntimeStats(addr);
        return table == null || table.getTable() == null ? Map.of() : table.getTable();
    }

    private static String versionOf(String code) {
        if (code == null) {
            return null;
        }
        try {
            return MQVersion.getVersionDesc(Integer.parseInt(code.trim()));
        } catch (NumberFormatException e) {
            return code;
        }
    }

    /** The runtime info writes rates as "10s 60s 600s" triples; the first is the current one. */
    static Double firstNumber(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(value.trim().split("\\s+")[0]);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long longOf(String value) {
        Double number = firstNumber(value);
        return number == null ? null : number.longValue();
    }
}
