package org.cometmq.client.impl.consumer;

import java.time.Clock;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.cometmq.client.consumer.DefaultMQPushConsumer;
import org.cometmq.remoting.common.NamedThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread pools both consume services share: listener threads ({@code ConsumeMessageThread_<group>_N}) and one
 * timer thread for delayed re-submission.
 */
abstract class AbstractConsumeMessageService implements ConsumeMessageService {
    private static final Logger LOG = LoggerFactory.getLogger(AbstractConsumeMessageService.class);
    private static final int MAX_POOL_SIZE = Short.MAX_VALUE;

    protected final ConsumeServiceParts parts;
    protected final DefaultMQPushConsumer defaultMQPushConsumer;
    protected final String consumerGroup;
    protected final ThreadPoolExecutor consumeExecutor;
    protected final ScheduledExecutorService scheduledExecutorService;
    /** The client's clock: consume timeouts, the orderly time slice and the consume-start stamps read it. */
    protected final Clock clock;

    protected AbstractConsumeMessageService(ConsumeServiceParts parts) {
        this.parts = parts;
        this.defaultMQPushConsumer = parts.consumer();
        this.consumerGroup = defaultMQPushConsumer.getConsumerGroup();
        this.clock = parts.clock();
        BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
        String tag = consumerGroup.length() > 100 ? consumerGroup.substring(0, 100) : consumerGroup;
        this.consumeExecutor = new ThreadPoolExecutor(defaultMQPushConsumer.getConsumeThreadMin(),
            defaultMQPushConsumer.getConsumeThreadMax(), 60_000L, TimeUnit.MILLISECONDS, queue,
            new NamedThreadFactory("ConsumeMessageThread_" + tag, true));
        this.scheduledExecutorService = Executors.newSingleThreadScheduledExecutor(
            new NamedThreadFactory("ConsumeMessageScheduledThread_" + tag, true));
    }

    /** Runs {@code task} after {@code delayMillis} unless the service is stopping. */
    protected void schedule(Runnable task, long delayMillis) {
        try {
            scheduledExecutorService.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("group {}: delayed task dropped, the consumer is shutting down", consumerGroup);
        }
    }

    protected void shutdownExecutors(long awaitTerminateMillis) {
        scheduledExecutorService.shutdown();
        consumeExecutor.shutdown();
        if (awaitTerminateMillis > 0) {
            try {
                if (!consumeExecutor.awaitTermination(awaitTerminateMillis, TimeUnit.MILLISECONDS)) {
                    LOG.warn("group {}: listeners still running after {} ms at shutdown", consumerGroup,
                        awaitTerminateMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void updateCorePoolSize(int corePoolSize) {
        if (corePoolSize > 0 && corePoolSize <= MAX_POOL_SIZE
            && corePoolSize <= defaultMQPushConsumer.getConsumeThreadMax()) {
            consumeExecutor.setCorePoolSize(corePoolSize);
        }
    }

    @Override
    public void incCorePoolSize() {
    }

    @Override
    public void decCorePoolSize() {
    }

    @Override
    public int getCorePoolSize() {
        return consumeExecutor.getCorePoolSize();
    }
}
