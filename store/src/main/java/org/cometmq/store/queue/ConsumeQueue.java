package org.cometmq.store.queue;

import java.io.File;
import java.nio.ByteBuffer;
import java.util.List;
import org.cometmq.store.SelectMappedBufferResult;
import org.cometmq.store.logfile.MappedFile;
import org.cometmq.store.logfile.MappedFileQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index of one {@code topic/queueId} into the commit log (spec 7.3): fixed 20-byte entries (commit-log
 * offset int64, size int32, tag code int64); entry {@code n} is queue offset {@code n}. Written by the
 * dispatch thread only; read concurrently by pulls.
 */
public class ConsumeQueue {

    public static final int CQ_STORE_UNIT_SIZE = 20;
    private static final Logger LOG = LoggerFactory.getLogger(ConsumeQueue.class);

    private final String topic;
    private final int queueId;
    private final MappedFileQueue mappedFileQueue;
    private final int mappedFileSize;
    private final StoreTimeLookup storeTimeLookup;
    private final ByteBuffer byteBufferIndex = ByteBuffer.allocate(CQ_STORE_UNIT_SIZE);
    /** One past the last commit-log byte this queue refers to; -1 when empty. */
    private volatile long maxPhysicOffset = -1;
    /** Byte position of the first entry still valid after old files were deleted. */
    private volatile long minLogicOffset = 0;

    public ConsumeQueue(String topic, int queueId, String storePath, int mappedFileSize, StoreTimeLookup storeTimeLookup) {
        this.topic = topic;
        this.queueId = queueId;
        this.mappedFileSize = mappedFileSize;
        this.storeTimeLookup = storeTimeLookup;
        String queueDir = storePath + File.separator + topic + File.separator + queueId;
        this.mappedFileQueue = new MappedFileQueue(queueDir, mappedFileSize);
    }

    public boolean load() {
        boolean result = mappedFileQueue.load();
        LOG.debug("loaded consume queue {}-{}: {}", topic, queueId, result ? "OK" : "failed");
        return result;
    }

    /**
     * Finds the end of valid entries in the last three files and cuts everything after it: an entry with a
     * negative offset or a non-positive size ends the data.
     */
    public void recover(int lastFileCount) {
        List<MappedFile> files = mappedFileQueue.getMappedFiles();
        if (files.isEmpty()) {
            return;
        }
        int index = Math.max(0, files.size() - lastFileCount);
        MappedFile mappedFile = files.get(index);
        long processOffset = mappedFile.getFileFromOffset();
        long validInFile = 0;
        while (true) {
            ByteBuffer buffer = mappedFile.sliceByteBuffer();
            validInFile = 0;
            for (int i = 0; i + CQ_STORE_UNIT_SIZE <= mappedFileSize; i += CQ_STORE_UNIT_SIZE) {
                long offset = buffer.getLong(i);
                int size = buffer.getInt(i + 8);
                if (offset < 0 || size <= 0) {
                    break;
                }
                validInFile = i + CQ_STORE_UNIT_SIZE;
                notePhysicEnd(offset, size);
            }
            if (validInFile == mappedFileSize && index + 1 < files.size()) {
                index++;
                mappedFile = files.get(index);
                processOffset = mappedFile.getFileFromOffset();
            } else {
                break;
            }
        }
        processOffset += validInFile;
        mappedFileQueue.setFlushedWhere(processOffset);
        mappedFileQueue.setCommittedWhere(processOffset);
        mappedFileQueue.truncateDirtyFiles(processOffset);
    }

    /** Blank filler entries (offset 0, size Integer.MAX_VALUE) do not refer to data. */
    private void notePhysicEnd(long offset, int size) {
        if (!isBlankEntry(offset, size)) {
            maxPhysicOffset = offset + size;
        }
    }

    static boolean isBlankEntry(long offset, int size) {
        return offset == 0 && size == Integer.MAX_VALUE;
    }

    /**
     * Appends the entry of the message with queue offset {@code cqOffset}. Entries already present (commit-log
     * data at or before {@link #getMaxPhysicOffset()}) are skipped, so replaying the commit log is harmless.
     * Returns false when the entry could not be written.
     */
    public boolean putMessagePositionInfo(long offset, int size, long tagsCode, long cqOffset) {
        if (offset + size <= maxPhysicOffset) {
            return true;
        }
        long expectLogicOffset = cqOffset * CQ_STORE_UNIT_SIZE;
        MappedFile mappedFile = mappedFileQueue.getLastMappedFile(expectLogicOffset);
        if (mappedFile == null) {
            LOG.error("cannot create a consume-queue file for {}-{} at {}", topic, queueId, expectLogicOffset);
            return false;
        }
        if (mappedFile.isFirstCreateInQueue() && cqOffset != 0 && mappedFile.getWrotePosition() == 0) {
            minLogicOffset = expectLogicOffset;
            mappedFileQueue.setFlushedWhere(expectLogicOffset);
            mappedFileQueue.setCommittedWhere(expectLogicOffset);
            fillPreBlank(mappedFile, expectLogicOffset);
            LOG.info("consume queue {}-{} starts at queue offset {}", topic, queueId, cqOffset);
        }
        if (cqOffset != 0) {
            long currentLogicOffset = mappedFile.getWrotePosition() + mappedFile.getFileFromOffset();
            if (expectLogicOffset < currentLogicOffset) {
                LOG.warn("consume queue {}-{} already holds queue offset {}; skipped", topic, queueId, cqOffset);
                return true;
            }
            if (expectLogicOffset != currentLogicOffset) {
                LOG.error("consume queue {}-{} expects queue offset {} but the record says {}: entries are missing",
                    topic, queueId, currentLogicOffset / CQ_STORE_UNIT_SIZE, cqOffset);
            }
        }
        byteBufferIndex.clear();
        byteBufferIndex.putLong(offset).putInt(size).putLong(tagsCode);
        boolean written = mappedFile.appendMessage(byteBufferIndex.array());
        if (written) {
            maxPhysicOffset = offset + size;
        }
        return written;
    }

