package org.cometmq.client.impl.consumer;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;
import org.cometmq.client.impl.FindBrokerResult;
import org.cometmq.client.impl.factory.MQClientInstance;
import org.cometmq.common.MixAll;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.body.LockBatchRequestBody;
import org.cometmq.common.protocol.body.UnlockBatchRequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes and releases the broker-side locks an orderly consumer needs (LOCK_BATCH_MQ / UNLOCK_BATCH_MQ on each
 * queue's master) and mirrors the outcome into the queues' {@link ProcessQueue} lock state.
 */
class OrderlyQueueLocker {
    private static final Logger LOG = LoggerFactory.getLogger(OrderlyQueueLocker.class);
    private static final long LOCK_TIMEOUT_MILLIS = 1000;

    private final ConcurrentMap<MessageQueue, ProcessQueue> processQueueTable;
    private final MQClientInstance client;
    private final String consumerGroup;
    private final Clock clock;

    /**
     * Over the rebalance's process queues, for {@code consumerGroup} on {@code client}; cheap, made per call.
     * {@code clock} stamps each granted lock, from which the queue's lock expiry counts.
     */
    OrderlyQueueLocker(ConcurrentMap<MessageQueue, ProcessQueue> processQueueTable, MQClientInstance client,
        String consumerGroup, Clock clock) {
        this.processQueueTable = processQueueTable;
        this.client = client;
        this.consumerGroup = consumerGroup;
        this.clock = clock;
    }

    /** Locks one queue; true when the broker granted it. */
    boolean lock(MessageQueue mq) {
        String addr = masterAddress(mq.getBrokerName());
        if (addr == null) {
            return false;
        }
        try {
            Set<MessageQueue> granted = client().getMQClientAPIImpl().lockBatchMQ(addr,
                lockBody(Set.of(mq)), LOCK_TIMEOUT_MILLIS);
            markLocked(granted);
            boolean locked = granted.contains(mq);
            LOG.info("lock of {} for group {}: {}", mq, group(), locked ? "granted" : "refused");
            return locked;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("lock of {} for group {} failed: {}", mq, group(), e.toString());
        }
        return false;
    }

    /** Renews the locks of every held queue, broker by broker; queues the broker refuses are marked unlocked. */
    void lockAll() {
        for (Map.Entry<String, Set<MessageQueue>> entry : queuesByBroker().entrySet()) {
            String addr = masterAddress(entry.getKey());
            if (addr == null) {
                continue;
            }
            try {
                Set<MessageQueue> granted = client().getMQClientAPIImpl().lockBatchMQ(addr,
                    lockBody(entry.getValue()), LOCK_TIMEOUT_MILLIS);
                markLocked(granted);
                for (MessageQueue mq : entry.getValue()) {
                    if (!granted.contains(mq)) {
                        ProcessQueue pq = processQueueTable.get(mq);
                        if (pq != null) {
                            pq.setLocked(false);
                            LOG.info("lock of {} for group {} not renewed: another client holds it", mq,
                                group());
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warn("lock renewal on broker {} for group {} failed: {}", entry.getKey(), group(),
                    e.toString());
            }
        }
    }

    void unlock(MessageQueue mq, boolean oneway) {
        String addr = masterAddress(mq.getBrokerName());
        if (addr == null) {
            return;
        }
        try {
            client().getMQClientAPIImpl().unlockBatchMQ(addr, unlockBody(Set.of(mq)), LOCK_TIMEOUT_MILLIS,
                oneway);
            LOG.info("unlocked {} for group {}", mq, group());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("unlock of {} for group {} failed: {}", mq, group(), e.toString());
        }
    }

    void unlockAll(boolean oneway) {
        for (Map.Entry<String, Set<MessageQueue>> entry : queuesByBroker().entrySet()) {
            String addr = masterAddress(entry.getKey());
            if (addr == null) {
                continue;
            }
            try {
                client().getMQClientAPIImpl().unlockBatchMQ(addr, unlockBody(entry.getValue()),
                    LOCK_TIMEOUT_MILLIS, oneway);
                for (MessageQueue mq : entry.getValue()) {
                    ProcessQueue pq = processQueueTable.get(mq);
                    if (pq != null) {
                        pq.setLocked(false);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warn("unlock on broker {} for group {} failed: {}", entry.getKey(), group(), e.toString());
            }
        }
    }

    private void markLocked(Set<MessageQueue> granted) {
        long now = clock.millis();
        for (MessageQueue mq : granted) {
            ProcessQueue pq = processQueueTable.get(mq);
            if (pq != null) {
                pq.setLocked(true);
                pq.setLastLockTimestamp(now);
            }
        }
    }

    private Map<String, Set<MessageQueue>> queuesByBroker() {
        Map<String, Set<MessageQueue>> result = new HashMap<>();
        for (Map.Entry<MessageQueue, ProcessQueue> entry : processQueueTable.entrySet()) {
            if (!entry.getValue().isDropped()) {
                result.computeIfAbsent(entry.getKey().getBrokerName(), b -> new HashSet<>()).add(entry.getKey());
            }
        }
        return result;
    }

    private MQClientInstance client() {
        return client;
    }

    private String group() {
        return consumerGroup;
    }

    private String masterAddress(String brokerName) {
        FindBrokerResult result = client().findBrokerAddressInSubscribe(brokerName, MixAll.MASTER_ID, true);
        if (result == null) {
            LOG.warn("no master address of broker {} known; queue locks of group {} there wait for its route",
                brokerName, group());
            return null;
        }
        return result.getBrokerAddr();
    }

    private LockBatchRequestBody lockBody(Set<MessageQueue> mqs) {
        LockBatchRequestBody body = new LockBatchRequestBody();
        body.setConsumerGroup(group());
        body.setClientId(client().getClientId());
        body.setMqSet(new HashSet<>(mqs));
        return body;
    }

    private UnlockBatchRequestBody unlockBody(Set<MessageQueue> mqs) {
        UnlockBatchRequestBody body = new UnlockBatchRequestBody();
        body.setConsumerGroup(group());
        body.setClientId(client().getClientId());
        body.setMqSet(new HashSet<>(mqs));
        return body;
    }
}
