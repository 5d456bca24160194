package org.cometmq.client.impl.consumer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.cometmq.client.consumer.AllocateMessageQueueStrategy;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.impl.factory.MQClientInstance;
import org.cometmq.common.MixAll;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.heartbeat.ConsumeType;
import org.cometmq.common.protocol.heartbeat.MessageModel;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which queues of each subscribed topic this consumer owns and keeps its process-queue table in line:
 * queues it lost are persisted and dropped, queues it gained start at their committed offset (or where
 * ConsumeFromWhere says when there is none). Subclasses say what "start" and "drop" mean for their consumer.
 */
public abstract class RebalanceImpl {
    private static final Logger LOG = LoggerFactory.getLogger(RebalanceImpl.class);

    protected final ConcurrentMap<MessageQueue, ProcessQueue> processQueueTable = new ConcurrentHashMap<>(64);
    protected final ConcurrentMap<String, Set<MessageQueue>> topicSubscribeInfoTable = new ConcurrentHashMap<>();
    protected final ConcurrentMap<String, SubscriptionData> subscriptionInner = new ConcurrentHashMap<>();
    protected String consumerGroup;
    protected MessageModel messageModel;
    protected AllocateMessageQueueStrategy allocateMessageQueueStrategy;
    protected MQClientInstance clientInstance;

    protected RebalanceImpl(String consumerGroup, MessageModel messageModel,
        AllocateMessageQueueStrategy allocateMessageQueueStrategy, MQClientInstance clientInstance) {
        this.consumerGroup = consumerGroup;
        this.messageModel = messageModel;
        this.allocateMessageQueueStrategy = allocateMessageQueueStrategy;
        this.clientInstance = clientInstance;
    }

    /** Rebalances every subscribed topic, then drops queues of topics no longer subscribed. */
    public void doRebalance(boolean isOrder) {
        for (String topic : subscriptionInner.keySet()) {
            try {
                rebalanceByTopic(topic, isOrder);
            } catch (RuntimeException e) {
                LOG.warn("rebalance of topic {} for group {} failed", topic, consumerGroup, e);
            }
        }
        truncateMessageQueueNotMyTopic();
    }

