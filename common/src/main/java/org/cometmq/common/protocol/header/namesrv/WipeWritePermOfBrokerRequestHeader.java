package org.cometmq.common.protocol.header.namesrv;

import org.cometmq.remoting.CommandCustomHeader;
import org.cometmq.remoting.annotation.CFNotNull;

/** WIPE_WRITE_PERM_OF_BROKER (205). */
public class WipeWritePermOfBrokerRequestHeader implements CommandCustomHeader {
    @CFNotNull
    private String brokerName;

    public String getBrokerName() {
        return brokerName;
    }

    public void setBrokerName(String brokerName) {
        this.brokerName = brokerName;
    }

    @Override
    public String toString() {
        return "WipeWritePermOfBrokerRequestHeader[brokerName=" + brokerName + "]";
    }
}
