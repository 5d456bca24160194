package org.cometmq.client.impl.consumer;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.cometmq.client.consumer.DefaultMQPushConsumer;
import org.cometmq.client.consumer.store.OffsetStore;
import org.cometmq.client.consumer.store.ReadOffsetType;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.heartbeat.ConsumeType;
import org.cometmq.common.protocol.heartbeat.MessageModel;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebalance of a push consumer: new queues start pulling at once; removed queues get their offset committed
 * and, for orderly consumers, their broker lock released once no batch of theirs is running.
 */
public class RebalancePushImpl extends RebalanceImpl {
    private static final Logger LOG = LoggerFactory.getLogger(RebalancePushImpl.class);
    /** An orderly queue that still holds messages is unlocked this much later, so its batch can finish. */
    private static final long UNLOCK_DELAY_TIME_MILLS =
        Long.parseLong(System.getProperty("rocketmq.client.unlockDelayTimeMills", "20000"));
    private static final long CONSUME_LOCK_WAIT_MILLIS = 1000;

    private final DefaultMQPushConsumer consumer;
    private final PushConsumerState state;
    private volatile OffsetStore offsetStore;
    private volatile PullScheduler pullScheduler;

    /** The offset store and pull scheduler are set when the consumer starts, as the other rebalance settings. */
    RebalancePushImpl(DefaultMQPushConsumer consumer, PushConsumerState state) {
        super(null, null, null, null);
        this.consumer = consumer;
        this.state = state;
    }

    public void setOffsetStore(OffsetStore offsetStore) {
        this.offsetStore = offsetStore;
    }

    public void setPullScheduler(PullScheduler pullScheduler) {
        this.pullScheduler = pullScheduler;
    }

    /** Spreads the topic-wide pull thresholds over the owned queues and announces the new subscription version. */
    @Override
    public void messageQueueChanged(String topic, Set<MessageQueue> mqAll, Set<MessageQueue> mqDivided) {
        SubscriptionData subscriptionData = subscriptionInner.get(topic);
        if (subscriptionData != null) {
            subscriptionData.setSubVersion(System.currentTimeMillis());
        }
        DefaultMQPushConsumer config = consumer;
        int queues = processQueueTable.size();
        if (queues > 0) {
            if (config.getPullThresholdForTopic() != -1) {
                config.setPullThresholdForQueue(Math.max(1, config.getPullThresholdForTopic() / queues));
            }
            if (config.getPullThresholdSizeForTopic() != -1) {
                config.setPullThresholdSizeForQueue(Math.max(1, config.getPullThresholdSizeForTopic() / queues));
            }
        }
        clientInstance.sendHeartbeatToAllBrokerWithLock();
    }

    @Override
    public boolean removeUnnecessaryMessageQueue(MessageQueue mq, ProcessQueue pq) {
        offsetStore.persist(mq);
        offsetStore.removeOffset(mq);
        if (!state.isConsumeOrderly() || messageModel != MessageModel.CLUSTERING) {
            return true;
        }
        try {
            if (pq.getConsumeLock().tryLock(CONSUME_LOCK_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                try {
                    unlockDelay(mq, pq);
                    return true;
                } finally {
                    pq.getConsumeLock().unlock();
                }
            }
            LOG.warn("group {}: {} is still consuming a batch; its removal is retried at the next rebalance",
                consumerGroup, mq);
            pq.incTryUnlockTimes();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private void unlockDelay(MessageQueue mq, ProcessQueue pq) {
        if (pq.hasTempMessage()) {
            LOG.info("group {}: {} still holds messages; unlocking it in {} ms", consumerGroup, mq,
                UNLOCK_DELAY_TIME_MILLS);
            pullScheduler.executeTaskLater(() -> unlock(mq, true), UNLOCK_DELAY_TIME_MILLS);
        } else {
            unlock(mq, true);
        }
    }

    @Override
    public ConsumeType consumeType() {
        return ConsumeType.CONSUME_PASSIVELY;
    }

    @Override
    public void removeDirtyOffset(MessageQueue mq) {
        offsetStore.removeOffset(mq);
    }

    @Override
    public long computePullFromWhereWithException(MessageQueue mq) throws MQClientException {
        return StartOffsetResolver.resolve(mq, consumer.getConsumeFromWhere(), consumer.getConsumeTimestamp(),
            offsetStore, ReadOffsetType.READ_FROM_STORE,
            clientInstance.getMQAdminImpl());
    }

    @Override
    public void dispatchPullRequest(List<PullRequest> pullRequestList) {
        for (PullRequest pullRequest : pullRequestList) {
            pullScheduler.executePullRequestImmediately(pullRequest);
            LOG.info("group {}: pulling {} from offset {}", consumerGroup, pullRequest.getMessageQueue(),
                pullRequest.getNextOffset());
        }
    }
}
