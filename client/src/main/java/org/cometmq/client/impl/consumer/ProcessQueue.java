package org.cometmq.client.impl.consumer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.cometmq.common.message.MessageAccessor;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.protocol.body.ProcessQueueInfo;

/**
 * The messages pulled from one queue and not yet consumed, ordered by queue offset. The pull side adds, the
 * consume side removes; the smallest offset still held is the offset that is safe to commit. Also carries the
 * queue's dropped flag and, for orderly consumption, its broker-lock state.
 */
public class ProcessQueue {
    /** How long a broker lock is trusted on the client after the last successful LOCK_BATCH_MQ. */
    public static final long REBALANCE_LOCK_MAX_LIVE_TIME =
        Long.parseLong(System.getProperty("rocketmq.client.rebalance.lockMaxLiveTime", "30000"));
    /** Period of the orderly consumer's lock renewal. */
    public static final long REBALANCE_LOCK_INTERVAL =
        Long.parseLong(System.getProperty("rocketmq.client.rebalance.lockInterval", "20000"));
    private static final long PULL_MAX_IDLE_TIME =
        Long.parseLong(System.getProperty("rocketmq.client.pull.pullMaxIdleTime", "120000"));

    private final ReadWriteLock treeMapLock = new ReentrantReadWriteLock();
    private final TreeMap<Long, MessageExt> msgTreeMap = new TreeMap<>();
    private final AtomicLong msgCount = new AtomicLong();
    private final AtomicLong msgSize = new AtomicLong();
    /** Held by the orderly consumer while its listener runs, so a queue is not released mid-batch. */
    private final ReentrantLock consumeLock = new ReentrantLock();
    /** Orderly only: messages handed to the listener and not yet committed. */
    private final TreeMap<Long, MessageExt> consumingMsgOrderlyTreeMap = new TreeMap<>();
    private final AtomicLong tryUnlockTimes = new AtomicLong(0);
    private volatile long queueOffsetMax = 0L;
    private volatile boolean dropped = false;
    private final Clock clock;
    private volatile long lastPullTimestamp;
    private volatile long lastConsumeTimestamp;
    private volatile boolean locked = false;
    private volatile long lastLockTimestamp;
    /** Orderly only: whether a consume task is already scheduled for this queue. */
    private volatile boolean consuming = false;
    /** Messages the broker still holds behind the last pulled one. */
    private volatile long msgAccCnt = 0;

    public ProcessQueue() {
        this(Clock.systemUTC());
    }

    /** A queue whose lock and pull expiry are judged on {@code clock}, its client's clock. */
    public ProcessQueue(Clock clock) {
        this.clock = clock;
        long now = clock.millis();
        this.lastPullTimestamp = now;
        this.lastConsumeTimestamp = now;
        this.lastLockTimestamp = now;
    }

    public boolean isLockExpired() {
        return clock.millis() - lastLockTimestamp > REBALANCE_LOCK_MAX_LIVE_TIME;
    }

    public boolean isPullExpired() {
        return clock.millis() - lastPullTimestamp > PULL_MAX_IDLE_TIME;
    }

    /**
     * Adds pulled messages; an offset already held is ignored.
     *
     * @return true when an orderly consumer should schedule a consume task (messages present, none running)
     */
    public boolean putMessage(List<MessageExt> msgs) {
        boolean dispatchToConsume = false;
        treeMapLock.writeLock().lock();
        try {
            int added = 0;
            for (MessageExt msg : msgs) {
                if (msgTreeMap.put(msg.getQueueOffset(), msg) == null) {
                    added++;
                    queueOffsetMax = msg.getQueueOffset();
                    msgSize.addAndGet(bodyLength(msg));
                }
            }
            msgCount.addAndGet(added);
            if (!msgTreeMap.isEmpty() && !consuming) {
                dispatchToConsume = true;
                consuming = true;
            }
            if (!msgs.isEmpty()) {
                updateAccumulation(msgs.get(msgs.size() - 1));
            }
        } finally {
            treeMapLock.writeLock().unlock();
        }
        return dispatchToConsume;
    }

    private void updateAccumulation(MessageExt last) {
        String maxOffset = last.getProperty(MessageConst.PROPERTY_MAX_OFFSET);
        if (maxOffset != null) {
            long behind = Long.parseLong(maxOffset) - last.getQueueOffset();
            if (behind > 0) {
                msgAccCnt = behind;
            }
        }
    }

