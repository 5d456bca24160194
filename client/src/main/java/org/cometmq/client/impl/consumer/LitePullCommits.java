package org.cometmq.client.impl.consumer;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.cometmq.client.consumer.store.OffsetStore;
import org.cometmq.common.message.MessageQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Commits of chosen queues or of given offsets for a lite pull consumer (the commit variants beside commitAll). */
public final class LitePullCommits {
    private static final Logger LOG = LoggerFactory.getLogger(LitePullCommits.class);

    private final Runnable runningCheck;
    private final AssignedMessageQueue assigned;
    private final Supplier<OffsetStore> offsetStore;

    /**
     * @param runningCheck throws when the consumer does not run, as every commit first checks
     * @param assigned     the consumer's queues and what was polled from them
     * @param offsetStore  the offset store, made when the consumer starts
     */
    LitePullCommits(Runnable runningCheck, AssignedMessageQueue assigned, Supplier<OffsetStore> offsetStore) {
        this.runningCheck = runningCheck;
        this.assigned = assigned;
        this.offsetStore = offsetStore;
    }

    /** Commits what was polled from each of {@code mqs}; with {@code persist}, writes them to the broker now. */
    public void commit(Set<MessageQueue> mqs, boolean persist) {
        runningCheck.run();
        if (mqs == null || mqs.isEmpty()) {
            return;
        }
        Set<MessageQueue> committed = new HashSet<>();
        for (MessageQueue mq : mqs) {
            long consumerOffset = assigned.getConsumerOffset(mq);
            ProcessQueue pq = assigned.getProcessQueue(mq);
            if (consumerOffset == -1) {
                LOG.error("consumerOffset is -1 in messageQueue [{}]: nothing polled from it to commit", mq);
            } else if (pq != null && !pq.isDropped()) {
                offsetStore.get().updateOffset(mq, consumerOffset, false);
                committed.add(mq);
            }
        }
        if (persist && !committed.isEmpty()) {
            offsetStore.get().persistAll(committed);
        }
    }

    /** Sets the committed offset of each queue to the given value; with {@code persist}, writes them now. */
    public void commit(Map<MessageQueue, Long> offsets, boolean persist) {
        runningCheck.run();
        if (offsets == null || offsets.isEmpty()) {
            return;
        }
        offsets.forEach((mq, offset) -> offsetStore.get().updateOffset(mq, offset, false));
        if (persist) {
            offsetStore.get().persistAll(new HashSet<>(offsets.keySet()));
        }
    }

    /** The queues this consumer currently fetches from. */
    public Set<MessageQueue> assignment() {
        return new HashSet<>(assigned.messageQueues());
    }
}
