package org.cometmq.client.consumer.store;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.remoting.protocol.RemotingSerializable;

/**
 * The local offset file's content: {@code {"offsetTable":{{"brokerName":"b","queueId":0,"topic":"T"}:5}}},
 * object keys as the RocketMQ 4.x client writes them, so a migrated application keeps its broadcast offsets.
 */
public class OffsetSerializeWrapper extends RemotingSerializable {
    private ConcurrentMap<MessageQueue, AtomicLong> offsetTable = new ConcurrentHashMap<>();

    public ConcurrentMap<MessageQueue, AtomicLong> getOffsetTable() {
        return offsetTable;
    }

    public void setOffsetTable(ConcurrentMap<MessageQueue, AtomicLong> offsetTable) {
        this.offsetTable = offsetTable;
    }
}
