package org.cometmq.client.impl.consumer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.cometmq.client.consumer.listener.ConsumeConcurrentlyContext;
import org.cometmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.cometmq.client.consumer.listener.MessageListenerConcurrently;
import org.cometmq.common.message.MessageAccessor;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.body.CMResult;
import org.cometmq.common.protocol.body.ConsumeMessageDirectlyResult;
import org.cometmq.common.protocol.heartbeat.MessageModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Concurrent consumption: pulled messages are cut into batches of consumeMessageBatchMaxSize and run on the
 * consume threads in any order. After each batch the messages past the listener's ackIndex are sent back for
 * redelivery (clustering) or dropped (broadcasting), and the queue's offset moves to its oldest message still
 * held. Messages stuck in a listener longer than consumeTimeout are sent back too.
 */
public class ConsumeMessageConcurrentlyService extends AbstractConsumeMessageService {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumeMessageConcurrentlyService.class);
    private static final long RESUBMIT_DELAY_MILLIS = 5_000;
    private static final int MAX_EXPIRED_PER_QUEUE_SCAN = 16;
    private static final int EXPIRED_SEND_BACK_DELAY_LEVEL = 3;

    private final MessageListenerConcurrently messageListener;

    public ConsumeMessageConcurrentlyService(ConsumeServiceParts parts,
        MessageListenerConcurrently messageListener) {
        super(parts);
        this.messageListener = messageListener;
    }

    @Override
    public void start() {
        long period = Math.max(1, defaultMQPushConsumer.getConsumeTimeout());
        scheduledExecutorService.scheduleAtFixedRate(this::cleanExpireMsg, period, period, TimeUnit.MINUTES);
    }

    @Override
    public void shutdown(long awaitTerminateMillis) {
        shutdownExecutors(awaitTerminateMillis);
    }

    @Override
    public void submitConsumeRequest(List<MessageExt> msgs, ProcessQueue processQueue, MessageQueue messageQueue,
        boolean dispatchToConsume) {
        int batchSize = Math.max(1, defaultMQPushConsumer.getConsumeMessageBatchMaxSize());
        for (int from = 0; from < msgs.size(); from += batchSize) {
            List<MessageExt> batch = new ArrayList<>(msgs.subList(from, Math.min(from + batchSize, msgs.size())));
            ConsumeRequest request = new ConsumeRequest(batch, processQueue, messageQueue);
            try {
                consumeExecutor.submit(request);
            } catch (RejectedExecutionException e) {
                submitConsumeRequestLater(request);
            }
        }
    }

    private void submitConsumeRequestLater(ConsumeRequest request) {
        schedule(() -> submitConsumeRequest(request.msgs, request.processQueue, request.messageQueue, true),
            RESUBMIT_DELAY_MILLIS);
    }

    /** Runs the listener on one batch; returns its status, RECONSUME_LATER when it threw or returned null. */
    private ConsumeConcurrentlyStatus callListener(List<MessageExt> msgs, ConsumeConcurrentlyContext context,
        MessageQueue mq) {
        String now = String.valueOf(clock.millis());
        for (MessageExt msg : msgs) {
            MessageAccessor.setConsumeStartTimeStamp(msg, now);
        }
        ConsumeHookCall hookCall = ConsumeHookCall.begin(parts.hooks(), clock, defaultMQPushConsumer, msgs, mq);
        ConsumeConcurrentlyStatus returned = null;
        try {
            returned = messageListener.consumeMessage(Collections.unmodifiableList(msgs), context);
        } catch (Throwable e) {
            hookCall.threw();
            LOG.warn("listener of group {} threw on {} message(s) of {}; they will be redelivered", consumerGroup,
                msgs.size(), mq, e);
        }
        ConsumeConcurrentlyStatus status = returned;
        if (status == null) {
            LOG.warn("listener of group {} returned no status for {} message(s) of {}; treated as RECONSUME_LATER",
                consumerGroup, msgs.size(), mq);
            status = ConsumeConcurrentlyStatus.RECONSUME_LATER;
        }
        hookCall.end(returned, returned == ConsumeConcurrentlyStatus.RECONSUME_LATER, status,
            status == ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
        return status;
    }

    /** Sends back or drops the failed part of a batch and commits the queue's new offset. */
    void processConsumeResult(ConsumeConcurrentlyStatus status, ConsumeConcurrentlyContext context,
        ConsumeRequest request) {
        List<MessageExt> msgs = request.msgs;
        if (msgs.isEmpty()) {
            return;
        }
        int ackIndex = context.getAckIndex();
        if (status == ConsumeConcurrentlyStatus.CONSUME_SUCCESS) {
            ackIndex = Math.min(ackIndex, msgs.size() - 1);
        } else {
            ackIndex = -1;
        }
        if (defaultMQPushConsumer.getMessageModel() == MessageModel.BROADCASTING) {
            for (int i = ackIndex + 1; i < msgs.size(); i++) {
                LOG.warn("BROADCASTING group {}: consumption of {} failed; broadcast messages are not retried",
                    consumerGroup, msgs.get(i).getMsgId());
            }
        } else {
            List<MessageExt> retryLocally = new ArrayList<>();
            for (int i = ackIndex + 1; i < msgs.size(); i++) {
                MessageExt msg = msgs.get(i);
                if (!sendMessageBack(msg, context)) {
                    msg.setReconsumeTimes(msg.getReconsumeTimes() + 1);
                    retryLocally.add(msg);
                }
            }
            if (!retryLocally.isEmpty()) {
                msgs.removeAll(retryLocally);
                submitConsumeRequestLater(new ConsumeRequest(retryLocally, request.processQueue,
                    request.messageQueue));
            }
        }
        long offset = request.processQueue.removeMessage(msgs);
        if (offset >= 0 && !request.processQueue.isDropped()) {
            parts.offsetStore().updateOffset(request.messageQueue, offset, true);
        }
    }

    private boolean sendMessageBack(MessageExt msg, ConsumeConcurrentlyContext context) {
        try {
            parts.sendBack().sendMessageBack(msg, context.getDelayLevelWhenNextConsume(),
                context.getMessageQueue().getBrokerName());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("group {}: {} could not be sent back ({}); consumed again here in {} ms", consumerGroup,
                msg.getMsgId(), e.toString(), RESUBMIT_DELAY_MILLIS);
        }
        return false;
    }

    /** Sends back messages a listener has held longer than consumeTimeout, so their queue can move on. */
    private void cleanExpireMsg() {
        long startedBefore = clock.millis()
            - TimeUnit.MINUTES.toMillis(defaultMQPushConsumer.getConsumeTimeout());
        for (Map.Entry<MessageQueue, ProcessQueue> entry
            : parts.rebalance().getProcessQueueTable().entrySet()) {
            ProcessQueue pq = entry.getValue();
            for (int i = 0; i < MAX_EXPIRED_PER_QUEUE_SCAN; i++) {
                MessageExt stuck = pq.firstMessageStartedBefore(startedBefore);
                if (stuck == null) {
                    break;
                }
                try {
                    parts.sendBack().sendMessageBack(stuck, EXPIRED_SEND_BACK_DELAY_LEVEL,
                        entry.getKey().getBrokerName());
                    LOG.warn("group {}: {} of {} exceeded consumeTimeout and was sent back", consumerGroup,
                        stuck.getMsgId(), entry.getKey());
                    pq.removeIfFirst(stuck);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    LOG.warn("group {}: expired {} could not be sent back: {}", consumerGroup, stuck.getMsgId(),
                        e.toString());
                    break;
                }
            }
        }
    }

    @Override
    public ConsumeMessageDirectlyResult consumeMessageDirectly(MessageExt msg, String brokerName) {
        ConsumeMessageDirectlyResult result = new ConsumeMessageDirectlyResult();
        result.setOrder(false);
        result.setAutoCommit(true);
        MessageQueue mq = new MessageQueue(msg.getTopic(), brokerName, msg.getQueueId());
        ConsumeConcurrentlyContext context = new ConsumeConcurrentlyContext(mq);
        List<MessageExt> msgs = new ArrayList<>(List.of(msg));
        ConsumerSendBack.resetRetryAndNamespace(msgs, consumerGroup, defaultMQPushConsumer.getNamespace());
        long begin = clock.millis();
        try {
            ConsumeConcurrentlyStatus status = messageListener.consumeMessage(msgs, context);
            if (status == null) {
                result.setConsumeResult(CMResult.CR_RETURN_NULL);
            } else {
                result.setConsumeResult(status == ConsumeConcurrentlyStatus.CONSUME_SUCCESS
                    ? CMResult.CR_SUCCESS : CMResult.CR_LATER);
            }
        } catch (Throwable e) {
            result.setConsumeResult(CMResult.CR_THROW_EXCEPTION);
            result.setRemark(e.toString());
        }
        result.setSpentTimeMills(clock.millis() - begin);
        return result;
    }

    /** One batch of one queue on its way through the listener. */
    final class ConsumeRequest implements Runnable {
        private final List<MessageExt> msgs;
        private final ProcessQueue processQueue;
        private final MessageQueue messageQueue;

        ConsumeRequest(List<MessageExt> msgs, ProcessQueue processQueue, MessageQueue messageQueue) {
            this.msgs = msgs;
            this.processQueue = processQueue;
            this.messageQueue = messageQueue;
        }

        @Override
        public void run() {
            if (processQueue.isDropped()) {
                LOG.info("group {}: {} was dropped; {} message(s) not consumed here", consumerGroup, messageQueue,
                    msgs.size());
                return;
            }
            ConsumeConcurrentlyContext context = new ConsumeConcurrentlyContext(messageQueue);
            ConsumerSendBack.resetRetryAndNamespace(msgs, consumerGroup, defaultMQPushConsumer.getNamespace());
            long begin = clock.millis();
            ConsumeConcurrentlyStatus status = callListener(msgs, context, messageQueue);
            parts.stats().recordConsume(messageQueue.getTopic(),
                clock.millis() - begin, status == ConsumeConcurrentlyStatus.CONSUME_SUCCESS
                    ? Math.min(context.getAckIndex() + 1, msgs.size()) : 0, msgs.size());
            if (processQueue.isDropped()) {
                LOG.info("group {}: {} was dropped while consuming; its new owner consumes from the last commit",
                    consumerGroup, messageQueue);
                return;
            }
            processConsumeResult(status, context, this);
        }
    }
}
