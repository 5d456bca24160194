package org.cometmq.common.protocol.body;

import java.util.List;
import org.cometmq.remoting.protocol.RemotingSerializable;

/** GET_CONSUMER_LIST_BY_GROUP response: the client ids connected for a consumer group. */
public class GetConsumerListByGroupResponseBody extends RemotingSerializable {
    private List<String> consumerIdList;

    public List<String> getConsumerIdList() {
        return consumerIdList;
    }

    public void setConsumerIdList(List<String> consumerIdList) {
        this.consumerIdList = consumerIdList;
    }
}
