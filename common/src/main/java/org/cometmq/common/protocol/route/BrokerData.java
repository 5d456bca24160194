package org.cometmq.common.protocol.route;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.cometmq.common.MixAll;

/** One broker name (a master and its slaves) of a cluster: broker id (0 = master) to {@code ip:port}. */
public class BrokerData implements Comparable<BrokerData> {
    private String cluster;
    private String brokerName;
    private HashMap<Long, String> brokerAddrs;

    public BrokerData() {
    }

    public BrokerData(String cluster, String brokerName, HashMap<Long, String> brokerAddrs) {
        this.cluster = cluster;
        this.brokerName = brokerName;
        this.brokerAddrs = brokerAddrs;
    }

    /** A copy with its own address map, safe to serialize while the original changes. */
    public BrokerData(BrokerData other) {
        this(other.cluster, other.brokerName,
            other.brokerAddrs == null ? null : new HashMap<>(other.brokerAddrs));
    }

    /** The master's address, or a random slave's when there is no master. */
    public String selectBrokerAddr() {
        String addr = brokerAddrs.get(MixAll.MASTER_ID);
        if (addr == null) {
            List<String> addrs = new ArrayList<>(brokerAddrs.values());
            return addrs.isEmpty() ? null : addrs.get(ThreadLocalRandom.current().nextInt(addrs.size()));
        }
        return addr;
    }

    public String getCluster() {
        return cluster;
    }

    public void setCluster(String cluster) {
        this.cluster = cluster;
    }

    public String getBrokerName() {
        return brokerName;
    }

    public void setBrokerName(String brokerName) {
        this.brokerName = brokerName;
    }

    public HashMap<Long, String> getBrokerAddrs() {
        return brokerAddrs;
    }

    public void setBrokerAddrs(HashMap<Long, String> brokerAddrs) {
        this.brokerAddrs = brokerAddrs;
    }

    @Override
    public int compareTo(BrokerData o) {
        return this.brokerName.compareTo(o.getBrokerName());
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof BrokerData)) {
            return false;
        }
        BrokerData that = (BrokerData) o;
        return Objects.equals(cluster, that.cluster) && Objects.equals(brokerName, that.brokerName)
            && Objects.equals(brokerAddrs, that.brokerAddrs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cluster, brokerName, brokerAddrs);
    }

    @Override
    public String toString() {
        return "BrokerData [brokerName=" + brokerName + ", brokerAddrs=" + brokerAddrs + "]";
    }
}
