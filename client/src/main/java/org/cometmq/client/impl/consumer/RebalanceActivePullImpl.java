package org.cometmq.client.impl.consumer;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.cometmq.client.consumer.MessageQueueListener;
import org.cometmq.client.consumer.store.OffsetStore;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.heartbeat.ConsumeType;

/**
 * Rebalance of the consumers that pull actively (the legacy pull consumer and the lite pull consumer): allocations
 * go to the application's queue listener, a queue given away has its offset persisted and forgotten, and no pull
 * requests are dispatched. The offset store and listener are read when needed: both are set at start.
 */
abstract class RebalanceActivePullImpl extends RebalanceImpl {
    private final Supplier<OffsetStore> offsetStore;
    private final Supplier<MessageQueueListener> queueListener;

    RebalanceActivePullImpl(Supplier<OffsetStore> offsetStore, Supplier<MessageQueueListener> queueListener) {
        super(null, null, null, null);
        this.offsetStore = offsetStore;
        this.queueListener = queueListener;
    }

    @Override
    public void messageQueueChanged(String topic, Set<MessageQueue> mqAll, Set<MessageQueue> mqDivided) {
        MessageQueueListener listener = queueListener.get();
        if (listener != null) {
            listener.messageQueueChanged(topic, mqAll, mqDivided);
        }
    }

    @Override
    public boolean removeUnnecessaryMessageQueue(MessageQueue mq, ProcessQueue pq) {
        offsetStore.get().persist(mq);
        offsetStore.get().removeOffset(mq);
        return true;
    }

    @Override
    public ConsumeType consumeType() {
        return ConsumeType.CONSUME_ACTIVELY;
    }

    @Override
    public void removeDirtyOffset(MessageQueue mq) {
        offsetStore.get().removeOffset(mq);
    }

    /** Active pullers fetch by themselves (lite pull tasks start from the queue listener), not by pull requests. */
    @Override
    public void dispatchPullRequest(List<PullRequest> pullRequestList) {
    }

    protected OffsetStore offsetStore() {
        return offsetStore.get();
    }
}
