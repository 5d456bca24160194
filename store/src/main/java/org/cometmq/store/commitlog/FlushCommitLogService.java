package org.cometmq.store.commitlog;

import org.cometmq.common.ServiceThread;

/** Base of the background services that move commit-log data towards the disk. */
public abstract class FlushCommitLogService extends ServiceThread {

    /** Final flush attempts made when the service stops. */
    protected static final int RETRY_TIMES_OVER = 10;

    @Override
    public long getJoinTimeMillis() {
        return 10_000;
    }
}
