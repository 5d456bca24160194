package org.cometmq.client.impl.consumer;

import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.cometmq.client.consumer.DefaultLitePullConsumer;
import org.cometmq.client.consumer.PullResult;
import org.cometmq.client.consumer.PullStatus;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches one queue of a lite pull consumer, one pull per run, re-scheduling itself until cancelled: pauses and
 * flow control delay it; found messages go to the consumer's poll cache.
 */
class LitePullTask implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(LitePullTask.class);
    private static final long PULL_TIME_DELAY_MILLS_WHEN_PAUSE = 1000;
    private static final long PULL_TIME_DELAY_MILLS_WHEN_FLOW_CONTROL = 50;
    private static final long FLOW_CONTROL_LOG_EVERY = 1000;

    private final LitePullParts parts;
    private final DefaultLitePullConsumer config;
    private final MessageQueue messageQueue;
    private volatile boolean cancelled = false;
    private volatile ScheduledFuture<?> future;
    private long flowControlTimes = 0;

    LitePullTask(LitePullParts parts, MessageQueue messageQueue) {
        this.parts = parts;
        this.config = parts.settings();
        this.messageQueue = messageQueue;
    }

    @Override
    public void run() {
        if (cancelled) {
            return;
        }
        AssignedMessageQueue assigned = parts.assigned();
        if (assigned.isPaused(messageQueue)) {
            scheduleNext(PULL_TIME_DELAY_MILLS_WHEN_PAUSE);
            return;
        }
        ProcessQueue pq = assigned.getProcessQueue(messageQueue);
        if (pq == null || pq.isDropped()) {
            LOG.info("pull task of {} ends: the queue is no longer assigned", messageQueue);
            return;
        }
        if (isFlowControlled(pq)) {
            scheduleNext(PULL_TIME_DELAY_MILLS_WHEN_FLOW_CONTROL);
            return;
        }
        long delay = 0;
        try {
            pullOnce(pq);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Throwable e) {
            delay = config.getPullTimeDelayMillsWhenException();
            LOG.warn("pull of {} for group {} failed: {}; retried in {} ms", messageQueue, config.getConsumerGroup(),
                e.toString(), delay);
        }
        scheduleNext(delay);
    }

    private void pullOnce(ProcessQueue pq) throws Exception {
        Object queueLock = parts.locks().fetchLockObject(messageQueue);
        long seekOffset;
        // seek() cancels this task and sets the new offset under the same lock: a cancelled task must not take
        // the seek meant for its successor, nor deliver or record what it pulled.
        synchronized (queueLock) {
            if (cancelled) {
                return;
            }
            seekOffset = parts.puller().takeSeekOffset(messageQueue);
        }
        long offset = seekOffset != -1 ? seekOffset : parts.puller().nextPullOffset(messageQueue);
        SubscriptionData sd = parts.puller().subscriptionOf(messageQueue.getTopic());
        PullResult result = parts.puller().pullSync(messageQueue, sd, offset, config.getPullBatchSize());
        AssignedMessageQueue assigned = parts.assigned();
        synchronized (queueLock) {
            if (cancelled || pq.isDropped() || assigned.getSeekOffset(messageQueue) != -1) {
                return;
            }
            List<MessageExt> msgs = result.getMsgFoundList();
            if (result.getPullStatus() == PullStatus.FOUND && msgs != null && !msgs.isEmpty()) {
                pq.putMessage(msgs);
                parts.cache().offer(new DefaultLitePullConsumerImpl.ConsumeRequest(msgs, messageQueue, pq));
            }
            assigned.updatePullOffset(messageQueue, result.getNextBeginOffset(), pq);
        }
        if (result.getPullStatus() == PullStatus.OFFSET_ILLEGAL) {
            LOG.warn("group {}: offset {} of {} is illegal; continuing at {}", config.getConsumerGroup(), offset,
                messageQueue, result.getNextBeginOffset());
        }
    }

    private boolean isFlowControlled(ProcessQueue pq) {
        String reason = null;
        long cachedBatches = parts.cache().size();
        if (cachedBatches * config.getPullBatchSize() > config.getPullThresholdForAll()) {
            reason = "about " + cachedBatches * config.getPullBatchSize() + " messages wait for poll (> "
                + config.getPullThresholdForAll() + ")";
        } else if (pq.getMsgCount().get() > config.getPullThresholdForQueue()) {
            reason = pq.getMsgCount().get() + " messages cached > pullThresholdForQueue";
        } else if (pq.getMsgSize().get() / (1024 * 1024) > config.getPullThresholdSizeForQueue()) {
            reason = pq.getMsgSize().get() / (1024 * 1024) + " MiB cached > pullThresholdSizeForQueue";
        } else if (pq.getMaxSpan() > config.getConsumeMaxSpan()) {
            reason = "offset span " + pq.getMaxSpan() + " > consumeMaxSpan";
        }
        if (reason != null && flowControlTimes++ % FLOW_CONTROL_LOG_EVERY == 0) {
            LOG.warn("group {}: fetching {} paused by flow control: {} (poll more often)", config.getConsumerGroup(),
                messageQueue, reason);
        }
        return reason != null;
    }

    void scheduleNext(long delayMillis) {
        if (!cancelled && parts.running().getAsBoolean()) {
            future = parts.executor().get().schedule(this, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops the task; a pull in flight is interrupted. */
    void cancel() {
        cancelled = true;
        ScheduledFuture<?> f = future;
        if (f != null) {
            f.cancel(true);
        }
    }

    MessageQueue getMessageQueue() {
        return messageQueue;
    }
}
