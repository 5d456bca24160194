package org.cometmq.client.impl.consumer;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.cometmq.client.consumer.DefaultMQPushConsumer;
import org.cometmq.client.consumer.PullCallback;
import org.cometmq.client.consumer.PullResult;
import org.cometmq.client.consumer.store.OffsetStore;
import org.cometmq.client.consumer.store.ReadOffsetType;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.impl.CommunicationMode;
import org.cometmq.common.MixAll;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.heartbeat.MessageModel;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;
import org.cometmq.common.sysflag.PullSysFlag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pull loop of a push consumer, one step per call: check flow control, send one long-polling PULL_MESSAGE
 * for the request's queue, and on the answer hand messages to the consume service and put the request back in
 * line (at once, after pullInterval, or after a back-off).
 */
class PushMessagePuller {
    private static final Logger LOG = LoggerFactory.getLogger(PushMessagePuller.class);
    /** Broker-side hold of a pull that finds nothing (long polling). */
    static final long BROKER_SUSPEND_MAX_TIME_MILLIS = 1000 * 15;
    /** Client-side timeout of a held pull: longer than the hold. */
    static final long CONSUMER_TIMEOUT_MILLIS_WHEN_SUSPEND = 1000 * 30;
    static final long PULL_TIME_DELAY_MILLS_WHEN_FLOW_CONTROL = 50;
    static final long PULL_TIME_DELAY_MILLS_WHEN_SUSPEND = 1000;
    static final long PULL_TIME_DELAY_MILLS_WHEN_BROKER_FLOW_CONTROL = 20;
    /** Wait before an illegal-offset queue is dropped, so batches in flight can finish. */
    static final long OFFSET_ILLEGAL_DROP_DELAY_MILLIS = 10_000;
    private static final long FLOW_CONTROL_LOG_EVERY = 1000;
    private static final long REANNOUNCE_MIN_INTERVAL_MILLIS = 1000;

    private final DefaultMQPushConsumer consumer;
    private final PushConsumerState state;
    private final RebalanceImpl rebalance;
    private final OffsetStore offsetStore;
    private final PullAPIWrapper pullAPIWrapper;
    private final ConsumeMessageService consumeService;
    private final ConsumeStatsRecorder consumeStats;
    private final PullScheduler scheduler;
    private final ClientActions client;
    private final Clock clock;
    private final AtomicLong lastReannounce = new AtomicLong();
    private long queueFlowControlTimes = 0;

    PushMessagePuller(DefaultMQPushConsumer consumer, PushConsumerState state, RebalanceImpl rebalance,
        OffsetStore offsetStore, PullAPIWrapper pullAPIWrapper, ConsumeMessageService consumeService,
        ConsumeStatsRecorder consumeStats, PullScheduler scheduler, ClientActions client, Clock clock) {
        this.consumer = consumer;
        this.state = state;
        this.rebalance = rebalance;
        this.offsetStore = offsetStore;
        this.pullAPIWrapper = pullAPIWrapper;
        this.consumeService = consumeService;
        this.consumeStats = consumeStats;
        this.scheduler = scheduler;
        this.client = client;
        this.clock = clock;
    }

    void pullMessage(PullRequest pullRequest) {
        ProcessQueue pq = pullRequest.getProcessQueue();
        if (pq.isDropped()) {
            LOG.debug("pull of {} stopped: the queue was dropped", pullRequest);
            return;
        }
        pq.setLastPullTimestamp(clock.millis());
        if (!state.isRunning()) {
            later(pullRequest, state.pullTimeDelayMillsWhenException());
            return;
        }
        if (state.isPause()) {
            later(pullRequest, PULL_TIME_DELAY_MILLS_WHEN_SUSPEND);
            return;
        }
        if (isFlowControlled(pullRequest, pq) || !orderlyReady(pullRequest, pq)) {
            return;
        }
        MessageQueue mq = pullRequest.getMessageQueue();
        SubscriptionData sd = rebalance.getSubscriptionInner().get(mq.getTopic());
        if (sd == null) {
            LOG.warn("group {}: no subscription of topic {} any more; pull of {} retried later",
                consumer.getConsumerGroup(), mq.getTopic(), mq);
            later(pullRequest, state.pullTimeDelayMillsWhenException());
            return;
        }
        sendPull(pullRequest, sd);
    }

