package org.cometmq.store.commitlog;

import java.util.concurrent.CompletableFuture;
import org.cometmq.store.PutMessageStatus;

/** A SYNC_FLUSH put waiting until the commit log is flushed past {@code nextOffset}. */
public class GroupCommitRequest {

    private final long nextOffset;
    private final CompletableFuture<PutMessageStatus> flushOKFuture = new CompletableFuture<>();

    public GroupCommitRequest(long nextOffset) {
        this.nextOffset = nextOffset;
    }

    /** Commit-log offset one past the put's last byte. */
    public long getNextOffset() {
        return nextOffset;
    }

    public void wakeupCustomer(PutMessageStatus status) {
        flushOKFuture.complete(status);
    }

    public CompletableFuture<PutMessageStatus> future() {
        return flushOKFuture;
    }
}
