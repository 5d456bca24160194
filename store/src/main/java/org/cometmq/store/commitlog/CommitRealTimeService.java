package org.cometmq.store.commitlog;

import java.time.Clock;
import org.cometmq.store.ThoroughFlushTimer;
import org.cometmq.store.config.MessageStoreConfig;
import org.cometmq.store.logfile.MappedFileQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transient store pool: every {@code commitIntervalCommitLog} ms copies appended bytes from the pooled direct
 * buffers to the file channel ({@code commitCommitLogLeastPages} at least, or all every
 * {@code commitCommitLogThoroughInterval} ms), then wakes the flush service.
 */
public class CommitRealTimeService extends FlushCommitLogService {

    private static final Logger LOG = LoggerFactory.getLogger(CommitRealTimeService.class);

    private final MessageStoreConfig config;
    private final MappedFileQueue mappedFileQueue;
    private final FlushCommitLogService flushService;
    private final ThoroughFlushTimer thoroughTimer;

    public CommitRealTimeService(MessageStoreConfig config, MappedFileQueue mappedFileQueue,
                                 FlushCommitLogService flushService, Clock clock) {
        this.config = config;
        this.thoroughTimer = new ThoroughFlushTimer(clock, config::getCommitCommitLogThoroughInterval);
        this.mappedFileQueue = mappedFileQueue;
        this.flushService = flushService;
    }

    @Override
    public String getServiceName() {
        return "CommitRealTimeService";
    }

    @Override
    public void run() {
        while (!isStopped()) {
            int leastPages = thoroughTimer.thoroughDue() ? 0 : config.getCommitCommitLogLeastPages();
            try {
                boolean unchanged = mappedFileQueue.commit(leastPages);
                if (!unchanged) {
                    thoroughTimer.restart();
                    flushService.wakeup();
                }
                waitForRunning(config.getCommitIntervalCommitLog());
            } catch (RuntimeException e) {
                LOG.warn("commit-log commit failed", e);
            }
        }
        boolean done = false;
        for (int i = 0; i < RETRY_TIMES_OVER && !done; i++) {
            done = mappedFileQueue.commit(0);
        }
    }
}
