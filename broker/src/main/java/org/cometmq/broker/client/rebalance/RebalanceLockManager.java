package org.cometmq.broker.client.rebalance;

import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import org.cometmq.common.message.MessageQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queue locks for orderly consumption: per group, each queue is held by at most one client id. A lock is granted
 * when the queue is free, held by the same client, or its holder has not renewed it within the expiry.
 */
public class RebalanceLockManager {
    private static final Logger log = LoggerFactory.getLogger(RebalanceLockManager.class);

    private final ConcurrentMap<String, ConcurrentMap<MessageQueue, LockEntry>> mqLockTable = new ConcurrentHashMap<>(1024);
    private final ReentrantLock lock = new ReentrantLock();
    private final Clock clock;
    private final long lockMaxLiveTimeMillis;

    public RebalanceLockManager(Clock clock, long lockMaxLiveTimeMillis) {
        this.clock = clock;
        this.lockMaxLiveTimeMillis = lockMaxLiveTimeMillis;
    }

    /** Locks or renews every queue it can for {@code clientId}; returns the queues now held by it. */
    public Set<MessageQueue> tryLockBatch(String group, Set<MessageQueue> mqs, String clientId) {
        Set<MessageQueue> locked = new HashSet<>(mqs.size());
        lock.lock();
        try {
            long now = clock.millis();
            ConcurrentMap<MessageQueue, LockEntry> groupTable = mqLockTable.computeIfAbsent(group,
                g -> new ConcurrentHashMap<>(32));
            for (MessageQueue mq : mqs) {
                LockEntry entry = groupTable.get(mq);
                if (entry == null || entry.clientId.equals(clientId) || entry.isExpired(now, lockMaxLiveTimeMillis)) {
                    if (entry != null && !entry.clientId.equals(clientId)) {
                        log.warn("group {} queue {}: lock of {} expired, granted to {}", group, mq, entry.clientId, clientId);
                    }
                    groupTable.put(mq, new LockEntry(clientId, now));
                    locked.add(mq);
                }
            }
        } finally {
            lock.unlock();
        }
        return locked;
    }

    /** Releases the queues held by {@code clientId}; queues held by others stay locked. */
    public void unlockBatch(String group, Set<MessageQueue> mqs, String clientId) {
        lock.lock();
        try {
            ConcurrentMap<MessageQueue, LockEntry> groupTable = mqLockTable.get(group);
            if (groupTable == null) {
                return;
            }
            for (MessageQueue mq : mqs) {
                LockEntry entry = groupTable.get(mq);
                if (entry != null && entry.clientId.equals(clientId)) {
                    groupTable.remove(mq);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@code clientId} holds an unexpired lock on {@code mq}. */
    public boolean isLockedBy(String group, MessageQueue mq, String clientId) {
        Map<MessageQueue, LockEntry> groupTable = mqLockTable.get(group);
        LockEntry entry = groupTable == null ? null : groupTable.get(mq);
        return entry != null && entry.clientId.equals(clientId) && !entry.isExpired(clock.millis(), lockMaxLiveTimeMillis);
    }

    private static final class LockEntry {
        private final String clientId;
        private final long lastUpdateTimestamp;

        private LockEntry(String clientId, long lastUpdateTimestamp) {
            this.clientId = clientId;
            this.lastUpdateTimestamp = lastUpdateTimestamp;
        }

        private boolean isExpired(long now, long maxLiveTime) {
            return now - lastUpdateTimestamp > maxLiveTime;
        }
    }
}
