package org.cometmq.common.protocol.header.namesrv;

import org.cometmq.remoting.CommandCustomHeader;
import org.cometmq.remoting.annotation.CFNotNull;

/** ADD_WRITE_PERM_OF_BROKER (327) answer: how many topics got read/write permission. */
public class AddWritePermOfBrokerResponseHeader implements CommandCustomHeader {
    @CFNotNull
    private Integer addTopicCount;

    public Integer getAddTopicCount() {
        return addTopicCount;
    }

    public void setAddTopicCount(Integer addTopicCount) {
        this.addTopicCount = addTopicCount;
    }

    @Override
    public String toString() {
        return "AddWritePermOfBrokerResponseHeader[addTopicCount=" + addTopicCount + "]";
    }
}
