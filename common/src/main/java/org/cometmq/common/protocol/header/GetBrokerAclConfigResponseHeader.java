package org.cometmq.common.protocol.header;

import org.cometmq.remoting.CommandCustomHeader;
import org.cometmq.remoting.annotation.CFNotNull;

/**
 * GET_BROKER_CLUSTER_ACL_INFO (52) response: {@code version} is the DataVersion JSON of the default ACL file,
 * {@code allAclFileVersion} a JSON object from file path to DataVersion.
 */
public class GetBrokerAclConfigResponseHeader implements CommandCustomHeader {
    @CFNotNull
    private String version;
    private String allAclFileVersion;
    @CFNotNull
    private String brokerName;
    @CFNotNull
    private String brokerAddr;
    @CFNotNull
    private String clusterName;

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public String getAllAclFileVersion() {
        return allAclFileVersion;
    }

    public void setAllAclFileVersion(String allAclFileVersion) {
        this.allAclFileVersion = allAclFileVersion;
    }

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
}
