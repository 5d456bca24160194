package org.cometmq.common.protocol.body;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.cometmq.remoting.protocol.RemotingSerializable;

/**
 * Committed consumer offsets: {@code "topic@group"} to queue id to offset. The consumerOffset.json file and the
 * GET_ALL_CONSUMER_OFFSET body; queue ids are written as unquoted numeric keys, as Java peers do.
 */
public class ConsumerOffsetSerializeWrapper extends RemotingSerializable {
    private ConcurrentMap<String, ConcurrentMap<Integer, Long>> offsetTable = new ConcurrentHashMap<>(512);

    public ConcurrentMap<String, ConcurrentMap<Integer, Long>> getOffsetTable() {
        return offsetTable;
    }

    public void setOffsetTable(ConcurrentMap<String, ConcurrentMap<Integer, Long>> offsetTable) {
        this.offsetTable = offsetTable;
    }
}
