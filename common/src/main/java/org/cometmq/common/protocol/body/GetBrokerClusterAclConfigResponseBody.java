package org.cometmq.common.protocol.body;

import java.util.List;
import org.cometmq.common.PlainAccessConfig;
import org.cometmq.remoting.protocol.RemotingSerializable;

/** GET_BROKER_CLUSTER_ACL_CONFIG (54) response body. CometMQ brokers leave every {@code secretKey} out. */
public class GetBrokerClusterAclConfigResponseBody extends RemotingSerializable {
    private List<String> globalWhiteAddrs;
    private List<PlainAccessConfig> plainAccessConfigs;

    public List<String> getGlobalWhiteAddrs() {
        return globalWhiteAddrs;
    }

    public void setGlobalWhiteAddrs(List<String> globalWhiteAddrs) {
        this.globalWhiteAddrs = globalWhiteAddrs;
    }

    public List<PlainAccessConfig> getPlainAccessConfigs() {
        return plainAccessConfigs;
    }

    public void setPlainAccessConfigs(List<PlainAccessConfig> plainAccessConfigs) {
        this.plainAccessConfigs = plainAccessConfigs;
    }
}
