package org.cometmq.common.rpc;

import org.cometmq.remoting.CommandCustomHeader;
import org.cometmq.remoting.annotation.CFNullable;

/**
 * Base of request headers that may name their target broker: the optional extFields key {@code bname}
 * (set by the 4.9.7 client on pull, offset, send, send-back and transaction requests; a server may ignore it).
 */
public abstract class RpcRequestHeader implements CommandCustomHeader {
    @CFNullable
    protected String bname;

    public String getBname() {
        return bname;
    }

    public void setBname(String bname) {
        this.bname = bname;
    }
}
