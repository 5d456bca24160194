package org.cometmq.client.impl.consumer;

import java.util.function.Supplier;
import org.cometmq.client.consumer.MessageQueueListener;
import org.cometmq.client.consumer.store.OffsetStore;
import org.cometmq.common.message.MessageQueue;

/** Rebalance of the legacy pull consumer: it only reports allocations to the application's listener. */
public class RebalancePullImpl extends RebalanceActivePullImpl {

    public RebalancePullImpl(Supplier<OffsetStore> offsetStore, Supplier<MessageQueueListener> queueListener) {
        super(offsetStore, queueListener);
    }

    /** The application chooses offsets itself; the table only records ownership. */
    @Override
    public long computePullFromWhereWithException(MessageQueue mq) {
        return 0;
    }
}
