package org.cometmq.common.protocol.body;

import java.util.HashSet;
import java.util.Set;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.remoting.protocol.RemotingSerializable;

/** The queues one client of a consumer group locks or unlocks (LOCK_BATCH_MQ, UNLOCK_BATCH_MQ bodies). */
public abstract class QueueBatchRequestBody extends RemotingSerializable {
    private String consumerGroup;
    private String clientId;
    private Set<MessageQueue> mqSet = new HashSet<>();

    public String getConsumerGroup() {
        return consumerGroup;
    }

    public void setConsumerGroup(String consumerGroup) {
        this.consumerGroup = consumerGroup;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public Set<MessageQueue> getMqSet() {
        return mqSet;
    }

    public void setMqSet(Set<MessageQueue> mqSet) {
        this.mqSet = mqSet;
    }
}
