package org.cometmq.common.protocol.body;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import org.cometmq.common.protocol.route.BrokerData;
import org.cometmq.common.protocol.route.StandardJson;
import org.cometmq.remoting.protocol.RemotingSerializable;

/**
 * Every broker the name server knows ({@code brokerAddrTable}: broker name to {@link BrokerData}) and every
 * cluster's broker names ({@code clusterAddrTable}). Encoded with quoted map keys, which fastjson 1.x peers
 * read back into {@code Map<Long, String>}.
 */
public class ClusterInfo extends RemotingSerializable {
    private HashMap<String, BrokerData> brokerAddrTable;
    private HashMap<String, Set<String>> clusterAddrTable;

    /** All addresses (masters and slaves) of the brokers in {@code cluster}; empty when it is unknown. */
    public String[] retrieveAllAddrByCluster(String cluster) {
        Set<String> addrs = new HashSet<>();
        Set<String> brokerNames = clusterAddrTable == null ? null : clusterAddrTable.get(cluster);
        if (brokerNames != null && brokerAddrTable != null) {
            for (String brokerName : brokerNames) {
                BrokerData brokerData = brokerAddrTable.get(brokerName);
                if (brokerData != null && brokerData.getBrokerAddrs() != null) {
                    addrs.addAll(brokerData.getBrokerAddrs().values());
                }
            }
        }
        return addrs.toArray(new String[0]);
    }

    public String[] retrieveAllClusterNames() {
        return clusterAddrTable == null ? new String[0] : clusterAddrTable.keySet().toArray(new String[0]);
    }

    @Override
    public byte[] encode() {
        return StandardJson.encode(this);
    }

    @Override
    public String toJson(boolean prettyFormat) {
        return prettyFormat ? RemotingSerializable.toJson(this, true) : StandardJson.toJson(this);
    }

    public HashMap<String, BrokerData> getBrokerAddrTable() {
        return brokerAddrTable;
    }

    public void setBrokerAddrTable(HashMap<String, BrokerData> brokerAddrTable) {
        this.brokerAddrTable = brokerAddrTable;
    }

    public HashMap<String, Set<String>> getClusterAddrTable() {
        return clusterAddrTable;
    }

    public void setClusterAddrTable(HashMap<String, Set<String>> clusterAddrTable) {
        this.clusterAddrTable = clusterAddrTable;
    }
}
