package org.cometmq.store;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.cometmq.common.message.MessageExtBatch;
import org.cometmq.common.sysflag.MessageSysFlag;
import org.cometmq.store.cleanup.CleanCommitLogService;
import org.cometmq.store.config.BrokerRole;
import org.cometmq.store.config.MessageStoreConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a put may enter the commit log (store state, disk space, page-cache pressure, message
 * limits), logs refusals with their reason (rate limited), and records put stats and latency.
 */
final class StorePutGuard {

    private static final Logger LOG = LoggerFactory.getLogger(StorePutGuard.class);
    private static final long SLOW_PUT_MILLIS = 500;
    private static final int REFUSAL_LOG_EVERY = 10_000;

    private final MessageStoreConfig config;
    private final RunningFlags runningFlags;
    private final StoreStatsService stats;
    private final CleanCommitLogService diskWatcher;
    private final BooleanSupplier pageCacheBusy;
    private final AtomicLong refusals = new AtomicLong();

    StorePutGuard(MessageStoreConfig config, RunningFlags runningFlags, StoreStatsService stats,
                  CleanCommitLogService diskWatcher, BooleanSupplier pageCacheBusy) {
        this.config = config;
        this.runningFlags = runningFlags;
        this.stats = stats;
        this.diskWatcher = diskWatcher;
        this.pageCacheBusy = pageCacheBusy;
    }

    /** Why a message cannot be put now, or {@code null}. */
    PutMessageStatus check(boolean shutdown, String topic, String propertiesString) {
        PutMessageStatus status = checkStoreStatus(shutdown);
        if (status != null) {
            return status;
        }
        if (topic == null || topic.length() > Byte.MAX_VALUE) {
            LOG.warn("refusing a message: topic is missing or longer than {} characters", Byte.MAX_VALUE);
            return PutMessageStatus.MESSAGE_ILLEGAL;
        }
        if (propertiesString != null && propertiesString.length() > Short.MAX_VALUE) {
            LOG.warn("refusing a message for topic {}: properties string of {} characters exceeds {}", topic,
                propertiesString.length(), Short.MAX_VALUE);
            return PutMessageStatus.PROPERTIES_SIZE_EXCEEDED;
        }
        return null;
    }

    /** As {@link #check}, and batches may be neither delayed nor transactional. */
    PutMessageStatus checkBatch(boolean shutdown, MessageExtBatch batch) {
        PutMessageStatus status = check(shutdown, batch.getTopic(), null);
        if (status == null && (batch.getDelayTimeLevel() > 0
            || MessageSysFlag.getTransactionValue(batch.getSysFlag()) != MessageSysFlag.TRANSACTION_NOT_TYPE)) {
            LOG.warn("refusing a batch for topic {}: batches cannot be delayed or transactional", batch.getTopic());
            status = PutMessageStatus.MESSAGE_ILLEGAL;
        }
        return status;
    }

    private PutMessageStatus checkStoreStatus(boolean shutdown) {
        if (shutdown) {
            logRefusal("the store is shut down");
            return PutMessageStatus.SERVICE_NOT_AVAILABLE;
        }
        if (config.getBrokerRole() == BrokerRole.SLAVE) {
            logRefusal("this broker is a slave");
            return PutMessageStatus.SERVICE_NOT_AVAILABLE;
        }
        if (!runningFlags.isWriteable()) {
            if (runningFlags.isDiskFull()) {
                logRefusal(String.format("the disk is full (usage %.1f%% at the last check, "
                    + "diskSpaceWarningLevelRatio %.1f%%); free space or lower fileReservedTime",
                    diskWatcher.getLastUsedRatio() * 100, diskWatcher.getLevels().getWarningLevelRatio() * 100));
            } else {
                logRefusal("the store is not writeable (flags " + runningFlags.getFlagBits() + ")");
            }
            return PutMessageStatus.SERVICE_NOT_AVAILABLE;
        }
        if (pageCacheBusy.getAsBoolean()) {
            return PutMessageStatus.OS_PAGECACHE_BUSY;
        }
        return null;
    }

    private void logRefusal(String reason) {
        if (refusals.getAndIncrement() % REFUSAL_LOG_EVERY == 0) {
            LOG.warn("refusing puts: {}", reason);
        }
    }

    CompletableFuture<PutMessageResult> refused(PutMessageStatus status) {
        stats.recordPutFailed();
        return CompletableFuture.completedFuture(new PutMessageResult(status, null));
    }

    /** Records stats now when the put is already complete (async flush), else when it completes. */
    void recordWhenDone(CompletableFuture<PutMessageResult> future, String topic, long beginNanos) {
        if (future.isDone()) {
            record(topic, future.join(), beginNanos);
        } else {
            future.thenAccept(result -> record(topic, result, beginNanos));
        }
    }

    private void record(String topic, PutMessageResult result, long beginNanos) {
        long elapsed = (System.nanoTime() - beginNanos) / 1_000_000;
        if (elapsed > SLOW_PUT_MILLIS) {
            LOG.warn("put into topic {} took {} ms ({})", topic, elapsed, result.getPutMessageStatus());
        }
        if (result.isOk()) {
            AppendMessageResult append = result.getAppendMessageResult();
            stats.recordPut(topic, append.getMsgNum(), append.getWroteBytes(), elapsed);
        } else {
            stats.recordPutFailed();
        }
    }

    /** Waits for an async put, bounded by the longer of the flush and slave timeouts plus 5 s. */
    PutMessageResult waitForPutResult(CompletableFuture<PutMessageResult> future) {
        long timeout = Math.max(config.getSyncFlushTimeout(), config.getSlaveTimeout()) + 5000L;
        try {
            return future.get(timeout, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.error("put did not complete within {} ms", timeout);
            return new PutMessageResult(PutMessageStatus.FLUSH_DISK_TIMEOUT, null);
        } catch (ExecutionException e) {
            LOG.error("put failed", e.getCause());
            return new PutMessageResult(PutMessageStatus.UNKNOWN_ERROR, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PutMessageResult(PutMessageStatus.UNKNOWN_ERROR, null);
        }
    }
}
