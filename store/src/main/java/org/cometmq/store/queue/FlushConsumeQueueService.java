package org.cometmq.store.queue;

import java.time.Clock;
import org.cometmq.common.ServiceThread;
import org.cometmq.store.ThoroughFlushTimer;
import org.cometmq.store.checkpoint.StoreCheckpoint;
import org.cometmq.store.config.MessageStoreConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flushes consume queues every {@code flushIntervalConsumeQueue} ms once {@code flushConsumeQueueLeastPages}
 * pages are dirty, everything every {@code flushConsumeQueueThoroughInterval} ms; a thorough flush also
 * persists the checkpoint with the consume-queue time captured before flushing.
 */
public class FlushConsumeQueueService extends ServiceThread {

    private static final Logger LOG = LoggerFactory.getLogger(FlushConsumeQueueService.class);
    private static final int RETRY_TIMES_OVER = 3;

    private final MessageStoreConfig config;
    private final ConsumeQueueTable consumeQueueTable;
    private final StoreCheckpoint checkpoint;
    private final ThoroughFlushTimer thoroughTimer;

    public FlushConsumeQueueService(MessageStoreConfig config, ConsumeQueueTable consumeQueueTable,
                                    StoreCheckpoint checkpoint, Clock clock) {
        this.config = config;
        this.thoroughTimer = new ThoroughFlushTimer(clock, config::getFlushConsumeQueueThoroughInterval);
        this.consumeQueueTable = consumeQueueTable;
        this.checkpoint = checkpoint;
    }

    @Override
    public String getServiceName() {
        return "FlushConsumeQueueService";
    }

    /** Flushes; {@code thorough} forces everything and persists the checkpoint. */
    public void doFlush(int retryTimes, boolean thorough) {
        int leastPages = thorough ? 0 : config.getFlushConsumeQueueLeastPages();
        long logicsMsgTimestamp = checkpoint.getLogicsMsgTimestamp();
        for (int i = 0; i < retryTimes; i++) {
            if (consumeQueueTable.flush(leastPages)) {
                break;
            }
        }
        if (thorough) {
            if (logicsMsgTimestamp > 0) {
                checkpoint.setLogicsMsgTimestamp(logicsMsgTimestamp);
            }
            checkpoint.flush();
        }
    }

    @Override
    public void run() {
        while (!isStopped()) {
            try {
                waitForRunning(config.getFlushIntervalConsumeQueue());
                doFlush(1, thoroughTimer.thoroughDue());
            } catch (RuntimeException e) {
                LOG.warn("consume-queue flush failed", e);
            }
        }
        doFlush(RETRY_TIMES_OVER, true);
    }

    @Override
    public long getJoinTimeMillis() {
        return 60_000;
    }
}
