package org.cometmq.client.consumer.rebalance;

import java.util.List;
import org.cometmq.common.message.MessageQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Argument checks shared by the allocation strategies. */
final class AllocationInputs {
    private static final Logger LOG = LoggerFactory.getLogger(AllocationInputs.class);

    private AllocationInputs() {
    }

    /**
     * Throws on empty inputs; returns false (and logs) when the current client is not in the id list, in which
     * case the strategy allocates nothing: the consumer's heartbeat has not reached the broker yet.
     */
    static boolean currentClientTakesPart(String consumerGroup, String currentCID, List<MessageQueue> mqAll,
        List<String> cidAll) {
        if (currentCID == null || currentCID.isEmpty()) {
            throw new IllegalArgumentException("currentCID is empty: the consumer has no client id yet");
        }
        if (mqAll == null || mqAll.isEmpty()) {
            throw new IllegalArgumentException("mqAll is null or empty: the topic has no readable queues");
        }
        if (cidAll == null || cidAll.isEmpty()) {
            throw new IllegalArgumentException("cidAll is null or empty: no consumer of group " + consumerGroup
                + " is known to the broker");
        }
        if (!cidAll.contains(currentCID)) {
            LOG.info("consumer {} of group {} is not in the broker's consumer id list {} yet; it takes no queue",
                currentCID, consumerGroup, cidAll);
            return false;
        }
        return true;
    }
}
