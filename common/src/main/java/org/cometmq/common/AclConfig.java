package org.cometmq.common;

import java.util.List;

/** The whole plain ACL as the broker reports it: global white address patterns and the accounts. */
public class AclConfig {
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

    @Override
    public String toString() {
        return "AclConfig{globalWhiteAddrs=" + globalWhiteAddrs + ", plainAccessConfigs=" + plainAccessConfigs + '}';
    }
}
