package org.cometmq.store.commitlog;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.message.MessageExtBatch;
import org.cometmq.store.AppendMessageResult;
import org.cometmq.store.AppendMessageStatus;
import org.cometmq.store.MessageExtBrokerInner;
import org.cometmq.store.PutMessageResult;
import org.cometmq.store.PutMessageStatus;
import org.cometmq.store.SelectMappedBufferResult;
import org.cometmq.store.checkpoint.StoreCheckpoint;
import org.cometmq.store.config.MessageStoreConfig;
import org.cometmq.store.logfile.AppendMessageCallback;
import org.cometmq.store.logfile.DiskSpaceException;
import org.cometmq.store.logfile.MappedFile;
import org.cometmq.store.logfile.MappedFileQueue;
import org.cometmq.store.logfile.TransientStorePool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commit log: every message of every topic appended in arrival order to one sequence of files (spec 7.2).
 * Appends are serialized by the put lock, which also assigns queue offsets, so the order of queue offsets
 * equals the order in the log. {@link #getMaxOffset()} is how far readable data reaches ("data written up to
 * offset X", what dispatch and a future replica read up to).
 */
public class CommitLog {

    private static final Logger LOG = LoggerFactory.getLogger(CommitLog.class);
    /** Lock hold time beyond which an append is logged. */
    private static final long SLOW_APPEND_MILLIS = 500;
    /** Disk blocks reserved ahead of the append position: one channel write per 4 MiB appended. */
    private static final int RESERVE_AHEAD = 4 * 1024 * 1024;

    private final MessageStoreConfig config;
    /** Store timestamps and put-lock hold times are read on it. */
    private final Clock clock;
    private final MappedFileQueue mappedFileQueue;
    private final QueueOffsetTable queueOffsetTable = new QueueOffsetTable();
    private final PutMessageLock putMessageLock;
    private final MessageRecordEncoder messageEncoder;
    private final BatchRecordEncoder batchEncoder;
    private final CommitLogFlusher flusher;
    private volatile long beginTimeInLock = 0;
    private volatile long confirmOffset = -1;
    private volatile ReplicaWaiter replicaWaiter = ReplicaWaiter.NONE;
    private volatile Runnable outOfSpaceListener;
    /** Set under the put lock at shutdown: no append may touch a file after its mapping goes away. */
    private boolean closed = false;

    public CommitLog(MessageStoreConfig config, StoreCheckpoint checkpoint, TransientStorePool transientStorePool,
                     Clock clock) {
        this.config = config;
        this.clock = clock;
        this.mappedFileQueue = new MappedFileQueue(config.getStorePathCommitLog(), config.getMappedFileSizeCommitLog(),
            transientStorePool);
        mappedFileQueue.setReserveAhead(RESERVE_AHEAD);
        if (config.isWarmMapedFileEnable()) {
            // Runs under the put lock at a file roll: a pause once per file instead of page faults on appends.
            mappedFileQueue.setFileCreatedListener(file -> file.warmMappedFile(config.getFlushDiskType(),
                config.getFlushLeastPagesWhenWarmMapedFile()));
        }
        this.putMessageLock = PutMessageLock.create(config.isUseReentrantLockWhenPutMessage());
        this.messageEncoder = new MessageRecordEncoder(queueOffsetTable);
        this.batchEncoder = new BatchRecordEncoder(queueOffsetTable);
        this.flusher = new CommitLogFlusher(config, mappedFileQueue, checkpoint, transientStorePool != null, clock);
    }

    /** Maps the existing files; recovery then fixes the write position. */
    public boolean load() {
        boolean result = mappedFileQueue.load();
        mappedFileQueue.checkSelf();
        LOG.info("loaded commit log from {}: {}", mappedFileQueue.getStorePath(), result ? "OK" : "failed");
        return result;
    }

    public void start() {
        flusher.start();
    }

    /** Stops appends (waiting for one in progress), then the flush services, which force the last bytes. */
    public void shutdown() {
        putMessageLock.lock();
        try {
            closed = true;
        } finally {
            putMessageLock.unlock();
        }
        flusher.shutdown();
    }

    /** Commits and flushes everything now; returns the flushed offset. */
    public long flush() {
        mappedFileQueue.commit(0);
        mappedFileQueue.flush(0);
        return mappedFileQueue.getFlushedWhere();
    }

    /** Appends one message; the future completes when it counts as stored under the flush policy. */
    public CompletableFuture<PutMessageResult> asyncPutMessage(MessageExtBrokerInner msg) {
        AppendMessageStatus invalid = MessageRecordEncoder.prepare(msg, config.getMaxMessageSize());
        if (invalid != null) {
            return CompletableFuture.completedFuture(reject(invalid, msg.getTopic()));
        }
        AppendMessageResult result;
        putMessageLock.lock();
        try {
            long begin = clock.millis();
            beginTimeInLock = begin;
            msg.setStoreTimestamp(begin);
            result = appendWithRoll(msg, messageEncoder, msg.getEncodedFields().msgLen);
            result.setPagecacheRT(clock.millis() - begin);
        } catch (DiskSpaceException e) {
            return outOfSpace(e);
        } finally {
            beginTimeInLock = 0;
            putMessageLock.unlock();
        }
        return complete(result, msg.getTopic(), msg.isWaitStoreMsgOK());
    }

    /** Appends a batch as consecutive records in one file. */
    public CompletableFuture<PutMessageResult> asyncPutMessages(MessageExtBatch batch) {
        PreparedBatch prepared;
        try {
            prepared = PreparedBatch.parse(batch);
        } catch (IllegalArgumentException e) {
            LOG.warn("rejecting a malformed batch for topic {}: {}", batch.getTopic(), e.getMessage());
            return CompletableFuture.completedFuture(new PutMessageResult(PutMessageStatus.MESSAGE_ILLEGAL,
                new AppendMessageResult(AppendMessageStatus.UNKNOWN_ERROR)));
        }
        AppendMessageStatus invalid = prepared.check(config.getMaxMessageSize());
        if (invalid != null) {
            return CompletableFuture.completedFuture(reject(invalid, batch.getTopic()));
        }
        AppendMessageResult result;
        putMessageLock.lock();
        try {
            long begin = clock.millis();
            beginTimeInLock = begin;
            batch.setStoreTimestamp(begin);
            result = appendWithRoll(prepared, batchEncoder, prepared.getTotalLength());
            result.setPagecacheRT(clock.millis() - begin);
        } catch (DiskSpaceException e) {
            return outOfSpace(e);
        } finally {
            beginTimeInLock = 0;
            putMessageLock.unlock();
        }
        return complete(result, batch.getTopic(), batch.isWaitStoreMsgOK());
    }

    /** A full device: the store refuses writes as disk full (4.9.7's code 14) until space is freed. */
    private CompletableFuture<PutMessageResult> outOfSpace(DiskSpaceException e) {
        Runnable listener = outOfSpaceListener;
        if (listener != null) {
            listener.run();
        }
        LOG.error("refusing an append to the commit log: {}", e.getMessage());
        return CompletableFuture.completedFuture(new PutMessageResult(PutMessageStatus.SERVICE_NOT_AVAILABLE,
            new AppendMessageResult(AppendMessageStatus.UNKNOWN_ERROR)));
    }

    /** Called (under the put lock) when an append finds the device full; the store marks itself disk full. */
    public void setOutOfSpaceListener(Runnable listener) {
        this.outOfSpaceListener = listener;
    }

    private static PutMessageResult reject(AppendMessageStatus status, String topic) {
        PutMessageStatus putStatus = status == AppendMessageStatus.PROPERTIES_SIZE_EXCEEDED
            ? PutMessageStatus.PROPERTIES_SIZE_EXCEEDED : PutMessageStatus.MESSAGE_ILLEGAL;
        LOG.warn("rejecting a message for topic {}: {}", topic, status);
        return new PutMessageResult(putStatus, new AppendMessageResult(status));
    }

    /**
     * Appends to the last file, rolling to a new file once when the current one is too full. Holds the lock.
     *
     * @throws DiskSpaceException when the record's disk blocks cannot be reserved; nothing was written
     */
    private <M> AppendMessageResult appendWithRoll(M msg, AppendMessageCallback<M> callback, int length) {
        if (closed) {
            return new AppendMessageResult(AppendMessageStatus.UNKNOWN_ERROR);
        }
        MappedFile mappedFile = mappedFileQueue.getLastMappedFile();
        if (mappedFile == null || mappedFile.isFull()) {
            mappedFile = mappedFileQueue.getLastMappedFile(0);
        }
        if (mappedFile == null) {
            return null;
        }
        AppendMessageResult result = mappedFile.appendMessage(msg, callback, length);
        if (result.getStatus() == AppendMessageStatus.END_OF_FILE) {
            mappedFile = mappedFileQueue.getLastMappedFile(0);
            if (mappedFile == null) {
                return null;
            }
            result = mappedFile.appendMessage(msg, callback, length);
        }
        return result;
    }

    private CompletableFuture<PutMessageResult> complete(AppendMessageResult result, String topic, boolean waitStoreMsgOK) {
        if (result == null) {
            LOG.error("cannot create a commit-log file in {}: check disk space and permissions",
                mappedFileQueue.getStorePath());
            return CompletableFuture.completedFuture(new PutMessageResult(PutMessageStatus.CREATE_MAPEDFILE_FAILED,
                new AppendMessageResult(AppendMessageStatus.UNKNOWN_ERROR)));
        }
        switch (result.getStatus()) {
            case PUT_OK:
                break;
            case END_OF_FILE:
            case MESSAGE_SIZE_EXCEEDED:
            case PROPERTIES_SIZE_EXCEEDED:
                return CompletableFuture.completedFuture(reject(result.getStatus(), topic));
            default:
                PutMessageStatus status = closed ? PutMessageStatus.SERVICE_NOT_AVAILABLE : PutMessageStatus.UNKNOWN_ERROR;
                return CompletableFuture.completedFuture(new PutMessageResult(status, result));
        }
        if (result.getPagecacheRT() > SLOW_APPEND_MILLIS) {
            LOG.warn("append to the commit log held the put lock {} ms ({} bytes at {})", result.getPagecacheRT(),
                result.getWroteBytes(), result.getWroteOffset());
        }
        CompletableFuture<PutMessageStatus> flushed = flusher.handleDiskFlush(result, waitStoreMsgOK);
        CompletableFuture<PutMessageStatus> replicated = replicaWaiter.submitReplicaRequest(
            result.getWroteOffset() + result.getWroteBytes(), waitStoreMsgOK);
        if (flushed.isDone() && replicated.isDone()) {
            return CompletableFuture.completedFuture(
                new PutMessageResult(worse(flushed.join(), replicated.join()), result));
        }
        return flushed.thenCombine(replicated, (disk, slave) -> new PutMessageResult(worse(disk, slave), result));
    }

    /** As 4.9.7: a replication failure outranks a flush failure. */
    private static PutMessageStatus worse(PutMessageStatus disk, PutMessageStatus slave) {
        return slave != PutMessageStatus.PUT_OK ? slave : disk;
    }

    /**
     * Slave side of replication: appends {@code length} bytes of the master's commit log that start at
     * {@code startOffset}, which must be this log's end (or, on an empty log, a file start). False when refused.
     */
    public boolean appendData(long startOffset, byte[] data, int dataStart, int length) {
        putMessageLock.lock();
        try {
            if (closed) {
                return false;
            }
            MappedFile mappedFile = mappedFileQueue.getLastMappedFile(startOffset);
            if (mappedFile == null) {
                LOG.error("cannot create a commit-log file for replicated data at {}", startOffset);
                return false;
            }
            long end = mappedFile.getFileFromOffset() + mappedFile.getWrotePosition();
            if (end != startOffset) {
                LOG.error("replicated data starts at {} but the commit log ends at {}", startOffset, end);
                return false;
            }
            return mappedFile.appendMessage(data, dataStart, length);
        } finally {
            putMessageLock.unlock();
        }
    }

    /** Sets what puts wait for besides the disk (the HA service on a master). */
    public void setReplicaWaiter(ReplicaWaiter replicaWaiter) {
        this.replicaWaiter = replicaWaiter;
    }

    /** A window on the {@code size}-byte record at {@code offset}, or {@code null} when gone or unreadable. */
    public SelectMappedBufferResult getMessage(long offset, int size) {
        int mappedFileSize = config.getMappedFileSizeCommitLog();
        // Never fall back to another file: a deleted offset must read as gone, not as other data.
        MappedFile mappedFile = mappedFileQueue.findMappedFileByOffset(offset, false);
        if (mappedFile == null) {
            return null;
        }
        return mappedFile.selectMappedBuffer((int) (offset % mappedFileSize), size);
    }

    /** A window from {@code offset} to the readable end of its file, or {@code null}. */
    public SelectMappedBufferResult getData(long offset) {
        return getData(offset, false);
    }

    public SelectMappedBufferResult getData(long offset, boolean returnFirstOnNotFound) {
        int mappedFileSize = config.getMappedFileSizeCommitLog();
        MappedFile mappedFile = mappedFileQueue.findMappedFileByOffset(offset, returnFirstOnNotFound);
        if (mappedFile == null) {
            return null;
        }
        return mappedFile.selectMappedBuffer((int) (offset % mappedFileSize));
    }

    /** Store time of the record at {@code offset}, or -1 when it is no longer stored. */
    public long pickupStoreTimestamp(long offset, int size) {
        if (offset < getMinOffset()) {
            return -1;
        }
        SelectMappedBufferResult result = getMessage(offset, size);
        if (result == null) {
            return -1;
        }
        try {
            int sysFlag = result.getByteBuffer().getInt(MessageDecoder.SYSFLAG_POSITION);
            return result.getByteBuffer().getLong(MessageDecoder.storeTimestampPosition(sysFlag));
        } finally {
            result.release();
        }
    }

    /** First offset still stored (the start of the next file when the first is being deleted), -1 when empty. */
    public long getMinOffset() {
        MappedFile first = mappedFileQueue.getFirstMappedFile();
        if (first == null) {
            return -1;
        }
        return first.isAvailable() ? first.getFileFromOffset() : rollNextFile(first.getFileFromOffset());
    }

    /** One past the last readable byte: how far data is written and visible to readers. */
    public long getMaxOffset() {
        return mappedFileQueue.getMaxOffset();
    }

    /** Start of the file after the one holding {@code offset}. */
    public long rollNextFile(long offset) {
        int mappedFileSize = config.getMappedFileSizeCommitLog();
        return offset + mappedFileSize - offset % mappedFileSize;
    }

    public long remainHowManyDataToCommit() {
        return mappedFileQueue.remainHowManyDataToCommit();
    }

    public long remainHowManyDataToFlush() {
        return mappedFileQueue.remainHowManyDataToFlush();
    }

    public long getFlushedWhere() {
        return mappedFileQueue.getFlushedWhere();
    }

    /** Deletes files older than {@code expiredTime} ms (or any, when {@code cleanImmediately}). */
    public int deleteExpiredFile(long expiredTime, int deleteFilesInterval, long intervalForcibly,
                                 boolean cleanImmediately) {
        return mappedFileQueue.deleteExpiredFileByTime(expiredTime, deleteFilesInterval, intervalForcibly,
            cleanImmediately);
    }

    /** As above; unexpired files go at once only when they end at or below {@code cleanableBelow}. */
    public int deleteExpiredFile(long expiredTime, int deleteFilesInterval, long intervalForcibly,
                                 boolean cleanImmediately, long cleanableBelow) {
        return mappedFileQueue.deleteExpiredFileByTime(expiredTime, deleteFilesInterval, intervalForcibly,
            cleanImmediately, cleanableBelow);
    }

    public boolean retryDeleteFirstFile(long intervalForcibly) {
        return mappedFileQueue.retryDeleteFirstFile(intervalForcibly);
    }

    /** How long the current append has held the put lock, 0 when none is in progress. */
    public long lockTimeMills() {
        long begin = beginTimeInLock;
        return begin > 0 ? clock.millis() - begin : 0;
    }

    /** Forgets the next offset of a queue (topic deleted). */
    public void removeQueueFromTopicQueueTable(String topic, int queueId) {
        removeQueueFromTopicQueueTable(QueueOffsetTable.key(topic, queueId));
    }

    /** Forgets the next offset of the queue {@code topic-queueId}. */
    public void removeQueueFromTopicQueueTable(String queueKey) {
        putMessageLock.lock();
        try {
            queueOffsetTable.remove(queueKey);
        } finally {
            putMessageLock.unlock();
        }
    }

    public QueueOffsetTable getQueueOffsetTable() {
        return queueOffsetTable;
    }

    public MappedFileQueue getMappedFileQueue() {
        return mappedFileQueue;
    }

    /** Offset confirmed by replicas (reserved for replication); -1 when unused. */
    public long getConfirmOffset() {
        return confirmOffset;
    }

    public void setConfirmOffset(long confirmOffset) {
        this.confirmOffset = confirmOffset;
    }

    /** Deletes every file (tests, store destroy). */
    public void destroy() {
        mappedFileQueue.destroy();
    }
}
