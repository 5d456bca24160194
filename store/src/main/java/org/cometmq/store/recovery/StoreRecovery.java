package org.cometmq.store.recovery;

import org.cometmq.store.checkpoint.StoreCheckpoint;
import org.cometmq.store.commitlog.CommitLog;
import org.cometmq.store.commitlog.CommitLogRecordParser;
import org.cometmq.store.config.MessageStoreConfig;
import org.cometmq.store.index.IndexService;
import org.cometmq.store.queue.ConsumeQueueTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings commit log, consume queues and index back into agreement at start-up: recovers the consume queues,
 * then the commit log, cuts queues and index files that refer past the commit log's end, and computes the
 * commit-log offset from which dispatch must replay so queues and index cover every record. Replaying is
 * harmless: queues and index skip what they already hold.
 */
public class StoreRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(StoreRecovery.class);

    private final MessageStoreConfig config;
    private final CommitLog commitLog;
    private final ConsumeQueueTable consumeQueueTable;
    private final IndexService indexService;
    private final StoreCheckpoint checkpoint;
    private final CommitLogRecordParser parser;

    public StoreRecovery(MessageStoreConfig config, CommitLog commitLog, ConsumeQueueTable consumeQueueTable,
                         IndexService indexService, StoreCheckpoint checkpoint, CommitLogRecordParser parser) {
        this.config = config;
        this.commitLog = commitLog;
        this.consumeQueueTable = consumeQueueTable;
        this.indexService = indexService;
        this.checkpoint = checkpoint;
        this.parser = parser;
    }

    /**
     * Recovers everything; returns the commit-log offset dispatch must start from.
     *
     * @param lastExitOK true when the previous run shut down cleanly (no abort file)
     */
    public long recover(boolean lastExitOK) {
        long maxPhyOffsetOfConsumeQueue = consumeQueueTable.recover(config.getRecoverLastFileCount());
        CommitLogRecovery recovery = new CommitLogRecovery(config, commitLog.getMappedFileQueue(), parser, checkpoint);
        long commitLogEnd = lastExitOK ? recovery.recoverNormally() : recovery.recoverAbnormally();
        if (maxPhyOffsetOfConsumeQueue > commitLogEnd) {
            LOG.warn("consume queues refer up to {} beyond the commit-log end {}; truncating them",
                maxPhyOffsetOfConsumeQueue, commitLogEnd);
            consumeQueueTable.truncateDirty(commitLogEnd);
        }
        long commitLogMin = Math.max(commitLog.getMinOffset(), 0);
        long dispatchFrom = consumeQueueTable.getMaxPhysicOffset();
        if (dispatchFrom < 0) {
            dispatchFrom = commitLogMin;
        }
        if (!lastExitOK) {
            dispatchFrom = Math.min(dispatchFrom, recovery.getWalkStartOffset());
        }
        if (config.isMessageIndexEnable()) {
            dispatchFrom = Math.min(dispatchFrom, indexService.truncateBeyond(commitLogEnd, commitLogMin));
        }
        dispatchFrom = Math.min(Math.max(dispatchFrom, commitLogMin), commitLogEnd);
        LOG.info("recovery done ({} exit): commit log ends at {}, dispatch replays from {}",
            lastExitOK ? "clean" : "abnormal", commitLogEnd, dispatchFrom);
        return dispatchFrom;
    }
}
