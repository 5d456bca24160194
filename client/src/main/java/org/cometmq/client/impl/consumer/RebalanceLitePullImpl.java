package org.cometmq.client.impl.consumer;

import java.util.List;
import java.util.Set;
import org.cometmq.client.consumer.DefaultLitePullConsumer;
import org.cometmq.client.consumer.MessageQueueListener;
import org.cometmq.client.consumer.store.ReadOffsetType;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.heartbeat.ConsumeType;

/** Rebalance of a lite pull consumer in subscribe mode: owned queues are handed to its pull tasks. */
public class RebalanceLitePullImpl extends RebalanceImpl {
    private final DefaultLitePullConsumerImpl litePullConsumerImpl;

    public RebalanceLitePullImpl(DefaultLitePullConsumerImpl litePullConsumerImpl) {
        super(null, null, null, null);
        this.litePullConsumerImpl = litePullConsumerImpl;
    }

    @Override
    public void messageQueueChanged(String topic, Set<MessageQueue> mqAll, Set<MessageQueue> mqDivided) {
        MessageQueueListener listener = litePullConsumerImpl.getDefaultLitePullConsumer().getMessageQueueListener();
        if (listener != null) {
            listener.messageQueueChanged(topic, mqAll, mqDivided);
        }
    }

    @Override
    public boolean removeUnnecessaryMessageQueue(MessageQueue mq, ProcessQueue pq) {
        litePullConsumerImpl.getOffsetStore().persist(mq);
        litePullConsumerImpl.getOffsetStore().removeOffset(mq);
        return true;
    }

    @Override
    public ConsumeType consumeType() {
        return ConsumeType.CONSUME_ACTIVELY;
    }

    @Override
    public void removeDirtyOffset(MessageQueue mq) {
        litePullConsumerImpl.getOffsetStore().removeOffset(mq);
    }

    @Override
    public long computePullFromWhereWithException(MessageQueue mq) throws MQClientException {
        DefaultLitePullConsumer config = litePullConsumerImpl.getDefaultLitePullConsumer();
        return StartOffsetResolver.resolve(mq, config.getConsumeFromWhere(), config.getConsumeTimestamp(),
            litePullConsumerImpl.getOffsetStore(), ReadOffsetType.MEMORY_FIRST_THEN_STORE,
            mQClientFactory.getMQAdminImpl());
    }

    /** Lite pull tasks are started by the queue listener, not by pull requests. */
    @Override
    public void dispatchPullRequest(List<PullRequest> pullRequestList) {
    }
}
