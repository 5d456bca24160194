package org.cometmq.tools.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cometmq.common.MixAll;
import org.cometmq.common.protocol.body.ClusterInfo;
import org.cometmq.common.protocol.route.BrokerData;
import org.cometmq.tools.admin.MQAdminExt;

/**
 * Cluster lookups the sub-commands share, all from one GET_BROKER_CLUSTER_INFO. Results are sorted so output is
 * stable. An unknown cluster or broker is an error naming what exists, not an empty result.
 */
public final class CommandUtil {
    private CommandUtil() {
    }

    /** Master addresses of the brokers of {@code clusterName}. */
    public static Set<String> fetchMasterAddrByClusterName(MQAdminExt admin, String clusterName) throws Exception {
        Set<String> masters = new TreeSet<>();
        for (BrokerData brokerData : brokersOf(admin.examineBrokerClusterInfo(), clusterName)) {
            String master = brokerData.getBrokerAddrs().get(MixAll.MASTER_ID);
            if (master != null) {
                masters.add(master);
            }
        }
        return masters;
    }

    /** Every address (masters and slaves) of the brokers of {@code clusterName}. */
    public static Set<String> fetchMasterAndSlaveAddrByClusterName(MQAdminExt admin, String clusterName)
        throws Exception {
        Set<String> addrs = new TreeSet<>();
        for (BrokerData brokerData : brokersOf(admin.examineBrokerClusterInfo(), clusterName)) {
            addrs.addAll(brokerData.getBrokerAddrs().values());
        }
        return addrs;
    }

    /** Master address to its slaves' addresses, for the brokers of {@code clusterName}. */
    public static Map<String, List<String>> fetchMasterAndSlaveDistinguish(MQAdminExt admin, String clusterName)
        throws Exception {
        Map<String, List<String>> masterToSlaves = new TreeMap<>();
        for (BrokerData brokerData : brokersOf(admin.examineBrokerClusterInfo(), clusterName)) {
            String master = brokerData.getBrokerAddrs().get(MixAll.MASTER_ID);
            if (master == null) {
                continue;
            }
            List<String> slaves = new ArrayList<>();
            new TreeMap<>(brokerData.getBrokerAddrs()).forEach((id, addr) -> {
                if (id != MixAll.MASTER_ID) {
                    slaves.add(addr);
                }
            });
            masterToSlaves.put(master, slaves);
        }
        return masterToSlaves;
    }

    /** Broker names of {@code clusterName}. */
    public static Set<String> fetchBrokerNameByClusterName(MQAdminExt admin, String clusterName) throws Exception {
        Set<String> names = new TreeSet<>();
        for (BrokerData brokerData : brokersOf(admin.examineBrokerClusterInfo(), clusterName)) {
            names.add(brokerData.getBrokerName());
        }
        return names;
    }

    /** The name of the broker listening on {@code addr}. */
    public static String fetchBrokerNameByAddr(MQAdminExt admin, String addr) throws Exception {
        ClusterInfo clusterInfo = admin.examineBrokerClusterInfo();
        if (clusterInfo.getBrokerAddrTable() != null) {
            for (BrokerData brokerData : clusterInfo.getBrokerAddrTable().values()) {
                if (brokerData.getBrokerAddrs() != null && brokerData.getBrokerAddrs().containsValue(addr)) {
                    return brokerData.getBrokerName();
                }
            }
        }
        throw new SubCommandException("no broker with address " + addr + " is registered with the name server"
            + " (try mqadmin clusterList)");
    }

    private static List<BrokerData> brokersOf(ClusterInfo clusterInfo, String clusterName)
        throws SubCommandException {
        Map<String, Set<String>> clusters = clusterInfo.getClusterAddrTable();
        Set<String> brokerNames = clusters == null ? null : clusters.get(clusterName);
        if (brokerNames == null) {
            String known = clusters == null || clusters.isEmpty() ? "none" : String.join(", ",
                new TreeSet<>(clusters.keySet()));
            throw new SubCommandException("cluster '" + clusterName + "' is not known to the name server (known: "
                + known + "; try mqadmin clusterList)");
        }
        List<BrokerData> brokers = new ArrayList<>();
        for (String brokerName : new TreeSet<>(brokerNames)) {
            BrokerData brokerData = clusterInfo.getBrokerAddrTable().get(brokerName);
            if (brokerData != null && brokerData.getBrokerAddrs() != null) {
                brokers.add(brokerData);
            }
        }
        return brokers;
    }
}
