package org.cometmq.store.cleanup;

import java.util.Map;

/**
 * How far each consumer group has consumed, as the broker knows it: the store asks before deleting data, so that
 * forced cleaning keeps what a group still needs and any unconsumed data that does go is reported by group. The
 * broker supplies it ({@code DefaultMessageStore#setConsumedOffsetView}); the store does not depend on the broker.
 */
@FunctionalInterface
public interface ConsumedOffsetView {

    /** No group known: nothing is protected, nothing reported. */
    ConsumedOffsetView NONE = Map::of;

    /**
     * A snapshot: topic to group to queue id to the group's committed offset (the next offset it consumes), for
     * every group that has committed an offset.
     */
    Map<String, Map<String, Map<Integer, Long>>> committedOffsetsByTopic();
}
