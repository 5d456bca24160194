package org.cometmq.common.protocol.header;

import org.cometmq.remoting.CommandCustomHeader;
import org.cometmq.remoting.annotation.CFNotNull;

/** GET_BROKER_CONSUME_STATS (317) request. */
public class GetConsumeStatsInBrokerHeader implements CommandCustomHeader {
    @CFNotNull
    private boolean isOrder;

    public boolean isOrder() {
        return isOrder;
    }

    public void setIsOrder(boolean isOrder) {
        this.isOrder = isOrder;
    }
}
