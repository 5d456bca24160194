package org.cometmq.common.protocol.header.namesrv;

import org.cometmq.remoting.CommandCustomHeader;
import org.cometmq.remoting.annotation.CFNotNull;

/** The four fields that name one broker to the name server (UNREGISTER_BROKER, QUERY_DATA_VERSION). */
public abstract class BrokerIdentityRequestHeader implements CommandCustomHeader {
    @CFNotNull
    private String brokerName;
    @CFNotNull
    private String brokerAddr;
    @CFNotNull
    private String clusterName;
    @CFNotNull
    private Long brokerId;

    public String getBrokerName() {
        return brokerName;
    }

    public void setBrokerName(String brokerName) {
        this.brokerName = brokerName;
    }

    public String getBrokerAddr() {
        return brokerAddr;
    }

    public void setBrokerAddr(String brokerAddr) {
        this.brokerAddr = brokerAddr;
    }

    public String getClusterName() {
        return clusterName;
    }

    public void setClusterName(String clusterName) {
        this.clusterName = clusterName;
    }

    public Long getBrokerId() {
        return brokerId;
    }

    public void setBrokerId(Long brokerId) {
        this.brokerId = brokerId;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[brokerName=" + brokerName + ", brokerAddr=" + brokerAddr
            + ", clusterName=" + clusterName + ", brokerId=" + brokerId + "]";
    }
}
