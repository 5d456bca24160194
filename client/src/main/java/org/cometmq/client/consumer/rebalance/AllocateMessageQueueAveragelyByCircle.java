package org.cometmq.client.consumer.rebalance;

import java.util.ArrayList;
import java.util.List;
import org.cometmq.client.consumer.AllocateMessageQueueStrategy;
import org.cometmq.common.message.MessageQueue;

/** Deals queues out like cards: consumer i takes queues i, i + c, i + 2c, ... of the sorted list. */
public class AllocateMessageQueueAveragelyByCircle implements AllocateMessageQueueStrategy {

    @Override
    public List<MessageQueue> allocate(String consumerGroup, String currentCID, List<MessageQueue> mqAll,
        List<String> cidAll) {
        List<MessageQueue> result = new ArrayList<>();
        if (!AllocationInputs.currentClientTakesPart(consumerGroup, currentCID, mqAll, cidAll)) {
            return result;
        }
        int index = cidAll.indexOf(currentCID);
        for (int i = index; i < mqAll.size(); i += cidAll.size()) {
            result.add(mqAll.get(i));
        }
        return result;
    }

    @Override
    public String getName() {
        return "AVG_BY_CIRCLE";
    }
}
