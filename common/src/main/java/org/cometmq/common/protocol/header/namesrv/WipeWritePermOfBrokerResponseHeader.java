package org.cometmq.common.protocol.header.namesrv;

import org.cometmq.remoting.CommandCustomHeader;
import org.cometmq.remoting.annotation.CFNotNull;

/** WIPE_WRITE_PERM_OF_BROKER (205) answer: how many topics lost write permission. */
public class WipeWritePermOfBrokerResponseHeader implements CommandCustomHeader {
    @CFNotNull
    private Integer wipeTopicCount;

    public Integer getWipeTopicCount() {
        return wipeTopicCount;
    }

    public void setWipeTopicCount(Integer wipeTopicCount) {
        this.wipeTopicCount = wipeTopicCount;
    }

    @Override
    public String toString() {
        return "WipeWritePermOfBrokerResponseHeader[wipeTopicCount=" + wipeTopicCount + "]";
    }
}
