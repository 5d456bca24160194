package org.cometmq.client.consumer.rebalance;

import java.util.ArrayList;
import java.util.List;
import org.cometmq.client.consumer.AllocateMessageQueueStrategy;
import org.cometmq.common.consistenthash.ConsistentHashRouter;
import org.cometmq.common.consistenthash.HashFunction;
import org.cometmq.common.consistenthash.Node;
import org.cometmq.common.message.MessageQueue;

/**
 * Places every client on a hash ring ({@code virtualNodeCnt} positions each, key {@code clientId-i}) and gives
 * each queue to the ring owner of {@code MessageQueue.toString()}. When a client joins or leaves, only the
 * queues next to its positions move.
 */
public class AllocateMessageQueueConsistentHash implements AllocateMessageQueueStrategy {
    private final int virtualNodeCnt;
    private final HashFunction customHashFunction;

    public AllocateMessageQueueConsistentHash() {
        this(10);
    }

    public AllocateMessageQueueConsistentHash(int virtualNodeCnt) {
        this(virtualNodeCnt, null);
    }

    /** @param customHashFunction hash of ring keys, {@code null} for the MD5 one other clients use */
    public AllocateMessageQueueConsistentHash(int virtualNodeCnt, HashFunction customHashFunction) {
        if (virtualNodeCnt < 0) {
            throw new IllegalArgumentException("virtualNodeCnt must be >= 0, got " + virtualNodeCnt);
        }
        this.virtualNodeCnt = virtualNodeCnt;
        this.customHashFunction = customHashFunction;
    }

    @Override
    public List<MessageQueue> allocate(String consumerGroup, String currentCID, List<MessageQueue> mqAll,
        List<String> cidAll) {
        List<MessageQueue> result = new ArrayList<>();
        if (!AllocationInputs.currentClientTakesPart(consumerGroup, currentCID, mqAll, cidAll)) {
            return result;
        }
        List<ClientNode> clients = new ArrayList<>(cidAll.size());
        for (String cid : cidAll) {
            clients.add(new ClientNode(cid));
        }
        ConsistentHashRouter<ClientNode> router = customHashFunction == null
            ? new ConsistentHashRouter<>(clients, virtualNodeCnt)
            : new ConsistentHashRouter<>(clients, virtualNodeCnt, customHashFunction);
        for (MessageQueue mq : mqAll) {
            ClientNode owner = router.routeNode(mq.toString());
            if (owner != null && currentCID.equals(owner.getKey())) {
                result.add(mq);
            }
        }
        return result;
    }

    @Override
    public String getName() {
        return "CONSISTENT_HASH";
    }

    /** A consumer on the ring, keyed by its client id. */
    static final class ClientNode implements Node {
        private final String clientId;

        ClientNode(String clientId) {
            this.clientId = clientId;
        }

        @Override
        public String getKey() {
            return clientId;
        }
    }
}
