package org.cometmq.client.impl.consumer;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.cometmq.client.consumer.DefaultLitePullConsumer;

/**
 * What the fetch tasks of a lite pull consumer work with: its settings, the puller, the assigned queues and their
 * locks, the cache poll reads from, the pull executor (made at start) and whether the consumer runs.
 */
record LitePullParts(DefaultLitePullConsumer settings, LitePuller puller, AssignedMessageQueue assigned,
    MessageQueueLock locks, BlockingQueue<DefaultLitePullConsumerImpl.ConsumeRequest> cache,
    Supplier<ScheduledExecutorService> executor, BooleanSupplier running) {
}
