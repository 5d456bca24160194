package org.cometmq.store.queue;

import java.nio.ByteBuffer;
import java.util.List;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.ServiceThread;
import org.cometmq.store.CommitLogDispatcher;
import org.cometmq.store.DispatchRequest;
import org.cometmq.store.MessageArrivingListener;
import org.cometmq.store.SelectMappedBufferResult;
import org.cometmq.store.commitlog.CommitLog;
import org.cometmq.store.commitlog.CommitLogRecordParser;
import org.cometmq.store.logfile.MappedFile;
import org.cometmq.store.logfile.DiskSpaceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every record the commit log makes readable, in order, and hands it to the dispatchers (consume queues,
 * index), then tells the arriving listener so held pulls wake up. {@link #getReputFromOffset()} is how far
 * dispatch has got.
 */
public class ReputMessageService extends ServiceThread {

    private static final Logger LOG = LoggerFactory.getLogger(ReputMessageService.class);
    /** How often dispatch retries a record whose consume-queue or index entry found the disk full. */
    private static final long SPACE_RETRY_MILLIS = 500;

    private final CommitLog commitLog;
    private final CommitLogRecordParser parser;
    private final List<CommitLogDispatcher> dispatchers;
    private volatile MessageArrivingListener arrivingListener;
    private volatile long reputFromOffset = 0;
    private volatile long stuckAt = -1;
    private volatile boolean waitingForSpace;

    public ReputMessageService(CommitLog commitLog, CommitLogRecordParser parser, List<CommitLogDispatcher> dispatchers) {
        this.commitLog = commitLog;
        this.parser = parser;
        this.dispatchers = dispatchers;
    }

    @Override
    public String getServiceName() {
        return "ReputMessageService";
    }

    /** Lets the service finish dispatching what is readable (up to 5 s) before stopping. */
    @Override
    public void shutdown() {
        for (int i = 0; i < 50 && isCommitLogAvailable() && getThread() != null && getThread().isAlive(); i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (isCommitLogAvailable()) {
            LOG.warn("stopping dispatch with {} bytes not dispatched", behind());
        }
        super.shutdown();
    }

    /** Bytes readable in the commit log but not yet dispatched. */
    public long behind() {
        return commitLog.getMaxOffset() - reputFromOffset;
    }

    private boolean isCommitLogAvailable() {
        return reputFromOffset < commitLog.getMaxOffset();
    }

    /** Dispatches everything readable now; returns the number of records dispatched. */
    public long doReput() {
        long dispatched = 0;
        long minOffset = commitLog.getMinOffset();
        if (reputFromOffset < minOffset) {
            LOG.warn("dispatch offset {} is below the commit-log minimum {}; data was deleted before dispatch",
                reputFromOffset, minOffset);
            reputFromOffset = minOffset;
        }
        boolean doNext = true;
        while (doNext && isCommitLogAvailable()) {
            SelectMappedBufferResult result = commitLog.getData(reputFromOffset);
            if (result == null) {
                break;
            }
            try {
                reputFromOffset = result.getStartOffset();
                long before = dispatched;
                dispatched += dispatchWindow(result);
                doNext = dispatched > before || reputFromOffset > result.getStartOffset();
            } finally {
                result.release();
            }
        }
        return dispatched;
    }

    private long dispatchWindow(SelectMappedBufferResult result) {
        long dispatched = 0;
        int readSize = 0;
        while (readSize < result.getSize()) {
            if (recordStillArriving(result)) {
                return dispatched;
            }
            DispatchRequest request = parser.checkMessageAndReturnSize(result.getByteBuffer(), false);
            int size = request.getMsgSize();
            if (request.isSuccess() && size > 0) {
                doDispatch(request);
                reputFromOffset += size;
                readSize += size;
                dispatched++;
            } else if (request.isSuccess()) {
                reputFromOffset = commitLog.rollNextFile(reputFromOffset);
                return dispatched;
            } else if (size > 0) {
                LOG.error("skipping an inconsistent record of {} bytes at commit-log offset {}", size, reputFromOffset);
                reputFromOffset += size;
                readSize += size;
                result.getByteBuffer().position(readSize);
            } else {
                if (stuckAt != reputFromOffset) {
                    stuckAt = reputFromOffset;
                    LOG.error("unreadable record at commit-log offset {}: dispatch is stuck there", reputFromOffset);
                }
                return dispatched;
            }
        }
        return dispatched;
    }

    /**
     * Whether the window ends inside a record that does not reach its file's end: replicated data (and committed
     * data of a transient pool) arrives in chunks that may split a record; the rest comes later.
     */
    private static boolean recordStillArriving(SelectMappedBufferResult result) {
        ByteBuffer buffer = result.getByteBuffer();
        int available = buffer.remaining();
        MappedFile file = result.getMappedFile();
        if (file == null || result.getStartOffset() + result.getSize() >= file.getFileFromOffset() + file.getFileSize()) {
            return false;
        }
        if (available < 8) {
            return true;
        }
        int totalSize = buffer.getInt(buffer.position());
        int magic = buffer.getInt(buffer.position() + 4);
        return magic == MessageDecoder.MESSAGE_MAGIC_CODE && totalSize > available;
    }

    private void doDispatch(DispatchRequest request) {
        for (CommitLogDispatcher dispatcher : dispatchers) {
            dispatcher.dispatch(request);
        }
        MessageArrivingListener listener = arrivingListener;
        if (listener != null && CommitLogRecordParser.isDispatchedToConsumeQueue(request.getSysFlag())) {
            listener.arriving(request.getTopic(), request.getQueueId(), request.getConsumeQueueOffset() + 1,
                request.getTagsCode(), request.getStoreTimestamp(), request.getBitMap(), request.getPropertiesMap());
        }
    }

    @Override
    public void run() {
        while (!isStopped()) {
            try {
                waitForRunning(1);
                doReput();
                if (waitingForSpace) {
                    waitingForSpace = false;
                    LOG.info("dispatch resumed at commit-log offset {}: the disk has room again", reputFromOffset);
                }
            } catch (DiskSpaceException e) {
                if (!waitingForSpace) {
                    waitingForSpace = true;
                    LOG.error("dispatch waits at commit-log offset {} until the disk has room: {}", reputFromOffset,
                        e.getMessage());
                }
                waitForRunning(SPACE_RETRY_MILLIS);
            } catch (RuntimeException e) {
                LOG.warn("dispatch failed; retrying", e);
            }
        }
    }

    public long getReputFromOffset() {
        return reputFromOffset;
    }

    public void setReputFromOffset(long reputFromOffset) {
        this.reputFromOffset = reputFromOffset;
    }

    /** Set to {@code null} to stop notifications (recovery, slaves). */
    public void setArrivingListener(MessageArrivingListener arrivingListener) {
        this.arrivingListener = arrivingListener;
    }
}
