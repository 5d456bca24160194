package org.cometmq.broker.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The next offset each group will pull per queue (RocketMQ 5's pull offset), recorded by every pull that found
 * messages. Messages between the committed offset and this one are in flight at the consumer; those after it
 * are ready on the broker.
 */
final class PullOffsets {
    private final ConcurrentMap<String, ConcurrentMap<Integer, Long>> table = new ConcurrentHashMap<>();

    void record(String group, String topic, int queueId, long nextOffset) {
        // the latest pull wins, so an offset reset backwards shows at the next pull
        table.computeIfAbsent(topic + '@' + group, k -> new ConcurrentHashMap<>()).put(queueId, nextOffset);
    }

    /** The next offset {@code group} pulls from the queue, or -1 when it has not pulled since start. */
    long get(String group, String topic, int queueId) {
        Map<Integer, Long> queues = table.get(topic + '@' + group);
        Long offset = queues == null ? null : queues.get(queueId);
        return offset == null ? -1 : offset;
    }
}
