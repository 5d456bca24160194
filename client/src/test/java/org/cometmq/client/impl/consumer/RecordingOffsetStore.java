package org.cometmq.client.impl.consumer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cometmq.client.consumer.store.OffsetStore;
import org.cometmq.client.consumer.store.ReadOffsetType;
import org.cometmq.common.message.MessageQueue;

/** An in-memory offset store that records what was persisted and removed, in order. */
class RecordingOffsetStore implements OffsetStore {
    final Map<MessageQueue, Long> memory = new HashMap<>();
    /** What READ_FROM_STORE answers per queue; absent means -1 (no committed offset). */
    final Map<MessageQueue, Long> store = new HashMap<>();
    final List<String> events = new ArrayList<>();

    @Override
    public void load() {
    }

    @Override
    public synchronized void updateOffset(MessageQueue mq, long offset, boolean increaseOnly) {
        Long current = memory.get(mq);
        if (!increaseOnly || current == null || offset > current) {
            memory.put(mq, offset);
        }
    }

    @Override
    public synchronized long readOffset(MessageQueue mq, ReadOffsetType type) {
        if (type != ReadOffsetType.READ_FROM_STORE && memory.containsKey(mq)) {
            return memory.get(mq);
        }
        if (type == ReadOffsetType.READ_FROM_MEMORY) {
            return -1;
        }
        return store.getOrDefault(mq, -1L);
    }

    @Override
    public synchronized void persistAll(Set<MessageQueue> mqs) {
        for (MessageQueue mq : mqs) {
            persist(mq);
        }
    }

    @Override
    public synchronized void persist(MessageQueue mq) {
        Long offset = memory.get(mq);
        if (offset != null) {
            store.put(mq, offset);
            events.add("persist " + mq.getQueueId() + "@" + offset);
        }
    }

    @Override
    public synchronized void removeOffset(MessageQueue mq) {
        if (memory.remove(mq) != null) {
            events.add("remove " + mq.getQueueId());
        }
    }

    @Override
    public Map<MessageQueue, Long> cloneOffsetTable(String topic) {
        return new HashMap<>(memory);
    }

    @Override
    public void updateConsumeOffsetToBroker(MessageQueue mq, long offset, boolean isOneway) {
    }
}
