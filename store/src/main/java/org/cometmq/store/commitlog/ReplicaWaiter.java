package org.cometmq.store.commitlog;

import java.util.concurrent.CompletableFuture;
import org.cometmq.store.PutMessageStatus;

/** What a put waits for besides the disk: on a SYNC_MASTER, a slave's acknowledgement of its bytes. */
@FunctionalInterface
public interface ReplicaWaiter {

    /** Never waits: every put counts as replicated. */
    ReplicaWaiter NONE = (nextOffset, waitStoreMsgOK) -> CompletableFuture.completedFuture(PutMessageStatus.PUT_OK);

    /** Completes with PUT_OK, or the replication failure, for a put ending at commit-log offset {@code nextOffset}. */
    CompletableFuture<PutMessageStatus> submitReplicaRequest(long nextOffset, boolean waitStoreMsgOK);
}
