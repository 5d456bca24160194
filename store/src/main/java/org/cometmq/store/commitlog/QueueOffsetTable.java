package org.cometmq.store.commitlog;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The next queue offset of every {@code topic-queueId}. Read and advanced only under the put lock; replaced
 * wholesale after recovery. Values are mutable cells so an append neither boxes nor rehashes.
 */
public class QueueOffsetTable {

    /** Keys are built once per queue: appends look them up instead of concatenating strings. */
    private static final int MAX_CACHED_TOPICS = 100_000;
    private static final ConcurrentHashMap<String, String[]> KEY_CACHE = new ConcurrentHashMap<>(256);

    private volatile HashMap<String, long[]> table = new HashMap<>(1024);

    /** {@code topic-queueId}, the key format of the 4.x broker. */
    public static String key(String topic, int queueId) {
        if (queueId < 0 || queueId >= 1024) {
            return topic + '-' + queueId;
        }
        String[] keys = KEY_CACHE.get(topic);
        if (keys == null || keys.length <= queueId || keys[queueId] == null) {
            if (KEY_CACHE.size() >= MAX_CACHED_TOPICS) {
                return topic + '-' + queueId;
            }
            keys = KEY_CACHE.compute(topic, (t, old) -> {
                String[] grown = old == null ? new String[Math.max(16, queueId + 1)]
                    : old.length > queueId ? old.clone() : Arrays.copyOf(old, Math.max(old.length * 2, queueId + 1));
                grown[queueId] = t + '-' + queueId;
                return grown;
            });
        }
        return keys[queueId];
    }

    /** The next offset of {@code key}, 0 for a new queue. Caller holds the put lock. */
    public long current(String key) {
        long[] cell = table.get(key);
        return cell == null ? 0 : cell[0];
    }

    /** Advances {@code key} by {@code count}. Caller holds the put lock. */
    public void advance(String key, long count) {
        long[] cell = table.computeIfAbsent(key, k -> new long[1]);
        cell[0] += count;
    }

    /** Replaces the table (after recovery, from the consume queues' max offsets). */
    public synchronized void reset(Map<String, Long> offsets) {
        HashMap<String, long[]> fresh = new HashMap<>(Math.max(1024, offsets.size() * 2));
        offsets.forEach((k, v) -> fresh.put(k, new long[] {v}));
        table = fresh;
    }

    /** Forgets a queue (topic deleted). Caller holds the put lock. */
    public void remove(String key) {
        table.remove(key);
    }

    /** A copy of the table. */
    public synchronized Map<String, Long> snapshot() {
        Map<String, Long> copy = new HashMap<>(table.size() * 2);
        table.forEach((k, v) -> copy.put(k, v[0]));
        return copy;
    }
}
