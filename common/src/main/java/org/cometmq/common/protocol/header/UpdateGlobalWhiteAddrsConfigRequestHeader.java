package org.cometmq.common.protocol.header;

import org.cometmq.remoting.CommandCustomHeader;
import org.cometmq.remoting.annotation.CFNotNull;
import org.cometmq.remoting.annotation.CFNullable;

/** UPDATE_GLOBAL_WHITE_ADDRS_CONFIG (53) request: comma-separated patterns and the ACL file to write (null = default). */
public class UpdateGlobalWhiteAddrsConfigRequestHeader implements CommandCustomHeader {
    @CFNotNull
    private String globalWhiteAddrs;
    @CFNullable
    private String aclFileFullPath;

    public String getGlobalWhiteAddrs() {
        return globalWhiteAddrs;
    }

    public void setGlobalWhiteAddrs(String globalWhiteAddrs) {
        this.globalWhiteAddrs = globalWhiteAddrs;
    }

    public String getAclFileFullPath() {
        return aclFileFullPath;
    }

    public void setAclFileFullPath(String aclFileFullPath) {
        this.aclFileFullPath = aclFileFullPath;
    }
}
