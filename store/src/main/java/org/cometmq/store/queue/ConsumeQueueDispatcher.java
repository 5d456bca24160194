package org.cometmq.store.queue;

import org.cometmq.store.CommitLogDispatcher;
import org.cometmq.store.DispatchRequest;
import org.cometmq.store.RunningFlags;
import org.cometmq.store.checkpoint.StoreCheckpoint;
import org.cometmq.store.commitlog.CommitLogRecordParser;
import org.cometmq.store.logfile.DiskSpaceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds consume-queue entries from dispatched records (not half or rollback transaction records). */
public class ConsumeQueueDispatcher implements CommitLogDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumeQueueDispatcher.class);

    private final ConsumeQueueTable consumeQueueTable;
    private final StoreCheckpoint checkpoint;
    private final RunningFlags runningFlags;

    public ConsumeQueueDispatcher(ConsumeQueueTable consumeQueueTable, StoreCheckpoint checkpoint, RunningFlags runningFlags) {
        this.consumeQueueTable = consumeQueueTable;
        this.checkpoint = checkpoint;
        this.runningFlags = runningFlags;
    }

    @Override
    public void dispatch(DispatchRequest request) {
        if (!CommitLogRecordParser.isDispatchedToConsumeQueue(request.getSysFlag())) {
            return;
        }
        ConsumeQueue queue = consumeQueueTable.findOrCreate(request.getTopic(), request.getQueueId());
        boolean ok;
        try {
            ok = queue.putMessagePositionInfo(request.getCommitLogOffset(), request.getMsgSize(),
                request.getTagsCode(), request.getConsumeQueueOffset());
        } catch (DiskSpaceException e) {
            // Not an error of the queue: dispatch retries this record once space is freed, writes wait meanwhile.
            runningFlags.getAndMakeDiskFull();
            throw e;
        }
        if (ok) {
            checkpoint.setLogicsMsgTimestamp(request.getStoreTimestamp());
        } else {
            runningFlags.makeLogicsQueueError();
            LOG.error("writing the consume queue {}-{} failed at queue offset {}: writes are now refused; check the "
                + "disk and restart", request.getTopic(), request.getQueueId(), request.getConsumeQueueOffset());
        }
    }
}
