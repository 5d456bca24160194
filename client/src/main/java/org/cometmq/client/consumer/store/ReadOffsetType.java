package org.cometmq.client.consumer.store;

/** Where {@link OffsetStore#readOffset} looks for a queue's committed offset. */
public enum ReadOffsetType {
    /** Only the in-memory table; -1 when absent. */
    READ_FROM_MEMORY,
    /** The backing store (broker or local file), refreshing the memory copy. */
    READ_FROM_STORE,
    /** Memory, falling back to the store. */
    MEMORY_FIRST_THEN_STORE
}
