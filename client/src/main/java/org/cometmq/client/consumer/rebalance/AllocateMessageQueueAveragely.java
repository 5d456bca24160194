package org.cometmq.client.consumer.rebalance;

import java.util.ArrayList;
import java.util.List;
import org.cometmq.client.consumer.AllocateMessageQueueStrategy;
import org.cometmq.common.message.MessageQueue;

/**
 * Gives each consumer one consecutive block of queues; the first {@code queues % consumers} consumers get one
 * queue more. The default strategy.
 */
public class AllocateMessageQueueAveragely implements AllocateMessageQueueStrategy {

    @Override
    public List<MessageQueue> allocate(String consumerGroup, String currentCID, List<MessageQueue> mqAll,
        List<String> cidAll) {
        List<MessageQueue> result = new ArrayList<>();
        if (!AllocationInputs.currentClientTakesPart(consumerGroup, currentCID, mqAll, cidAll)) {
            return result;
        }
        int index = cidAll.indexOf(currentCID);
        int queues = mqAll.size();
        int consumers = cidAll.size();
        int mod = queues % consumers;
        int blockSize;
        if (queues <= consumers) {
            blockSize = 1;
        } else {
            blockSize = queues / consumers + (index < mod ? 1 : 0);
        }
        int start = index < mod ? index * blockSize : index * blockSize + mod;
        int count = Math.min(blockSize, queues - start);
        for (int i = 0; i < count; i++) {
            result.add(mqAll.get(start + i));
        }
        return result;
    }

    @Override
    public String getName() {
        return "AVG";
    }
}
