package org.cometmq.client.consumer.store;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.cometmq.common.MixAll;
import org.cometmq.common.message.MessageQueue;

/**
 * The in-memory half both offset stores share: the table of next offsets per queue and the memory-first read.
 * Subclasses say where offsets are persisted and how a stored one is read back.
 */
abstract class AbstractOffsetStore implements OffsetStore {
    protected final String groupName;
    protected final ConcurrentMap<MessageQueue, AtomicLong> offsetTable = new ConcurrentHashMap<>();

    AbstractOffsetStore(String groupName) {
        this.groupName = groupName;
    }

    @Override
    public void updateOffset(MessageQueue mq, long offset, boolean increaseOnly) {
        if (mq == null) {
            return;
        }
        AtomicLong current = offsetTable.computeIfAbsent(mq, k -> new AtomicLong(offset));
        if (increaseOnly) {
            MixAll.compareAndIncreaseOnly(current, offset);
        } else {
            current.set(offset);
        }
    }

    @Override
    public long readOffset(MessageQueue mq, ReadOffsetType type) {
        if (mq == null) {
            return -1;
        }
        if (type != ReadOffsetType.READ_FROM_STORE) {
            AtomicLong offset = offsetTable.get(mq);
            if (offset != null) {
                return offset.get();
            }
            if (type == ReadOffsetType.READ_FROM_MEMORY) {
                return -1;
            }
        }
        return readStoredOffset(mq);
    }

    /**
     * The persisted offset of {@code mq}, also taken into memory when found; -1 when none is stored, -2 when the
     * store could not be asked.
     */
    protected abstract long readStoredOffset(MessageQueue mq);

    @Override
    public Map<MessageQueue, Long> cloneOffsetTable(String topic) {
        Map<MessageQueue, Long> copy = new HashMap<>();
        for (Map.Entry<MessageQueue, AtomicLong> entry : offsetTable.entrySet()) {
            if (topic == null || topic.isEmpty() || topic.equals(entry.getKey().getTopic())) {
                copy.put(entry.getKey(), entry.getValue().get());
            }
        }
        return copy;
    }
}
