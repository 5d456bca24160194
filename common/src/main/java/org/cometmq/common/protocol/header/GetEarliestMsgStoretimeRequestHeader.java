package org.cometmq.common.protocol.header;

import org.cometmq.common.rpc.RpcRequestHeader;
import org.cometmq.remoting.annotation.CFNotNull;

/** GET_EARLIEST_MSG_STORETIME (32) request. */
public class GetEarliestMsgStoretimeRequestHeader extends RpcRequestHeader {
    @CFNotNull
    private String topic;
    @CFNotNull
    private Integer queueId;

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public Integer getQueueId() {
        return queueId;
    }

    public void setQueueId(Integer queueId) {
        this.queueId = queueId;
    }
}
