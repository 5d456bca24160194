package org.cometmq.store.commitlog;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cometmq.store.AppendMessageResult;
import org.cometmq.store.PutMessageStatus;
import org.cometmq.store.checkpoint.StoreCheckpoint;
import org.cometmq.store.config.FlushDiskType;
import org.cometmq.store.config.MessageStoreConfig;
import org.cometmq.store.logfile.MappedFileQueue;

/**
 * The flush policy of the commit log: group commit under SYNC_FLUSH, a periodic flusher under ASYNC_FLUSH, plus
 * the commit service when a transient store pool is in use. Tells each put when its data counts as stored.
 */
public class CommitLogFlusher {

    private static final CompletableFuture<PutMessageStatus> PUT_OK = CompletableFuture.completedFuture(PutMessageStatus.PUT_OK);

    private final MessageStoreConfig config;
    private final FlushCommitLogService flushService;
    private final GroupCommitService groupCommitService;
    private final CommitRealTimeService commitService;

    public CommitLogFlusher(MessageStoreConfig config, MappedFileQueue mappedFileQueue, StoreCheckpoint checkpoint,
                            boolean transientPoolInUse, Clock clock) {
        this.config = config;
        if (config.getFlushDiskType() == FlushDiskType.SYNC_FLUSH) {
            this.groupCommitService = new GroupCommitService(mappedFileQueue, checkpoint);
            this.flushService = groupCommitService;
        } else {
            this.groupCommitService = null;
            this.flushService = new FlushRealTimeService(config, mappedFileQueue, checkpoint, clock);
        }
        this.commitService = transientPoolInUse ? new CommitRealTimeService(config, mappedFileQueue, flushService, clock)
            : null;
    }

    public void start() {
        flushService.start();
        if (commitService != null) {
            commitService.start();
        }
    }

    /** Stops committing first, then flushing, so the last bytes are forced. */
    public void shutdown() {
        if (commitService != null) {
            commitService.shutdown();
        }
        flushService.shutdown();
    }

    /**
     * Completes when the put counts as stored: at once under ASYNC_FLUSH (or when the producer does not wait),
     * after its bytes are forced under SYNC_FLUSH, or with FLUSH_DISK_TIMEOUT after {@code syncFlushTimeout}.
     */
    public CompletableFuture<PutMessageStatus> handleDiskFlush(AppendMessageResult result, boolean waitStoreMsgOK) {
        if (groupCommitService != null) {
            if (!waitStoreMsgOK) {
                groupCommitService.wakeup();
                return PUT_OK;
            }
            GroupCommitRequest request = new GroupCommitRequest(result.getWroteOffset() + result.getWroteBytes());
            groupCommitService.putRequest(request);
            return request.future().completeOnTimeout(PutMessageStatus.FLUSH_DISK_TIMEOUT,
                config.getSyncFlushTimeout(), TimeUnit.MILLISECONDS);
        }
        if (commitService != null) {
            commitService.wakeup();
        } else if (!config.isFlushCommitLogTimed()) {
            flushService.wakeup();
        }
        return PUT_OK;
    }

    /** Wakes the flusher (after a batch of appends that must reach the disk soon). */
    public void wakeup() {
        flushService.wakeup();
        if (commitService != null) {
            commitService.wakeup();
        }
    }
}
