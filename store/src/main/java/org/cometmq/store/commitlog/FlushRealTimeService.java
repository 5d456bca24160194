package org.cometmq.store.commitlog;

import java.time.Clock;
import org.cometmq.store.ThoroughFlushTimer;
import org.cometmq.store.checkpoint.StoreCheckpoint;
import org.cometmq.store.config.MessageStoreConfig;
import org.cometmq.store.logfile.MappedFileQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ASYNC_FLUSH: every {@code flushIntervalCommitLog} ms forces the commit log once
 * {@code flushCommitLogLeastPages} pages are dirty, and whatever is dirty every
 * {@code flushCommitLogThoroughInterval} ms; records the flushed store time in the checkpoint.
 */
public class FlushRealTimeService extends FlushCommitLogService {

    private static final Logger LOG = LoggerFactory.getLogger(FlushRealTimeService.class);

    private final MessageStoreConfig config;
    private final MappedFileQueue mappedFileQueue;
    private final StoreCheckpoint checkpoint;
    private final ThoroughFlushTimer thoroughTimer;

    public FlushRealTimeService(MessageStoreConfig config, MappedFileQueue mappedFileQueue, StoreCheckpoint checkpoint,
                                Clock clock) {
        this.config = config;
        this.thoroughTimer = new ThoroughFlushTimer(clock, config::getFlushCommitLogThoroughInterval);
        this.mappedFileQueue = mappedFileQueue;
        this.checkpoint = checkpoint;
    }

    @Override
    public String getServiceName() {
        return "FlushRealTimeService";
    }

    @Override
    public void run() {
        while (!isStopped()) {
            int leastPages = thoroughTimer.thoroughDue() ? 0 : config.getFlushCommitLogLeastPages();
            waitForRunning(config.getFlushIntervalCommitLog());
            try {
                flushOnce(leastPages);
            } catch (RuntimeException e) {
                LOG.warn("commit-log flush failed", e);
            }
        }
        boolean done = false;
        for (int i = 0; i < RETRY_TIMES_OVER && !done; i++) {
            done = mappedFileQueue.flush(0);
        }
        recordCheckpoint();
    }

    private void flushOnce(int leastPages) {
        long begin = System.nanoTime();
        mappedFileQueue.flush(leastPages);
        recordCheckpoint();
        long elapsed = (System.nanoTime() - begin) / 1_000_000;
        if (elapsed > 500) {
            LOG.info("flushing the commit log took {} ms", elapsed);
        }
    }

    private void recordCheckpoint() {
        long storeTimestamp = mappedFileQueue.getStoreTimestamp();
        if (storeTimestamp > 0) {
            checkpoint.setPhysicMsgTimestamp(storeTimestamp);
        }
    }
}
