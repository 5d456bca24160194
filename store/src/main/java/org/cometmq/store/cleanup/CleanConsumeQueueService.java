package org.cometmq.store.cleanup;

import org.cometmq.store.commitlog.CommitLog;
import org.cometmq.store.index.IndexService;
import org.cometmq.store.queue.ConsumeQueueTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After commit-log files are deleted: deletes consume-queue and index files that only refer to deleted data and
 * moves each queue's min offset to its first message still stored.
 */
public class CleanConsumeQueueService {

    private static final Logger LOG = LoggerFactory.getLogger(CleanConsumeQueueService.class);

    private final CommitLog commitLog;
    private final ConsumeQueueTable consumeQueueTable;
    private final IndexService indexService;
    private long lastPhysicalMinOffset = 0;

    public CleanConsumeQueueService(CommitLog commitLog, ConsumeQueueTable consumeQueueTable, IndexService indexService) {
        this.commitLog = commitLog;
        this.consumeQueueTable = consumeQueueTable;
        this.indexService = indexService;
    }

    public void run() {
        try {
            long minOffset = commitLog.getMinOffset();
            if (minOffset > lastPhysicalMinOffset) {
                lastPhysicalMinOffset = minOffset;
                int deleted = consumeQueueTable.deleteExpiredFiles(minOffset);
                indexService.deleteExpiredFile(minOffset);
                LOG.info("commit log now starts at {}: deleted {} consume-queue files", minOffset, deleted);
            }
        } catch (RuntimeException e) {
            LOG.warn("consume-queue cleaning failed", e);
        }
    }
}
