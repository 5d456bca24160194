package org.cometmq.broker.metrics;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The next offset each group will pull per queue (RocketMQ 5's pull offset), recorded by every pull that found
 * messages. Messages between the committed offset and this one are in flight at the consumer; those after it
 * are ready on the broker. Recording a pull of a queue seen before allocates nothing.
 */
final class PullOffsets {
    private final TopicGroupTable<ConcurrentMap<Integer, AtomicLong>> table = new TopicGroupTable<>();

    void record(String group, String topic, int queueId, long nextOffset) {
        ConcurrentMap<Integer, AtomicLong> queues = table.get(topic, group, (t, g) -> new ConcurrentHashMap<>());
        AtomicLong offset = queues.get(queueId);
        if (offset == null) {
            // -1 until set, so a reader in between sees "not pulled" rather than offset 0
            offset = queues.computeIfAbsent(queueId, q -> new AtomicLong(-1));
        }
        // the latest pull wins, so an offset reset backwards shows at the next pull
        offset.set(nextOffset);
    }

    /** The next offset {@code group} pulls from the queue, or -1 when it has not pulled since start. */
    long get(String group, String topic, int queueId) {
        ConcurrentMap<Integer, AtomicLong> queues = table.get(topic, group);
        AtomicLong offset = queues == null ? null : queues.get(queueId);
        return offset == null ? -1 : offset.get();
    }
}
