package org.cometmq.store.commitlog;

import org.cometmq.store.queue.StoreTimeLookup;

/** Store-time lookups for consume queues, answered by the commit log. */
public class CommitLogTimeLookup implements StoreTimeLookup {

    private final CommitLog commitLog;

    public CommitLogTimeLookup(CommitLog commitLog) {
        this.commitLog = commitLog;
    }

    @Override
    public long pickupStoreTimestamp(long offset, int size) {
        return commitLog.pickupStoreTimestamp(offset, size);
    }

    @Override
    public long getMinOffset() {
        return commitLog.getMinOffset();
    }
}
