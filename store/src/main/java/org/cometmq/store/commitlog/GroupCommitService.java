package org.cometmq.store.commitlog;

import java.util.ArrayList;
import java.util.List;
import org.cometmq.store.PutMessageStatus;
import org.cometmq.store.checkpoint.StoreCheckpoint;
import org.cometmq.store.logfile.MappedFileQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SYNC_FLUSH group commit: puts queue a request; the service swaps the queue, forces the commit log once for
 * all of them, and completes each request whose data is now on disk. Many puts share one {@code force}.
 */
public class GroupCommitService extends FlushCommitLogService {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitService.class);

    private final MappedFileQueue mappedFileQueue;
    private final StoreCheckpoint checkpoint;
    private final Object lock = new Object();
    private List<GroupCommitRequest> requestsWrite = new ArrayList<>();
    private List<GroupCommitRequest> requestsRead = new ArrayList<>();

    public GroupCommitService(MappedFileQueue mappedFileQueue, StoreCheckpoint checkpoint) {
        this.mappedFileQueue = mappedFileQueue;
        this.checkpoint = checkpoint;
    }

    @Override
    public String getServiceName() {
        return "GroupCommitService";
    }

    /** Queues a request and wakes the service. */
    public void putRequest(GroupCommitRequest request) {
        synchronized (lock) {
            requestsWrite.add(request);
        }
        wakeup();
    }

    @Override
    protected void onWaitEnd() {
        swapRequests();
    }

    private void swapRequests() {
        synchronized (lock) {
            List<GroupCommitRequest> tmp = requestsWrite;
            requestsWrite = requestsRead;
            requestsRead = tmp;
        }
    }

    private void doCommit() {
        if (requestsRead.isEmpty()) {
            // Puts not waiting for the disk still need their data flushed.
            mappedFileQueue.flush(0);
            return;
        }
        for (GroupCommitRequest request : requestsRead) {
            boolean flushOK = mappedFileQueue.getFlushedWhere() >= request.getNextOffset();
            // The request may span two files: one flush per file.
            for (int i = 0; i < 2 && !flushOK; i++) {
                mappedFileQueue.flush(0);
                flushOK = mappedFileQueue.getFlushedWhere() >= request.getNextOffset();
            }
            request.wakeupCustomer(flushOK ? PutMessageStatus.PUT_OK : PutMessageStatus.FLUSH_DISK_TIMEOUT);
        }
        long storeTimestamp = mappedFileQueue.getStoreTimestamp();
        if (storeTimestamp > 0) {
            checkpoint.setPhysicMsgTimestamp(storeTimestamp);
        }
        requestsRead = new ArrayList<>();
    }

    @Override
    public void run() {
        while (!isStopped()) {
            try {
                waitForRunning(10);
                doCommit();
            } catch (RuntimeException e) {
                LOG.warn("group commit failed", e);
            }
        }
        // Complete whatever arrived while stopping.
        swapRequests();
        doCommit();
        swapRequests();
        doCommit();
    }
}
