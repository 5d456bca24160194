package org.cometmq.common.protocol.body;

import java.util.Map;
import org.cometmq.common.DataVersion;
import org.cometmq.remoting.protocol.RemotingSerializable;

/** One broker's ACL file versions, as the admin API assembles them from a GET_BROKER_CLUSTER_ACL_INFO answer. */
public class ClusterAclVersionInfo extends RemotingSerializable {
    private String brokerName;
    private String brokerAddr;
    private DataVersion aclConfigDataVersion;
    private Map<String, DataVersion> allAclConfigDataVersion;
    private String clusterName;

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

    public DataVersion getAclConfigDataVersion() {
        return aclConfigDataVersion;
    }

    public void setAclConfigDataVersion(DataVersion aclConfigDataVersion) {
        this.aclConfigDataVersion = aclConfigDataVersion;
    }

    public Map<String, DataVersion> getAllAclConfigDataVersion() {
        return allAclConfigDataVersion;
    }

    public void setAllAclConfigDataVersion(Map<String, DataVersion> allAclConfigDataVersion) {
        this.allAclConfigDataVersion = allAclConfigDataVersion;
    }

    public String getClusterName() {
        return clusterName;
    }

    public void setClusterName(String clusterName) {
        this.clusterName = clusterName;
    }
}
