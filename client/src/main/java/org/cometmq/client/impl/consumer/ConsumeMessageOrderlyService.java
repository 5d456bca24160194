package org.cometmq.client.impl.consumer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.cometmq.client.consumer.listener.ConsumeOrderlyContext;
import org.cometmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.cometmq.client.consumer.listener.MessageListenerOrderly;
import org.cometmq.common.message.MessageAccessor;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.body.CMResult;
import org.cometmq.common.protocol.body.ConsumeMessageDirectlyResult;
import org.cometmq.common.protocol.heartbeat.MessageModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orderly consumption: each queue is consumed by one task at a time, batch after batch in offset order, and
 * in clustering mode only while this client holds the queue's broker lock (renewed every 20 s). A suspended
 * batch is consumed again after suspendCurrentQueueTimeMillis; past maxReconsumeTimes it is sent back (to the
 * dead letter queue) so the queue can move on.
 */
public class ConsumeMessageOrderlyService extends AbstractConsumeMessageService {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumeMessageOrderlyService.class);
    /** A task yields its thread after consuming one queue this long, so other queues get their turn. */
    private static final long MAX_TIME_CONSUME_CONTINUOUSLY =
        Long.parseLong(System.getProperty("rocketmq.client.maxTimeConsumeContinuously", "60000"));
    private static final long RETRY_LOCK_SOON_MILLIS = 10;
    private static final long RETRY_LOCK_LATER_MILLIS = 3000;
    private static final long WAIT_FOR_LOCK_MILLIS = 100;

    private final MessageListenerOrderly messageListener;
    private final MessageQueueLock messageQueueLock = new MessageQueueLock();
    private volatile boolean stopped = false;

    public ConsumeMessageOrderlyService(ConsumeServiceParts parts,
        MessageListenerOrderly messageListener) {
        super(parts);
        this.messageListener = messageListener;
    }

    @Override
    public void start() {
        if (isClustering()) {
            scheduledExecutorService.scheduleAtFixedRate(() -> {
                try {
                    parts.rebalance().lockAll();
                } catch (RuntimeException e) {
                    LOG.warn("group {}: periodic queue lock renewal failed", consumerGroup, e);
                }
            }, 1000, ProcessQueue.REBALANCE_LOCK_INTERVAL, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void shutdown(long awaitTerminateMillis) {
        stopped = true;
        shutdownExecutors(awaitTerminateMillis);
        if (isClustering()) {
            parts.rebalance().unlockAll(false);
        }
    }

    private boolean isClustering() {
        return defaultMQPushConsumer.getMessageModel() == MessageModel.CLUSTERING;
    }

    @Override
    public void submitConsumeRequest(List<MessageExt> msgs, ProcessQueue processQueue, MessageQueue messageQueue,
        boolean dispatchToConsume) {
        if (dispatchToConsume) {
            try {
                consumeExecutor.submit(new ConsumeRequest(processQueue, messageQueue));
            } catch (RejectedExecutionException e) {
                LOG.debug("group {}: {} not consumed, the consumer is shutting down", consumerGroup, messageQueue);
            }
        }
    }

    private void submitConsumeRequestLater(ProcessQueue processQueue, MessageQueue messageQueue, long delayMillis) {
        long delay = delayMillis == -1 ? defaultMQPushConsumer.getSuspendCurrentQueueTimeMillis() : delayMillis;
        delay = Math.max(10, Math.min(30_000, delay));
        schedule(() -> submitConsumeRequest(null, processQueue, messageQueue, true), delay);
    }

    /** Re-takes the broker lock of a queue, then resumes consuming it (soon if granted, later if not). */
    private void tryLockLaterAndReconsume(MessageQueue mq, ProcessQueue processQueue, long delayMillis) {
        schedule(() -> {
            boolean locked = parts.rebalance().lock(mq);
            submitConsumeRequestLater(processQueue, mq, locked ? RETRY_LOCK_SOON_MILLIS : RETRY_LOCK_LATER_MILLIS);
        }, delayMillis);
    }

    /** The orderly limit: -1 means no limit (a queue waits for its head message forever). */
    int getMaxReconsumeTimes() {
        int configured = defaultMQPushConsumer.getMaxReconsumeTimes();
        return configured == -1 ? Integer.MAX_VALUE : configured;
    }

    /**
     * Applies a batch's status.
     *
     * @return whether the task may go on with the queue's next batch
     */
    boolean processConsumeResult(List<MessageExt> msgs, ConsumeOrderlyStatus status, ConsumeOrderlyContext context,
        ProcessQueue processQueue, MessageQueue mq) {
        boolean continueConsume = true;
        long commitOffset = -1L;
        switch (status) {
            case SUCCESS:
                commitOffset = context.isAutoCommit() ? processQueue.commit() : -1L;
                break;
            case COMMIT:
                commitOffset = processQueue.commit();
                break;
            case ROLLBACK:
                if (context.isAutoCommit()) {
                    LOG.warn("group {}: ROLLBACK is only meaningful without auto-commit; treated as SUCCESS",
                        consumerGroup);
                    commitOffset = processQueue.commit();
                } else {
                    processQueue.rollback();
                    submitConsumeRequestLater(processQueue, mq, context.getSuspendCurrentQueueTimeMillis());
                    continueConsume = false;
                }
                break;
            default:
                if (checkReconsumeTimes(msgs)) {
                    processQueue.makeMessageToConsumeAgain(msgs);
                    submitConsumeRequestLater(processQueue, mq, context.getSuspendCurrentQueueTimeMillis());
                    continueConsume = false;
                } else {
                    commitOffset = processQueue.commit();
                }
                break;
        }
        if (commitOffset >= 0 && !processQueue.isDropped()) {
            parts.offsetStore().updateOffset(mq, commitOffset, false);
        }
        return continueConsume;
    }

    /**
     * Counts a failed attempt on each message; those past the limit are sent back instead of retried here.
     *
     * @return true when the batch must be consumed again (some message stays)
     */
    private boolean checkReconsumeTimes(List<MessageExt> msgs) {
        boolean suspend = false;
        for (MessageExt msg : msgs) {
            if (msg.getReconsumeTimes() >= getMaxReconsumeTimes()) {
                MessageAccessor.setReconsumeTime(msg, String.valueOf(msg.getReconsumeTimes()));
                if (!sendMessageBack(msg)) {
                    suspend = true;
                    msg.setReconsumeTimes(msg.getReconsumeTimes() + 1);
                }
            } else {
                suspend = true;
                msg.setReconsumeTimes(msg.getReconsumeTimes() + 1);
            }
        }
        return suspend;
    }

    private boolean sendMessageBack(MessageExt msg) {
        try {
            parts.innerProducer()
                .send(ConsumerSendBack.retryCopy(msg, consumerGroup, msg.getReconsumeTimes(), getMaxReconsumeTimes()));
            LOG.warn("group {}: {} failed {} times in order; sent back past maxReconsumeTimes", consumerGroup,
                msg.getMsgId(), msg.getReconsumeTimes());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("group {}: {} could not be sent back: {}; consumed again here", consumerGroup, msg.getMsgId(),
                e.toString());
        }
        return false;
    }

    @Override
    public ConsumeMessageDirectlyResult consumeMessageDirectly(MessageExt msg, String brokerName) {
        ConsumeMessageDirectlyResult result = new ConsumeMessageDirectlyResult();
        result.setOrder(true);
        MessageQueue mq = new MessageQueue(msg.getTopic(), brokerName, msg.getQueueId());
        ConsumeOrderlyContext context = new ConsumeOrderlyContext(mq);
        List<MessageExt> msgs = new ArrayList<>(List.of(msg));
        ConsumerSendBack.resetRetryAndNamespace(msgs, consumerGroup, defaultMQPushConsumer.getNamespace());
        long begin = clock.millis();
        try {
            ConsumeOrderlyStatus status = messageListener.consumeMessage(msgs, context);
            result.setConsumeResult(status == null ? CMResult.CR_RETURN_NULL : switch (status) {
                case COMMIT -> CMResult.CR_COMMIT;
                case ROLLBACK -> CMResult.CR_ROLLBACK;
                case SUCCESS -> CMResult.CR_SUCCESS;
                default -> CMResult.CR_LATER;
            });
        } catch (Throwable e) {
            result.setConsumeResult(CMResult.CR_THROW_EXCEPTION);
            result.setRemark(e.toString());
        }
        result.setAutoCommit(context.isAutoCommit());
        result.setSpentTimeMills(clock.millis() - begin);
        return result;
    }

    /** Consumes one queue, batch after batch, while it holds the queue's lock. */
    final class ConsumeRequest implements Runnable {
        private final ProcessQueue processQueue;
        private final MessageQueue messageQueue;

        ConsumeRequest(ProcessQueue processQueue, MessageQueue messageQueue) {
            this.processQueue = processQueue;
            this.messageQueue = messageQueue;
        }

        @Override
        public void run() {
            if (processQueue.isDropped()) {
                return;
            }
            synchronized (messageQueueLock.fetchLockObject(messageQueue)) {
                if (isClustering() && (!processQueue.isLocked() || processQueue.isLockExpired())) {
                    if (!processQueue.isDropped()) {
                        tryLockLaterAndReconsume(messageQueue, processQueue, WAIT_FOR_LOCK_MILLIS);
                    }
                    return;
                }
                consumeWhileAllowed();
            }
        }

        private void consumeWhileAllowed() {
            long begin = clock.millis();
            boolean continueConsume = true;
            while (continueConsume && !stopped) {
                if (processQueue.isDropped()) {
                    return;
                }
                if (isClustering() && (!processQueue.isLocked() || processQueue.isLockExpired())) {
                    tryLockLaterAndReconsume(messageQueue, processQueue, RETRY_LOCK_SOON_MILLIS);
                    return;
                }
                if (clock.millis() - begin > MAX_TIME_CONSUME_CONTINUOUSLY) {
                    submitConsumeRequestLater(processQueue, messageQueue, RETRY_LOCK_SOON_MILLIS);
                    return;
                }
                List<MessageExt> msgs = processQueue.takeMessages(
                    Math.max(1, defaultMQPushConsumer.getConsumeMessageBatchMaxSize()));
                if (msgs.isEmpty()) {
                    return;
                }
                ConsumerSendBack.resetRetryAndNamespace(msgs, consumerGroup, defaultMQPushConsumer.getNamespace());
                ConsumeOrderlyContext context = new ConsumeOrderlyContext(messageQueue);
                long start = clock.millis();
                ConsumeOrderlyStatus status = consumeBatch(msgs, context);
                if (status == null) {
                    return;
                }
                parts.stats().recordConsume(messageQueue.getTopic(),
                    clock.millis() - start, status == ConsumeOrderlyStatus.SUCCESS ? msgs.size() : 0,
                    msgs.size());
                continueConsume = processConsumeResult(msgs, status, context, processQueue, messageQueue);
            }
        }

        /** Runs the listener under the queue's consume lock; null when the queue was dropped meanwhile. */
        private ConsumeOrderlyStatus consumeBatch(List<MessageExt> msgs, ConsumeOrderlyContext context) {
            ConsumeHookCall hookCall = ConsumeHookCall.begin(parts.hooks(), clock, defaultMQPushConsumer, msgs, messageQueue);
            ConsumeOrderlyStatus returned = null;
            processQueue.getConsumeLock().lock();
            try {
                if (processQueue.isDropped()) {
                    LOG.info("group {}: {} dropped before its batch ran; the new owner consumes it", consumerGroup,
                        messageQueue);
                    return null;
                }
                returned = messageListener.consumeMessage(Collections.unmodifiableList(msgs), context);
                if (returned == null) {
                    LOG.warn("orderly listener of group {} returned no status for {}; suspending the queue",
                        consumerGroup, messageQueue);
                }
            } catch (Throwable e) {
                hookCall.threw();
                LOG.warn("orderly listener of group {} threw on {}; suspending the queue", consumerGroup,
                    messageQueue, e);
            } finally {
                processQueue.getConsumeLock().unlock();
            }
            ConsumeOrderlyStatus status = returned == null ? ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT
                : returned;
            hookCall.end(returned, returned == ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT, status,
                isSuccess(status));
            return status;
        }

        @SuppressWarnings("deprecation")
        private static boolean isSuccess(ConsumeOrderlyStatus status) {
            return status == ConsumeOrderlyStatus.SUCCESS || status == ConsumeOrderlyStatus.COMMIT;
        }
    }
}
