package org.cometmq.client.impl.consumer;

import java.util.List;
import java.util.Set;
import org.cometmq.client.consumer.MessageQueueListener;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.heartbeat.ConsumeType;

/** Rebalance of the legacy pull consumer: it only reports allocations to the application's listener. */
public class RebalancePullImpl extends RebalanceImpl {
    private final DefaultMQPullConsumerImpl defaultMQPullConsumerImpl;

    public RebalancePullImpl(DefaultMQPullConsumerImpl defaultMQPullConsumerImpl) {
        super(null, null, null, null);
        this.defaultMQPullConsumerImpl = defaultMQPullConsumerImpl;
    }

    @Override
    public void messageQueueChanged(String topic, Set<MessageQueue> mqAll, Set<MessageQueue> mqDivided) {
        MessageQueueListener listener = defaultMQPullConsumerImpl.getDefaultMQPullConsumer().getMessageQueueListener();
        if (listener != null) {
            listener.messageQueueChanged(topic, mqAll, mqDivided);
        }
    }

    @Override
    public boolean removeUnnecessaryMessageQueue(MessageQueue mq, ProcessQueue pq) {
        defaultMQPullConsumerImpl.getOffsetStore().persist(mq);
        defaultMQPullConsumerImpl.getOffsetStore().removeOffset(mq);
        return true;
    }

    @Override
    public ConsumeType consumeType() {
        return ConsumeType.CONSUME_ACTIVELY;
    }

    @Override
    public void removeDirtyOffset(MessageQueue mq) {
        defaultMQPullConsumerImpl.getOffsetStore().removeOffset(mq);
    }

    /** The application chooses offsets itself; the table only records ownership. */
    @Override
    public long computePullFromWhereWithException(MessageQueue mq) {
        return 0;
    }

    @Override
    public void dispatchPullRequest(List<PullRequest> pullRequestList) {
    }
}
