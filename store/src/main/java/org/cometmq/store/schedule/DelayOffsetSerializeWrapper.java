package org.cometmq.store.schedule;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.cometmq.remoting.protocol.RemotingSerializable;

/** {@code config/delayOffset.json}: delay level to the SCHEDULE_TOPIC_XXXX queue offset already delivered. */
public class DelayOffsetSerializeWrapper extends RemotingSerializable {

    private ConcurrentMap<Integer, Long> offsetTable = new ConcurrentHashMap<>(32);

    public ConcurrentMap<Integer, Long> getOffsetTable() {
        return offsetTable;
    }

    public void setOffsetTable(ConcurrentMap<Integer, Long> offsetTable) {
        this.offsetTable = offsetTable;
    }
}
