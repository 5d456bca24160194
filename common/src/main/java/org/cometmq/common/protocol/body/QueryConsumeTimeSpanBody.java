package org.cometmq.common.protocol.body;

import java.util.ArrayList;
import java.util.List;
import org.cometmq.remoting.protocol.RemotingSerializable;

/** QUERY_CONSUME_TIME_SPAN body: one {@link QueueTimeSpan} per queue. */
public class QueryConsumeTimeSpanBody extends RemotingSerializable {
    private List<QueueTimeSpan> consumeTimeSpanSet = new ArrayList<>();

    public List<QueueTimeSpan> getConsumeTimeSpanSet() {
        return consumeTimeSpanSet;
    }

    public void setConsumeTimeSpanSet(List<QueueTimeSpan> consumeTimeSpanSet) {
        this.consumeTimeSpanSet = consumeTimeSpanSet;
    }
}