    private void rebalanceByTopic(String topic, boolean isOrder) {
        Set<MessageQueue> mqSet = topicSubscribeInfoTable.get(topic);
        if (mqSet == null) {
            // A group's retry topic is created by the broker on the first heartbeat, after the consumer fetched
            // its routes: ask again now rather than wait for the next route poll (30 s).
            clientInstance.updateTopicRouteInfoFromNameServer(topic);
            mqSet = topicSubscribeInfoTable.get(topic);
        }
        if (mqSet == null) {
            if (!topic.startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX)) {
                LOG.warn("group {}: no route of topic {} yet; is the topic created?", consumerGroup, topic);
            }
            return;
        }
        if (messageModel == MessageModel.BROADCASTING) {
            applyAllocation(topic, mqSet, mqSet, isOrder);
            return;
        }
        List<String> cidAll = clientInstance.findConsumerIdList(topic, consumerGroup);
        if (cidAll == null || cidAll.isEmpty()) {
            LOG.warn("group {}: no consumer id list for topic {} from the broker; rebalance skipped", consumerGroup,
                topic);
            return;
        }
        List<MessageQueue> mqAll = new ArrayList<>(mqSet);
        Collections.sort(mqAll);
        List<String> cids = new ArrayList<>(cidAll);
        Collections.sort(cids);
        List<MessageQueue> allocated;
        try {
            allocated = allocateMessageQueueStrategy.allocate(consumerGroup, clientInstance.getClientId(), mqAll,
                cids);
        } catch (RuntimeException e) {
            LOG.error("allocation strategy {} failed for group {} topic {}", allocateMessageQueueStrategy.getName(),
                consumerGroup, topic, e);
            return;
        }
        Set<MessageQueue> allocateResultSet = allocated == null ? new HashSet<>() : new HashSet<>(allocated);
        if (applyAllocation(topic, mqSet, allocateResultSet, isOrder)) {
            LOG.info("group {} topic {}: client {} now owns {} of {} queues ({} clients): {}", consumerGroup, topic,
                clientInstance.getClientId(), allocateResultSet.size(), mqSet.size(), cids.size(), allocateResultSet);
        }
    }

    /**
     * Takes the allocation, announces it (new subscription version in a heartbeat), and only then starts the new
     * queues' pulls, so the broker already knows the version those pulls carry.
     */
    private boolean applyAllocation(String topic, Set<MessageQueue> mqAll, Set<MessageQueue> mine, boolean isOrder) {
        List<PullRequest> pullRequests = new ArrayList<>();
        boolean changed = updateProcessQueueTableInRebalance(topic, mine, isOrder, pullRequests);
        if (changed) {
            messageQueueChanged(topic, mqAll, mine);
        }
        dispatchPullRequest(pullRequests);
        return changed;
    }

    /**
     * Makes the process-queue table of {@code topic} hold exactly {@code mqSet}; the pulls of added queues are
     * appended to {@code pullRequests} for the caller to dispatch.
     *
     * @return whether any queue was added or removed
     */
    protected boolean updateProcessQueueTableInRebalance(String topic, Set<MessageQueue> mqSet, boolean isOrder,
        List<PullRequest> pullRequests) {
        boolean changed = removeQueuesNoLongerOwned(topic, mqSet);
        // Broadcasting consumers each read every queue: a broker lock would let only one of them consume.
        boolean needLock = isOrder && messageModel == MessageModel.CLUSTERING;
        for (MessageQueue mq : mqSet) {
            ProcessQueue existing = processQueueTable.get(mq);
            if (existing != null) {
                if (!existing.isDropped() || existing.getTryUnlockTimes() == 0) {
                    // Ours already, or dropped by someone who will remove it (an illegal-offset reset).
                    continue;
                }
                // An earlier removal could not finish (an orderly batch was running); the queue is ours again.
                processQueueTable.remove(mq, existing);
            }
            if (needLock && !lock(mq)) {
                LOG.warn("group {}: {} not added, its broker lock is held by another client; retried at the next"
                    + " rebalance", consumerGroup, mq);
                continue;
            }
            removeDirtyOffset(mq);
            long nextOffset;
            try {
                nextOffset = computePullFromWhereWithException(mq);
            } catch (Exception e) {
                LOG.warn("group {}: start offset of {} unknown ({}); retried at the next rebalance", consumerGroup,
                    mq, e.getMessage());
                continue;
            }
            if (nextOffset < 0) {
                LOG.warn("group {}: start offset of {} unknown; retried at the next rebalance", consumerGroup, mq);
                continue;
            }
            ProcessQueue pq = new ProcessQueue(clientInstance.getClock());
            if (isOrder) {
                // Just granted (or not needed); without this the first pull would wait for the next renewal.
                pq.setLocked(true);
                pq.setLastLockTimestamp(clientInstance.getClock().millis());
            }
            if (processQueueTable.putIfAbsent(mq, pq) == null) {
                LOG.info("group {}: added {} starting at offset {}", consumerGroup, mq, nextOffset);
                pullRequests.add(new PullRequest(consumerGroup, mq, pq, nextOffset));
                changed = true;
            }
        }
        return changed;
    }

    private boolean removeQueuesNoLongerOwned(String topic, Set<MessageQueue> mqSet) {
        boolean changed = false;
        Iterator<Map.Entry<MessageQueue, ProcessQueue>> it = processQueueTable.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<MessageQueue, ProcessQueue> entry = it.next();
            MessageQueue mq = entry.getKey();
            ProcessQueue pq = entry.getValue();
            if (!mq.getTopic().equals(topic)) {
                continue;
            }
            String reason;
            if (!mqSet.contains(mq)) {
                reason = "no longer allocated";
            } else if (pq.isPullExpired() && consumeType() == ConsumeType.CONSUME_PASSIVELY) {
                reason = "not pulled for too long";
            } else {
                continue;
            }
            pq.setDropped(true);
            if (removeUnnecessaryMessageQueue(mq, pq)) {
                it.remove();
                changed = true;
                LOG.info("group {}: removed {} ({})", consumerGroup, mq, reason);
            }
        }
        return changed;
    }

    private void truncateMessageQueueNotMyTopic() {
        Iterator<Map.Entry<MessageQueue, ProcessQueue>> it = processQueueTable.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<MessageQueue, ProcessQueue> entry = it.next();
            if (!subscriptionInner.containsKey(entry.getKey().getTopic())) {
                entry.getValue().setDropped(true);
                it.remove();
                LOG.info("group {}: removed {}: its topic is no longer subscribed", consumerGroup, entry.getKey());
            }
        }
    }

    /** Drops one queue now (after an illegal offset), persisting its offset. */
    public void removeProcessQueue(MessageQueue mq) {
        ProcessQueue pq = processQueueTable.remove(mq);
        if (pq != null) {
            boolean wasDropped = pq.isDropped();
            pq.setDropped(true);
            removeUnnecessaryMessageQueue(mq, pq);
            LOG.info("group {}: removed {} on request (was dropped: {})", consumerGroup, mq, wasDropped);
        }
    }

    /** Marks every queue dropped and forgets them (consumer shutdown). */
    public void destroy() {
        for (ProcessQueue pq : processQueueTable.values()) {
            pq.setDropped(true);
        }
        processQueueTable.clear();
    }

    // ----- orderly locks -----

    public boolean lock(MessageQueue mq) {
        return locker().lock(mq);
    }

    public void lockAll() {
        locker().lockAll();
    }

    public void unlock(MessageQueue mq, boolean oneway) {
        locker().unlock(mq, oneway);
    }

    public void unlockAll(boolean oneway) {
        locker().unlockAll(oneway);
    }

    // ----- what differs per consumer kind -----

    /** Called after the owned queues of {@code topic} changed. */
    public abstract void messageQueueChanged(String topic, Set<MessageQueue> mqAll, Set<MessageQueue> mqDivided);

    /**
     * Releases a queue being removed (persist its offset, unlock it).
     *
     * @return false to keep it in the table for now (an orderly batch is still running)
     */
    public abstract boolean removeUnnecessaryMessageQueue(MessageQueue mq, ProcessQueue pq);

    public abstract ConsumeType consumeType();

    /** Forgets any stale in-memory offset before a queue is (re)added. */
    public abstract void removeDirtyOffset(MessageQueue mq);

    /** Where consumption of a newly added queue starts; throws when it cannot be known now. */
    public abstract long computePullFromWhereWithException(MessageQueue mq) throws MQClientException;

    /** Like {@link #computePullFromWhereWithException} but -1 when unknown. */
    public long computePullFromWhere(MessageQueue mq) {
        try {
            return computePullFromWhereWithException(mq);
        } catch (MQClientException e) {
            LOG.warn("group {}: start offset of {} unknown: {}", consumerGroup, mq, e.getMessage());
            return -1;
        }
    }

    /** Starts pulling the newly added queues. */
    public abstract void dispatchPullRequest(List<PullRequest> pullRequestList);

    // ----- accessors -----

    private OrderlyQueueLocker locker() {
        return new OrderlyQueueLocker(processQueueTable, clientInstance, consumerGroup, clientInstance.getClock());
    }

    public ConcurrentMap<MessageQueue, ProcessQueue> getProcessQueueTable() {
        return processQueueTable;
    }

    /** A copy of the subscriptions this rebalance serves. */
    public Set<SubscriptionData> subscriptions() {
        return new HashSet<>(subscriptionInner.values());
    }

    /** Takes a subscribed topic's new queue set from a route update; other topics are ignored. */
    public void updateTopicSubscribeInfo(String topic, Set<MessageQueue> info) {
        if (subscriptionInner.containsKey(topic)) {
            topicSubscribeInfoTable.put(topic, info);
        }
    }

    /** Whether {@code topic} is subscribed but its queue set is not known yet. */
    public boolean isSubscribeTopicNeedUpdate(String topic) {
        return subscriptionInner.containsKey(topic) && !topicSubscribeInfoTable.containsKey(topic);
    }

    public ConcurrentMap<String, Set<MessageQueue>> getTopicSubscribeInfoTable() {
        return topicSubscribeInfoTable;
    }

    public ConcurrentMap<String, SubscriptionData> getSubscriptionInner() {
        return subscriptionInner;
    }

    public String getConsumerGroup() {
        return consumerGroup;
    }

    public void setConsumerGroup(String consumerGroup) {
        this.consumerGroup = consumerGroup;
    }

    public MessageModel getMessageModel() {
        return messageModel;
    }

    public void setMessageModel(MessageModel messageModel) {
        this.messageModel = messageModel;
    }

    public AllocateMessageQueueStrategy getAllocateMessageQueueStrategy() {
        return allocateMessageQueueStrategy;
    }

    public void setAllocateMessageQueueStrategy(AllocateMessageQueueStrategy allocateMessageQueueStrategy) {
        this.allocateMessageQueueStrategy = allocateMessageQueueStrategy;
    }

    public MQClientInstance getmQClientFactory() {
        return clientInstance;
    }

    public void setmQClientFactory(MQClientInstance clientInstance) {
        this.clientInstance = clientInstance;
    }
}
