package org.cometmq.client.impl.consumer;

import java.util.List;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.body.ConsumeMessageDirectlyResult;

/** Runs a push consumer's listener over pulled messages and commits what was consumed. */
public interface ConsumeMessageService {

    void start();

    /** Stops taking work; waits up to {@code awaitTerminateMillis} for running listeners. */
    void shutdown(long awaitTerminateMillis);

    void updateCorePoolSize(int corePoolSize);

    void incCorePoolSize();

    void decCorePoolSize();

    int getCorePoolSize();

    /** CONSUME_MESSAGE_DIRECTLY: runs the listener on one message and reports the outcome. */
    ConsumeMessageDirectlyResult consumeMessageDirectly(MessageExt msg, String brokerName);

    /**
     * Hands freshly pulled messages (already in {@code processQueue}) to the listener.
     *
     * @param dispatchToConsume orderly only: whether no consume task of the queue is running yet
     */
    void submitConsumeRequest(List<MessageExt> msgs, ProcessQueue processQueue, MessageQueue messageQueue,
        boolean dispatchToConsume);
}
