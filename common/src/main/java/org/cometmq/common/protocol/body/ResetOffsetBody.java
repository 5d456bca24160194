package org.cometmq.common.protocol.body;

import java.util.HashMap;
import java.util.Map;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.remoting.protocol.RemotingSerializable;

/**
 * New offsets per queue (RESET_CONSUMER_CLIENT_OFFSET request, INVOKE_BROKER_TO_RESET_OFFSET response).
 * The map is keyed by queue objects and travels as {@code {{"brokerName":..,"queueId":..,"topic":..}:5}}.
 */
public class ResetOffsetBody extends RemotingSerializable {
    private Map<MessageQueue, Long> offsetTable = new HashMap<>();

    public Map<MessageQueue, Long> getOffsetTable() {
        return offsetTable;
    }

    public void setOffsetTable(Map<MessageQueue, Long> offsetTable) {
        this.offsetTable = offsetTable;
    }
}
