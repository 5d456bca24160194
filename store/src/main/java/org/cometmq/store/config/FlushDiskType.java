package org.cometmq.store.config;

/** When an append is acknowledged relative to its data reaching the disk. */
public enum FlushDiskType {
    /** The put completes only after the data is forced to disk (group commit). */
    SYNC_FLUSH,
    /** The put completes once the data is in the page cache; a background thread flushes it. */
    ASYNC_FLUSH
}
