package org.cometmq.common.admin;

import java.util.HashMap;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.remoting.protocol.RemotingSerializable;

/**
 * A group's progress on one broker (GET_CONSUME_STATS): per queue an {@link OffsetWrapper}, plus the group's pull TPS.
 * The map is written with JSON-object keys ({@code {{"brokerName":..}:{..}}}), which the Java client needs.
 */
public class ConsumeStats extends RemotingSerializable {
    private HashMap<MessageQueue, OffsetWrapper> offsetTable = new HashMap<>();
    private double consumeTps = 0;

    /** Messages not yet consumed: the sum over queues of broker offset minus consumer offset. */
    public long computeTotalDiff() {
        long diff = 0;
        for (OffsetWrapper wrapper : offsetTable.values()) {
            diff += wrapper.getBrokerOffset() - wrapper.getConsumerOffset();
        }
        return diff;
    }

    public HashMap<MessageQueue, OffsetWrapper> getOffsetTable() {
        return offsetTable;
    }

    public void setOffsetTable(HashMap<MessageQueue, OffsetWrapper> offsetTable) {
        this.offsetTable = offsetTable;
    }

    public double getConsumeTps() {
        return consumeTps;
    }

    public void setConsumeTps(double consumeTps) {
        this.consumeTps = consumeTps;
    }
}
