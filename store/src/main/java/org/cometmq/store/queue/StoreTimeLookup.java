package org.cometmq.store.queue;

/** Reads the store time of a commit-log record; lets consume queues search by time without the commit log. */
public interface StoreTimeLookup {

    /** Store time of the {@code size}-byte record at {@code offset}, or -1 when it is no longer stored. */
    long pickupStoreTimestamp(long offset, int size);

    /** First commit-log offset still stored. */
    long getMinOffset();
}