    /** Distance between the smallest and largest offsets held; 0 when empty. */
    public long getMaxSpan() {
        treeMapLock.readLock().lock();
        try {
            return msgTreeMap.isEmpty() ? 0 : msgTreeMap.lastKey() - msgTreeMap.firstKey();
        } finally {
            treeMapLock.readLock().unlock();
        }
    }

    /**
     * Removes consumed messages.
     *
     * @return the offset safe to commit: the smallest offset still held, or one past the largest offset ever
     *     added when none is left; -1 when the queue held nothing
     */
    public long removeMessage(List<MessageExt> msgs) {
        treeMapLock.writeLock().lock();
        try {
            return removeLocked(msgs);
        } finally {
            treeMapLock.writeLock().unlock();
        }
    }

    private long removeLocked(List<MessageExt> msgs) {
        lastConsumeTimestamp = clock.millis();
        if (msgTreeMap.isEmpty()) {
            return -1;
        }
        long result = queueOffsetMax + 1;
        int removed = 0;
        for (MessageExt msg : msgs) {
            MessageExt prev = msgTreeMap.remove(msg.getQueueOffset());
            if (prev != null) {
                removed++;
                msgSize.addAndGet(-bodyLength(prev));
            }
        }
        msgCount.addAndGet(-removed);
        if (!msgTreeMap.isEmpty()) {
            result = msgTreeMap.firstKey();
        }
        return result;
    }

    /**
     * Consume-timeout check: the first held message when its consumption started before {@code startedBefore}
     * (epoch millis), else {@code null}. Such a message is stuck in a listener and gets sent back.
     */
    public MessageExt firstMessageStartedBefore(long startedBefore) {
        treeMapLock.readLock().lock();
        try {
            if (msgTreeMap.isEmpty()) {
                return null;
            }
            MessageExt first = msgTreeMap.firstEntry().getValue();
            String start = MessageAccessor.getConsumeStartTimeStamp(first);
            if (start == null || start.isEmpty() || Long.parseLong(start) >= startedBefore) {
                return null;
            }
            return first;
        } finally {
            treeMapLock.readLock().unlock();
        }
    }

    /** Removes {@code msg} only if it is still the first held message; returns whether it was. */
    public boolean removeIfFirst(MessageExt msg) {
        treeMapLock.writeLock().lock();
        try {
            if (msgTreeMap.isEmpty() || msgTreeMap.firstKey() != msg.getQueueOffset()) {
                return false;
            }
            removeLocked(List.of(msg));
            return true;
        } finally {
            treeMapLock.writeLock().unlock();
        }
    }

    // ----- orderly consumption -----

    /** Orderly: hands out up to {@code batchSize} messages from the head; clears the consuming flag when empty. */
    public List<MessageExt> takeMessages(int batchSize) {
        List<MessageExt> result = new ArrayList<>(batchSize);
        long now = clock.millis();
        treeMapLock.writeLock().lock();
        try {
            lastConsumeTimestamp = now;
            for (int i = 0; i < batchSize && !msgTreeMap.isEmpty(); i++) {
                Map.Entry<Long, MessageExt> entry = msgTreeMap.pollFirstEntry();
                result.add(entry.getValue());
                consumingMsgOrderlyTreeMap.put(entry.getKey(), entry.getValue());
            }
            if (result.isEmpty()) {
                consuming = false;
            }
        } finally {
            treeMapLock.writeLock().unlock();
        }
        return result;
    }

    /**
     * Orderly: the taken messages are done.
     *
     * @return the offset to commit (one past the last taken), or -1 when nothing was taken
     */
    public long commit() {
        treeMapLock.writeLock().lock();
        try {
            if (consumingMsgOrderlyTreeMap.isEmpty()) {
                return -1;
            }
            long offset = consumingMsgOrderlyTreeMap.lastKey();
            msgCount.addAndGet(-consumingMsgOrderlyTreeMap.size());
            for (MessageExt msg : consumingMsgOrderlyTreeMap.values()) {
                msgSize.addAndGet(-bodyLength(msg));
            }
            consumingMsgOrderlyTreeMap.clear();
            return offset + 1;
        } finally {
            treeMapLock.writeLock().unlock();
        }
    }

