package org.cometmq.broker.metrics;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cometmq.broker.offset.ConsumerOffsetManager;
import org.cometmq.store.MessageStore;

/**
 * Computes {@link ConsumerLag} for every group and topic in the consumer offset table, reading the committed
 * offsets, the store's max offsets and message timestamps, and the pull offsets. Runs only when scraped.
 */
final class ConsumerLagCalculator {
    private final ConsumerOffsetManager offsets;
    private final MessageStore store;
    private final PullOffsets pullOffsets;
    private final Clock clock;

    ConsumerLagCalculator(ConsumerOffsetManager offsets, MessageStore store, PullOffsets pullOffsets, Clock clock) {
        this.offsets = offsets;
        this.store = store;
        this.pullOffsets = pullOffsets;
        this.clock = clock;
    }

    List<ConsumerLag> calculate() {
        List<ConsumerLag> result = new ArrayList<>();
        long now = clock.millis();
        for (Map.Entry<String, ? extends Map<Integer, Long>> entry : offsets.getOffsetTable().entrySet()) {
            String key = entry.getKey();
            int at = key.lastIndexOf(ConsumerOffsetManager.TOPIC_GROUP_SEPARATOR);
            if (at <= 0) {
                continue;
            }
            result.add(calculate(key.substring(at + 1), key.substring(0, at), entry.getValue(), now));
        }
        return result;
    }

    private ConsumerLag calculate(String group, String topic, Map<Integer, Long> committedByQueue, long now) {
        long lag = 0;
        long inflight = 0;
        long ready = 0;
        long oldestUnconsumed = Long.MAX_VALUE;
        long oldestUnpulled = Long.MAX_VALUE;
        for (Map.Entry<Integer, Long> queue : committedByQueue.entrySet()) {
            int queueId = queue.getKey();
            long max = store.getMaxOffsetInQueue(topic, queueId);
            long committed = Math.min(queue.getValue(), max);
            long pulled = Math.min(Math.max(pullOffsets.get(group, topic, queueId), committed), max);
            lag += max - committed;
            inflight += pulled - committed;
            ready += max - pulled;
            if (max > committed) {
                oldestUnconsumed = Math.min(oldestUnconsumed, storeTime(topic, queueId, committed));
            }
            if (max > pulled) {
                oldestUnpulled = Math.min(oldestUnpulled, storeTime(topic, queueId, pulled));
            }
        }
        return new ConsumerLag(group, topic, lag, age(now, oldestUnconsumed), inflight, ready,
            age(now, oldestUnpulled));
    }

    /** The store time of the message at {@code offset}, or MAX_VALUE when it cannot be read (expired, not yet). */
    private long storeTime(String topic, int queueId, long offset) {
        long timestamp = store.getMessageStoreTimeStamp(topic, queueId, offset);
        return timestamp > 0 ? timestamp : Long.MAX_VALUE;
    }

    private static long age(long now, long timestamp) {
        return timestamp == Long.MAX_VALUE ? 0 : Math.max(0, now - timestamp);
    }
}
