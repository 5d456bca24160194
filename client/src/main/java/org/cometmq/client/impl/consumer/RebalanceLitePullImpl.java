package org.cometmq.client.impl.consumer;

import java.util.function.Supplier;
import org.cometmq.client.consumer.DefaultLitePullConsumer;
import org.cometmq.client.consumer.store.OffsetStore;
import org.cometmq.client.consumer.store.ReadOffsetType;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.common.message.MessageQueue;

/** Rebalance of a lite pull consumer in subscribe mode: owned queues are handed to its pull tasks. */
public class RebalanceLitePullImpl extends RebalanceActivePullImpl {
    private final DefaultLitePullConsumer settings;

    public RebalanceLitePullImpl(DefaultLitePullConsumer settings, Supplier<OffsetStore> offsetStore) {
        super(offsetStore, settings::getMessageQueueListener);
        this.settings = settings;
    }

    @Override
    public long computePullFromWhereWithException(MessageQueue mq) throws MQClientException {
        return StartOffsetResolver.resolve(mq, settings.getConsumeFromWhere(), settings.getConsumeTimestamp(),
            offsetStore(), ReadOffsetType.MEMORY_FIRST_THEN_STORE, clientInstance.getMQAdminImpl());
    }
}