    /** Orderly: puts all taken messages back to be consumed again. */
    public void rollback() {
        treeMapLock.writeLock().lock();
        try {
            msgTreeMap.putAll(consumingMsgOrderlyTreeMap);
            consumingMsgOrderlyTreeMap.clear();
        } finally {
            treeMapLock.writeLock().unlock();
        }
    }

    /** Orderly: puts the given taken messages back to be consumed again. */
    public void makeMessageToConsumeAgain(List<MessageExt> msgs) {
        treeMapLock.writeLock().lock();
        try {
            for (MessageExt msg : msgs) {
                consumingMsgOrderlyTreeMap.remove(msg.getQueueOffset());
                msgTreeMap.put(msg.getQueueOffset(), msg);
            }
        } finally {
            treeMapLock.writeLock().unlock();
        }
    }

    public boolean hasTempMessage() {
        treeMapLock.readLock().lock();
        try {
            return !msgTreeMap.isEmpty();
        } finally {
            treeMapLock.readLock().unlock();
        }
    }

    /** Forgets every held message (used when a queue is reset or dropped). */
    public void clear() {
        treeMapLock.writeLock().lock();
        try {
            msgTreeMap.clear();
            consumingMsgOrderlyTreeMap.clear();
            msgCount.set(0);
            msgSize.set(0);
            queueOffsetMax = 0L;
        } finally {
            treeMapLock.writeLock().unlock();
        }
    }

    /** Fills the running-info report of this queue (GET_CONSUMER_RUNNING_INFO). */
    public void fillProcessQueueInfo(ProcessQueueInfo info) {
        treeMapLock.readLock().lock();
        try {
            if (!msgTreeMap.isEmpty()) {
                info.setCachedMsgMinOffset(msgTreeMap.firstKey());
                info.setCachedMsgMaxOffset(msgTreeMap.lastKey());
                info.setCachedMsgCount(msgTreeMap.size());
                info.setCachedMsgSizeInMiB((int) (msgSize.get() / (1024 * 1024)));
            }
            if (!consumingMsgOrderlyTreeMap.isEmpty()) {
                info.setTransactionMsgMinOffset(consumingMsgOrderlyTreeMap.firstKey());
                info.setTransactionMsgMaxOffset(consumingMsgOrderlyTreeMap.lastKey());
                info.setTransactionMsgCount(consumingMsgOrderlyTreeMap.size());
            }
        } finally {
            treeMapLock.readLock().unlock();
        }
        info.setLocked(locked);
        info.setTryUnlockTimes(tryUnlockTimes.get());
        info.setLastLockTimestamp(lastLockTimestamp);
        info.setDroped(dropped);
        info.setLastPullTimestamp(lastPullTimestamp);
        info.setLastConsumeTimestamp(lastConsumeTimestamp);
    }

    private static long bodyLength(MessageExt msg) {
        return msg.getBody() == null ? 0 : msg.getBody().length;
    }

    public ReentrantLock getConsumeLock() {
        return consumeLock;
    }

    public AtomicLong getMsgCount() {
        return msgCount;
    }

    public AtomicLong getMsgSize() {
        return msgSize;
    }

    public long getMsgAccCnt() {
        return msgAccCnt;
    }

    public boolean isDropped() {
        return dropped;
    }

    public void setDropped(boolean dropped) {
        this.dropped = dropped;
    }

    public boolean isLocked() {
        return locked;
    }

    public void setLocked(boolean locked) {
        this.locked = locked;
    }

    public long getLastLockTimestamp() {
        return lastLockTimestamp;
    }

    public void setLastLockTimestamp(long lastLockTimestamp) {
        this.lastLockTimestamp = lastLockTimestamp;
    }

    public long getLastPullTimestamp() {
        return lastPullTimestamp;
    }

    public void setLastPullTimestamp(long lastPullTimestamp) {
        this.lastPullTimestamp = lastPullTimestamp;
    }

    public long getLastConsumeTimestamp() {
        return lastConsumeTimestamp;
    }

    public void setLastConsumeTimestamp(long lastConsumeTimestamp) {
        this.lastConsumeTimestamp = lastConsumeTimestamp;
    }

    public long getTryUnlockTimes() {
        return tryUnlockTimes.get();
    }

    public void incTryUnlockTimes() {
        tryUnlockTimes.incrementAndGet();
    }

    public boolean isConsuming() {
        return consuming;
    }
}
