package org.cometmq.client.consumer.rebalance;

import java.util.ArrayList;
import java.util.List;
import org.cometmq.client.consumer.AllocateMessageQueueStrategy;
import org.cometmq.common.message.MessageQueue;

/** Always returns the configured queues, whoever else is in the group. */
public class AllocateMessageQueueByConfig implements AllocateMessageQueueStrategy {
    private List<MessageQueue> messageQueueList = new ArrayList<>();

    @Override
    public List<MessageQueue> allocate(String consumerGroup, String currentCID, List<MessageQueue> mqAll,
        List<String> cidAll) {
        return new ArrayList<>(messageQueueList);
    }

    @Override
    public String getName() {
        return "CONFIG";
    }

    public List<MessageQueue> getMessageQueueList() {
        return messageQueueList;
    }

    public void setMessageQueueList(List<MessageQueue> messageQueueList) {
        this.messageQueueList = messageQueueList == null ? new ArrayList<>() : messageQueueList;
    }
}
