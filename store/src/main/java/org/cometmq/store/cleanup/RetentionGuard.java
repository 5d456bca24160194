package org.cometmq.store.cleanup;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.cometmq.common.topic.TopicValidator;
import org.cometmq.store.SelectMappedBufferResult;
import org.cometmq.store.queue.ConsumeQueue;
import org.cometmq.store.queue.ConsumeQueueTable;

/**
 * Finds the oldest stored message some consumer still needs: for each group with committed offsets on a topic, the
 * first entry at or after its offset in each of the topic's queues (a queue the group has no offset for counts from
 * its start); the delayed-delivery service counts as a group of {@code SCHEDULE_TOPIC_XXXX}. A commit-log file that
 * ends at or below that message's offset holds nothing any group has yet to consume.
 */
public class RetentionGuard {

    /** The name the delayed-delivery service goes by in {@link Need}. */
    public static final String DELAY_SERVICE_GROUP = "(delayed delivery)";

    /** The position of {@code group} in a queue, and where the message there sits in the commit log. */
    public record Need(String group, String topic, int queueId, long queueOffset, long phyOffset) {
    }

    private final ConsumeQueueTable queues;
    private final Supplier<Map<Integer, Long>> delayLevelOffsets;
    private volatile ConsumedOffsetView view = ConsumedOffsetView.NONE;

    /** {@code delayLevelOffsets}: delay level to the next offset the delayed-delivery service delivers. */
    public RetentionGuard(ConsumeQueueTable queues, Supplier<Map<Integer, Long>> delayLevelOffsets) {
        this.queues = queues;
        this.delayLevelOffsets = delayLevelOffsets;
    }

    public void setView(ConsumedOffsetView view) {
        this.view = view == null ? ConsumedOffsetView.NONE : view;
    }

    /** Committed offsets by topic, group and queue, the delayed-delivery service included. */
    public Map<String, Map<String, Map<Integer, Long>>> committedOffsets() {
        Map<String, Map<String, Map<Integer, Long>>> offsets = new HashMap<>(view.committedOffsetsByTopic());
        Map<Integer, Long> delay = new HashMap<>();
        delayLevelOffsets.get().forEach((level, offset) -> delay.put(level - 1, offset));
        if (!delay.isEmpty()) {
            Map<String, Map<Integer, Long>> groups = new HashMap<>(
                offsets.getOrDefault(TopicValidator.RMQ_SYS_SCHEDULE_TOPIC, Map.of()));
            groups.put(DELAY_SERVICE_GROUP, delay);
            offsets.put(TopicValidator.RMQ_SYS_SCHEDULE_TOPIC, groups);
        }
        return offsets;
    }

    /** The needed message with the lowest commit-log offset, or {@code null} when no group needs stored data. */
    public Need lowestNeed() {
        Need lowest = null;
        for (Map.Entry<String, Map<String, Map<Integer, Long>>> topic : committedOffsets().entrySet()) {
            ConcurrentMap<Integer, ConsumeQueue> topicQueues = queues.getTable().get(topic.getKey());
            if (topicQueues == null) {
                continue;
            }
            for (ConsumeQueue queue : topicQueues.values()) {
                for (Map.Entry<String, Map<Integer, Long>> group : topic.getValue().entrySet()) {
                    long committed = group.getValue().getOrDefault(queue.getQueueId(), 0L);
                    Need need = need(queue, group.getKey(), committed);
                    if (need != null && (lowest == null || need.phyOffset() < lowest.phyOffset())) {
                        lowest = need;
                    }
                }
            }
        }
        return lowest;
    }

    private static Need need(ConsumeQueue queue, String group, long committed) {
        long from = Math.max(committed, queue.getMinOffsetInQueue());
        if (from >= queue.getMaxOffsetInQueue()) {
            return null;
        }
        SelectMappedBufferResult entry = queue.getIndexBuffer(from);
        if (entry == null) {
            // unreadable entry: keep everything rather than guess
            return new Need(group, queue.getTopic(), queue.getQueueId(), from, 0L);
        }
        try {
            return new Need(group, queue.getTopic(), queue.getQueueId(), from, entry.getByteBuffer().getLong(0));
        } finally {
            entry.release();
        }
    }
}