    private void fillPreBlank(MappedFile mappedFile, long untilWhere) {
        ByteBuffer blank = ByteBuffer.allocate(CQ_STORE_UNIT_SIZE);
        blank.putLong(0L).putInt(Integer.MAX_VALUE).putLong(0L);
        int until = (int) (untilWhere % mappedFileSize);
        for (int i = 0; i < until; i += CQ_STORE_UNIT_SIZE) {
            mappedFile.appendMessage(blank.array());
        }
    }

    /** Entries from queue offset {@code startIndex} to the end of its file, or {@code null}. */
    public SelectMappedBufferResult getIndexBuffer(long startIndex) {
        long offset = startIndex * CQ_STORE_UNIT_SIZE;
        if (offset < minLogicOffset) {
            return null;
        }
        MappedFile mappedFile = mappedFileQueue.findMappedFileByOffset(offset);
        if (mappedFile == null) {
            return null;
        }
        return mappedFile.selectMappedBuffer((int) (offset % mappedFileSize));
    }

    /**
     * The queue offset of the message stored nearest to {@code timestamp}, as RocketMQ 4.9 answers it: the last
     * message's offset when all are older, the first when all are newer, 0 for an empty queue (see
     * {@link QueueTimeSearch}).
     */
    public long getOffsetInQueueByTime(long timestamp) {
        return new QueueTimeSearch(this, storeTimeLookup).nearest(timestamp);
    }

    /**
     * After commit-log files below {@code phyMinOffset} are gone: moves the min offset to the first entry that
     * still refers to stored data.
     */
    public void correctMinOffset(long phyMinOffset) {
        MappedFile first = mappedFileQueue.getFirstMappedFile();
        if (first == null) {
            return;
        }
        SelectMappedBufferResult result = first.selectMappedBuffer(0);
        if (result == null) {
            return;
        }
        try {
            ByteBuffer buffer = result.getByteBuffer();
            long newMin = first.getFileFromOffset() + result.getSize();
            for (int i = 0; i + CQ_STORE_UNIT_SIZE <= result.getSize(); i += CQ_STORE_UNIT_SIZE) {
                long offsetPy = buffer.getLong(i);
                int size = buffer.getInt(i + 8);
                if (!isBlankEntry(offsetPy, size) && offsetPy >= phyMinOffset) {
                    newMin = first.getFileFromOffset() + i;
                    break;
                }
            }
            if (newMin > minLogicOffset) {
                LOG.info("consume queue {}-{} min offset moves to {}", topic, queueId, newMin / CQ_STORE_UNIT_SIZE);
                minLogicOffset = newMin;
            }
        } finally {
            result.release();
        }
    }

    /** Deletes files whose entries all refer to commit-log data below {@code offset}; returns how many. */
    public int deleteExpiredFile(long offset) {
        int count = mappedFileQueue.deleteExpiredFileByOffset(offset, CQ_STORE_UNIT_SIZE);
        correctMinOffset(offset);
        return count;
    }

    /** Removes entries that refer to commit-log data at or after {@code phyOffset} (a truncated commit log). */
    public void truncateDirtyLogicFiles(long phyOffset) {
        new ConsumeQueueTruncator(this).truncate(phyOffset);
    }

    /** Flushes when {@code flushLeastPages} pages are dirty (0: whatever is dirty); true when nothing moved. */
    public boolean flush(int flushLeastPages) {
        return mappedFileQueue.flush(flushLeastPages);
    }

    /** The queue offset that begins the file after the one holding {@code index}. */
    public long rollNextFile(long index) {
        long totalUnitsInFile = mappedFileSize / CQ_STORE_UNIT_SIZE;
        return index + totalUnitsInFile - index % totalUnitsInFile;
    }

    public long getMinOffsetInQueue() {
        return minLogicOffset / CQ_STORE_UNIT_SIZE;
    }

    /** One past the last entry. */
    public long getMaxOffsetInQueue() {
        return mappedFileQueue.getMaxOffset() / CQ_STORE_UNIT_SIZE;
    }

    public long getMessageTotalInQueue() {
        return getMaxOffsetInQueue() - getMinOffsetInQueue();
    }

    public void destroy() {
        maxPhysicOffset = -1;
        minLogicOffset = 0;
        mappedFileQueue.destroy();
    }

    public String getTopic() {
        return topic;
    }

    public int getQueueId() {
        return queueId;
    }

    public long getMaxPhysicOffset() {
        return maxPhysicOffset;
    }

    public void setMaxPhysicOffset(long maxPhysicOffset) {
        this.maxPhysicOffset = maxPhysicOffset;
    }

    public long getMinLogicOffset() {
        return minLogicOffset;
    }

    public void setMinLogicOffset(long minLogicOffset) {
        this.minLogicOffset = minLogicOffset;
    }

    public int getMappedFileSize() {
        return mappedFileSize;
    }

    public MappedFileQueue getMappedFileQueue() {
        return mappedFileQueue;
    }
}