    private void sendPull(PullRequest pullRequest, SubscriptionData sd) {
        MessageQueue mq = pullRequest.getMessageQueue();
        long commitOffset = 0;
        boolean commitOffsetEnable = false;
        if (consumer.getMessageModel() == MessageModel.CLUSTERING) {
            commitOffset = offsetStore.readOffset(mq, ReadOffsetType.READ_FROM_MEMORY);
            commitOffsetEnable = commitOffset > 0;
        }
        String subExpression = consumer.isPostSubscriptionWhenPull() && !sd.isClassFilterMode()
            ? sd.getSubString() : null;
        int sysFlag = PullSysFlag.buildSysFlag(commitOffsetEnable, true, subExpression != null,
            sd.isClassFilterMode());
        long begin = clock.millis();
        try {
            pullAPIWrapper.pullKernelImpl(mq, subExpression, sd.getExpressionType(), sd.getSubVersion(),
                pullRequest.getNextOffset(), consumer.getPullBatchSize(), sysFlag, commitOffset,
                BROKER_SUSPEND_MAX_TIME_MILLIS, CONSUMER_TIMEOUT_MILLIS_WHEN_SUSPEND, CommunicationMode.ASYNC,
                new Callback(pullRequest, sd, begin));
        } catch (Exception e) {
            LOG.warn("group {}: pull of {} failed to send: {}; retried in {} ms", consumer.getConsumerGroup(), mq,
                e.toString(), state.pullTimeDelayMillsWhenException());
            later(pullRequest, state.pullTimeDelayMillsWhenException());
        }
    }

    /** True (and the pull re-queued after 50 ms) when the queue holds too much unconsumed. */
    private boolean isFlowControlled(PullRequest pullRequest, ProcessQueue pq) {
        long count = pq.getMsgCount().get();
        long sizeMiB = pq.getMsgSize().get() / (1024 * 1024);
        String reason = null;
        if (count > consumer.getPullThresholdForQueue()) {
            reason = count + " cached messages > pullThresholdForQueue " + consumer.getPullThresholdForQueue();
        } else if (sizeMiB > consumer.getPullThresholdSizeForQueue()) {
            reason = sizeMiB + " MiB cached > pullThresholdSizeForQueue " + consumer.getPullThresholdSizeForQueue();
        } else if (!state.isConsumeOrderly() && pq.getMaxSpan() > consumer.getConsumeConcurrentlyMaxSpan()) {
            reason = "offset span " + pq.getMaxSpan() + " > consumeConcurrentlyMaxSpan "
                + consumer.getConsumeConcurrentlyMaxSpan();
        }
        if (reason == null) {
            return false;
        }
        later(pullRequest, PULL_TIME_DELAY_MILLS_WHEN_FLOW_CONTROL);
        if (queueFlowControlTimes++ % FLOW_CONTROL_LOG_EVERY == 0) {
            LOG.warn("group {}: pulls of {} paused by flow control: {} (the listener is slower than the producers)",
                consumer.getConsumerGroup(), pullRequest.getMessageQueue(), reason);
        }
        return true;
    }

    /**
     * Orderly consumers pull a queue only while they hold its broker lock; the first pull after taking the lock
     * restarts from the committed offset, since another client may have consumed past our position meanwhile.
     */
    private boolean orderlyReady(PullRequest pullRequest, ProcessQueue pq) {
        if (!state.isConsumeOrderly() || consumer.getMessageModel() == MessageModel.BROADCASTING) {
            return true;
        }
        if (!pq.isLocked()) {
            later(pullRequest, state.pullTimeDelayMillsWhenException());
            LOG.debug("pull of {} waits: the queue is not locked in its broker yet", pullRequest);
            return false;
        }
        if (!pullRequest.isPreviouslyLocked()) {
            long offset;
            try {
                offset = rebalance.computePullFromWhereWithException(pullRequest.getMessageQueue());
            } catch (Exception e) {
                later(pullRequest, state.pullTimeDelayMillsWhenException());
                LOG.warn("group {}: start offset of locked {} unknown: {}", consumer.getConsumerGroup(),
                    pullRequest.getMessageQueue(), e.getMessage());
                return false;
            }
            LOG.info("group {}: {} locked, pulling from offset {} (was {})", consumer.getConsumerGroup(),
                pullRequest.getMessageQueue(), offset, pullRequest.getNextOffset());
            pullRequest.setPreviouslyLocked(true);
            pullRequest.setNextOffset(offset);
        }
        return true;
    }

    private void later(PullRequest pullRequest, long delayMillis) {
        scheduler.executePullRequestLater(pullRequest, delayMillis);
    }

    /** Routes one pull's answer. */
    private final class Callback implements PullCallback {
        private final PullRequest pullRequest;
        private final SubscriptionData subscriptionData;
        private final long beginTimestamp;

        Callback(PullRequest pullRequest, SubscriptionData subscriptionData, long beginTimestamp) {
            this.pullRequest = pullRequest;
            this.subscriptionData = subscriptionData;
            this.beginTimestamp = beginTimestamp;
        }

