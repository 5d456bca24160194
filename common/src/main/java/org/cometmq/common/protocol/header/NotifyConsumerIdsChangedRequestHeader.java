package org.cometmq.common.protocol.header;

import org.cometmq.remoting.CommandCustomHeader;
import org.cometmq.remoting.annotation.CFNotNull;

/** NOTIFY_CONSUMER_IDS_CHANGED (40) request, broker to consumer, oneway. */
public class NotifyConsumerIdsChangedRequestHeader implements CommandCustomHeader {
    @CFNotNull
    private String consumerGroup;

    public String getConsumerGroup() {
        return consumerGroup;
    }

    public void setConsumerGroup(String consumerGroup) {
        this.consumerGroup = consumerGroup;
    }
}
