package org.cometmq.common.protocol.body;

import java.util.HashMap;
import java.util.Map;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.remoting.protocol.RemotingSerializable;

/**
 * Consumer offsets per queue: {@code messageQueueTable} from one client (GET_CONSUMER_STATUS_FROM_CLIENT), and
 * {@code consumerTable} clientId -> offsets when the broker collects them (INVOKE_BROKER_TO_GET_CONSUMER_STATUS).
 */
public class GetConsumerStatusBody extends RemotingSerializable {
    private Map<MessageQueue, Long> messageQueueTable = new HashMap<>();
    private Map<String, Map<MessageQueue, Long>> consumerTable = new HashMap<>();

    public Map<MessageQueue, Long> getMessageQueueTable() {
        return messageQueueTable;
    }

    public void setMessageQueueTable(Map<MessageQueue, Long> messageQueueTable) {
        this.messageQueueTable = messageQueueTable;
    }

    public Map<String, Map<MessageQueue, Long>> getConsumerTable() {
        return consumerTable;
    }

    public void setConsumerTable(Map<String, Map<MessageQueue, Long>> consumerTable) {
        this.consumerTable = consumerTable;
    }
}