        @Override
        public void onSuccess(PullResult pullResult) {
            MessageQueue mq = pullRequest.getMessageQueue();
            PullResult result = pullAPIWrapper.processPullResult(mq, pullResult, subscriptionData);
            switch (result.getPullStatus()) {
                case FOUND -> onFound(result);
                case NO_NEW_MSG, NO_MATCHED_MSG -> {
                    pullRequest.setNextOffset(result.getNextBeginOffset());
                    correctTagsOffset(pullRequest);
                    scheduler.executePullRequestImmediately(pullRequest);
                }
                case OFFSET_ILLEGAL -> onOffsetIllegal(result);
                default -> scheduler.executePullRequestImmediately(pullRequest);
            }
        }

        private void onFound(PullResult result) {
            MessageQueue mq = pullRequest.getMessageQueue();
            pullRequest.setNextOffset(result.getNextBeginOffset());
            List<MessageExt> msgs = result.getMsgFoundList();
            int found = msgs == null ? 0 : msgs.size();
            consumeStats.recordPull(mq.getTopic(), clock.millis() - beginTimestamp, found);
            if (found == 0) {
                scheduler.executePullRequestImmediately(pullRequest);
                return;
            }
            ProcessQueue pq = pullRequest.getProcessQueue();
            boolean dispatchToConsume = pq.putMessage(msgs);
            consumeService.submitConsumeRequest(msgs, pq, mq, dispatchToConsume);
            if (consumer.getPullInterval() > 0) {
                later(pullRequest, consumer.getPullInterval());
            } else {
                scheduler.executePullRequestImmediately(pullRequest);
            }
        }

        /** The broker says our offset is outside the queue: restart from where it points, via a fresh queue. */
        private void onOffsetIllegal(PullResult result) {
            MessageQueue mq = pullRequest.getMessageQueue();
            LOG.warn("group {}: offset {} of {} is illegal (queue holds {}..{}); moving to {}",
                consumer.getConsumerGroup(), pullRequest.getNextOffset(), mq, result.getMinOffset(),
                result.getMaxOffset(), result.getNextBeginOffset());
            pullRequest.setNextOffset(result.getNextBeginOffset());
            pullRequest.getProcessQueue().setDropped(true);
            scheduler.executeTaskLater(() -> {
                try {
                    offsetStore.updateOffset(mq, pullRequest.getNextOffset(), false);
                    offsetStore.persist(mq);
                    rebalance.removeProcessQueue(mq);
                    client.rebalanceImmediately();
                } catch (RuntimeException e) {
                    LOG.warn("group {}: resetting {} after an illegal offset failed", consumer.getConsumerGroup(), mq,
                        e);
                }
            }, OFFSET_ILLEGAL_DROP_DELAY_MILLIS);
        }

        @Override
        public void onException(Throwable e) {
            MessageQueue mq = pullRequest.getMessageQueue();
            if (!state.isRunning()) {
                LOG.debug("group {}: pull of {} ended by shutdown: {}", consumer.getConsumerGroup(), mq, e.toString());
                return;
            }
            int code = e instanceof MQBrokerException ? ((MQBrokerException) e).getResponseCode() : -1;
            if (code == ResponseCode.SUBSCRIPTION_NOT_LATEST || code == ResponseCode.SUBSCRIPTION_NOT_EXIST) {
                LOG.info("group {}: broker does not know the current subscription of {} ({}); re-announcing it",
                    consumer.getConsumerGroup(), mq, code);
                reannounceSubscription();
            } else if (!mq.getTopic().startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX)) {
                LOG.warn("group {}: pull of {} failed: {}", consumer.getConsumerGroup(), mq, e.toString());
            }
            boolean brokerFlowControl = code == ResponseCode.FLOW_CONTROL;
            later(pullRequest, brokerFlowControl ? PULL_TIME_DELAY_MILLS_WHEN_BROKER_FLOW_CONTROL
                : state.pullTimeDelayMillsWhenException());
        }
    }

    /**
     * Sends a heartbeat soon, at most once a second. A rebalance announces its new subscription version with a
     * heartbeat, but that heartbeat is skipped when another one is in progress; without this the broker would
     * refuse our pulls (SUBSCRIPTION_NOT_LATEST) until the next periodic heartbeat, up to 30 s later.
     */
    private void reannounceSubscription() {
        long now = clock.millis();
        long last = lastReannounce.get();
        if (now - last >= REANNOUNCE_MIN_INTERVAL_MILLIS && lastReannounce.compareAndSet(last, now)) {
            scheduler.executeTaskLater(client::sendHeartbeatToAllBrokerWithLock, 0);
        }
    }

    /** Nothing cached: the committed offset can follow the pull position (skipping filtered-out messages). */
    private void correctTagsOffset(PullRequest pullRequest) {
        if (pullRequest.getProcessQueue().getMsgCount().get() == 0) {
            offsetStore.updateOffset(pullRequest.getMessageQueue(), pullRequest.getNextOffset(), true);
        }
    }
}
