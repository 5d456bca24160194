package org.cometmq.broker.offset;

import java.util.HashMap;
import java.util.Map;
import org.cometmq.store.cleanup.ConsumedOffsetView;

/**
 * The store's view of the groups' committed offsets ({@link ConsumerOffsetManager}'s table, {@code topic@group} to
 * queue offsets), regrouped by topic: what forced cleaning must keep and what lost data is reported against.
 */
public class CommittedOffsetView implements ConsumedOffsetView {
    private final ConsumerOffsetManager offsets;

    public CommittedOffsetView(ConsumerOffsetManager offsets) {
        this.offsets = offsets;
    }

    @Override
    public Map<String, Map<String, Map<Integer, Long>>> committedOffsetsByTopic() {
        Map<String, Map<String, Map<Integer, Long>>> byTopic = new HashMap<>();
        offsets.getOffsetTable().forEach((key, queues) -> {
            int at = key.indexOf(ConsumerOffsetManager.TOPIC_GROUP_SEPARATOR);
            if (at <= 0 || at == key.length() - 1) {
                return;
            }
            byTopic.computeIfAbsent(key.substring(0, at), t -> new HashMap<>())
                .put(key.substring(at + 1), new HashMap<>(queues));
        });
        return byTopic;
    }
}
