package org.cometmq.broker.transaction;

import java.util.function.LongSupplier;
import org.cometmq.common.ServiceThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background thread that runs a {@link TransactionalMessageChecker} round every
 * {@code transactionCheckInterval} (read before each wait, so a changed broker config applies from the next round).
 * A failed round is logged and the next one starts from the last saved progress.
 */
public class TransactionalMessageCheckService extends ServiceThread {
    private static final Logger log = LoggerFactory.getLogger(TransactionalMessageCheckService.class);
    private static final long JOIN_MILLIS = 5_000;

    private final TransactionalMessageChecker checker;
    private final LongSupplier intervalMillis;

    public TransactionalMessageCheckService(TransactionalMessageChecker checker, LongSupplier intervalMillis) {
        this.checker = checker;
        this.intervalMillis = intervalMillis;
    }

    @Override
    public String getServiceName() {
        return "TransactionalMessageCheckService";
    }

    @Override
    public void run() {
        while (!isStopped()) {
            waitForRunning(Math.max(1, intervalMillis.getAsLong()));
            if (isStopped()) {
                break;
            }
            try {
                checker.check();
            } catch (RuntimeException e) {
                log.warn("transaction check round failed; the next round resumes from the saved progress", e);
            }
        }
    }

    @Override
    public long getJoinTimeMillis() {
        return JOIN_MILLIS;
    }
}
