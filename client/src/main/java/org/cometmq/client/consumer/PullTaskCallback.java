package org.cometmq.client.consumer;

import org.cometmq.common.message.MessageQueue;

/** The work {@link MQPullConsumerScheduleService} repeats for each queue it owns of one topic. */
public interface PullTaskCallback {
    /**
     * Pulls (and processes) from {@code mq} with {@code context.getPullConsumer()}; sets
     * {@code context.setPullNextDelayTimeMillis} to choose when the next call comes (default 200 ms).
     */
    void doPullTask(MessageQueue mq, PullTaskContext context);
}
