package org.cometmq.common.protocol.header;

import org.cometmq.remoting.CommandCustomHeader;
import org.cometmq.remoting.annotation.CFNotNull;

/** DELETE_ACL_CONFIG (51) request. */
public class DeleteAccessConfigRequestHeader implements CommandCustomHeader {
    @CFNotNull
    private String accessKey;

    public String getAccessKey() {
        return accessKey;
    }

    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }
}
