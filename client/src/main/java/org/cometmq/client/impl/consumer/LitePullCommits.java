package org.cometmq.client.impl.consumer;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.cometmq.common.message.MessageQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Commits of chosen queues or of given offsets for a lite pull consumer (the commit variants beside commitAll). */
public final class LitePullCommits {
    private static final Logger LOG = LoggerFactory.getLogger(LitePullCommits.class);

    private final DefaultLitePullConsumerImpl consumer;

    public LitePullCommits(DefaultLitePullConsumerImpl consumer) {
        this.consumer = consumer;
    }

    /** Commits what was polled from each of {@code mqs}; with {@code persist}, writes them to the broker now. */
    public void commit(Set<MessageQueue> mqs, boolean persist) {
        consumer.checkServiceState();
        if (mqs == null || mqs.isEmpty()) {
            return;
        }
        AssignedMessageQueue assigned = consumer.getAssignedMessageQueue();
        Set<MessageQueue> committed = new HashSet<>();
        for (MessageQueue mq : mqs) {
            long consumerOffset = assigned.getConsumerOffset(mq);
            ProcessQueue pq = assigned.getProcessQueue(mq);
            if (consumerOffset == -1) {
                LOG.error("consumerOffset is -1 in messageQueue [{}]: nothing polled from it to commit", mq);
            } else if (pq != null && !pq.isDropped()) {
                consumer.getOffsetStore().updateOffset(mq, consumerOffset, false);
                committed.add(mq);
            }
        }
        if (persist && !committed.isEmpty()) {
            consumer.getOffsetStore().persistAll(committed);
        }
    }

    /** Sets the committed offset of each queue to the given value; with {@code persist}, writes them now. */
    public void commit(Map<MessageQueue, Long> offsets, boolean persist) {
        consumer.checkServiceState();
        if (offsets == null || offsets.isEmpty()) {
            return;
        }
        offsets.forEach((mq, offset) -> consumer.getOffsetStore().updateOffset(mq, offset, false));
        if (persist) {
            consumer.getOffsetStore().persistAll(new HashSet<>(offsets.keySet()));
        }
    }

    /** The queues this consumer currently fetches from. */
    public Set<MessageQueue> assignment() {
        return new HashSet<>(consumer.getAssignedMessageQueue().messageQueues());
    }
}
