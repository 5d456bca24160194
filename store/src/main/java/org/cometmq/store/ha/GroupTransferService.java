package org.cometmq.store.ha;

import java.time.Clock;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.cometmq.common.ServiceThread;
import org.cometmq.store.PutMessageStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SYNC_MASTER puts waiting for a slave: each waits until some slave has acknowledged its end offset (PUT_OK) or
 * its deadline on the store clock passes (FLUSH_SLAVE_TIMEOUT). The service wakes on every acknowledgement and at
 * least every 10 ms; no put thread blocks.
 */
final class GroupTransferService extends ServiceThread {

    private static final Logger LOG = LoggerFactory.getLogger(GroupTransferService.class);
    private static final long CHECK_MILLIS = 10;

    private final AtomicLong acknowledged;
    private final Clock clock;
    private final ConcurrentLinkedQueue<Request> pending = new ConcurrentLinkedQueue<>();

    GroupTransferService(AtomicLong acknowledged, Clock clock) {
        this.acknowledged = acknowledged;
        this.clock = clock;
        setDaemon(true);
    }

    @Override
    public String getServiceName() {
        return "GroupTransferService";
    }

    /** Completes when a slave holds the commit log up to {@code nextOffset}, or after {@code timeoutMillis}. */
    CompletableFuture<PutMessageStatus> waitFor(long nextOffset, long timeoutMillis) {
        Request request = new Request(nextOffset, clock.millis() + timeoutMillis);
        if (isStopped()) {
            request.future.complete(PutMessageStatus.FLUSH_SLAVE_TIMEOUT);
            return request.future;
        }
        pending.add(request);
        wakeup();
        return request.future;
    }

    @Override
    public void run() {
        while (!isStopped()) {
            try {
                waitForRunning(CHECK_MILLIS);
                completeDue(false);
            } catch (RuntimeException e) {
                LOG.warn("checking slave acknowledgements failed", e);
            }
        }
        completeDue(true);
    }

    private void completeDue(boolean stopping) {
        long acked = acknowledged.get();
        long now = clock.millis();
        int timedOut = 0;
        for (Iterator<Request> it = pending.iterator(); it.hasNext(); ) {
            Request request = it.next();
            if (acked >= request.nextOffset) {
                request.future.complete(PutMessageStatus.PUT_OK);
                it.remove();
            } else if (stopping || now >= request.deadline) {
                timedOut++;
                request.future.complete(PutMessageStatus.FLUSH_SLAVE_TIMEOUT);
                it.remove();
            }
        }
        if (timedOut > 0) {
            LOG.warn("{} puts answered FLUSH_SLAVE_TIMEOUT: no slave acknowledged them in time (acknowledged up to {})",
                timedOut, acked);
        }
    }

    private static final class Request {
        final long nextOffset;
        final long deadline;
        final CompletableFuture<PutMessageStatus> future = new CompletableFuture<>();

        Request(long nextOffset, long deadline) {
            this.nextOffset = nextOffset;
            this.deadline = deadline;
        }
    }
}
