package org.cometmq.store.read;

import java.nio.ByteBuffer;
import org.cometmq.store.GetMessageResult;
import org.cometmq.store.GetMessageStatus;
import org.cometmq.store.MessageFilter;
import org.cometmq.store.SelectMappedBufferResult;
import org.cometmq.store.StoreStatsService;
import org.cometmq.store.StoreUtil;
import org.cometmq.store.commitlog.CommitLog;
import org.cometmq.store.config.BrokerRole;
import org.cometmq.store.config.MessageStoreConfig;
import org.cometmq.store.queue.ConsumeQueue;
import org.cometmq.store.queue.ConsumeQueueTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves pulls (spec 9.7): walks a consume queue from the requested offset, filters by tag code and record,
 * and collects commit-log windows until a batch limit is reached (message count, or the in-memory / on-disk
 * byte and count limits, or the consume-queue scan limit). Reports the status and next/min/max offsets.
 */
public class GetMessageService {

    private static final Logger LOG = LoggerFactory.getLogger(GetMessageService.class);
    private static final int UNIT = ConsumeQueue.CQ_STORE_UNIT_SIZE;

    private final MessageStoreConfig config;
    private final CommitLog commitLog;
    private final ConsumeQueueTable consumeQueueTable;
    private final StoreStatsService statsService;

    public GetMessageService(MessageStoreConfig config, CommitLog commitLog, ConsumeQueueTable consumeQueueTable,
                             StoreStatsService statsService) {
        this.config = config;
        this.commitLog = commitLog;
        this.consumeQueueTable = consumeQueueTable;
        this.statsService = statsService;
    }

    public GetMessageResult getMessage(String group, String topic, int queueId, long offset, int maxMsgNums,
                                       MessageFilter filter) {
        long beginTime = System.currentTimeMillis();
        GetMessageResult result = new GetMessageResult(Math.max(1, Math.min(maxMsgNums, 64)));
        ConsumeQueue queue = consumeQueueTable.find(topic, queueId);
        long minOffset = 0;
        long maxOffset = 0;
        GetMessageStatus status;
        long nextBeginOffset;
        if (queue == null) {
            status = GetMessageStatus.NO_MATCHED_LOGIC_QUEUE;
            nextBeginOffset = nextOffsetCorrection(offset, 0);
        } else {
            minOffset = queue.getMinOffsetInQueue();
            maxOffset = queue.getMaxOffsetInQueue();
            if (maxOffset == 0) {
                status = GetMessageStatus.NO_MESSAGE_IN_QUEUE;
                nextBeginOffset = nextOffsetCorrection(offset, 0);
            } else if (offset < minOffset) {
                status = GetMessageStatus.OFFSET_TOO_SMALL;
                nextBeginOffset = nextOffsetCorrection(offset, minOffset);
            } else if (offset == maxOffset) {
                status = GetMessageStatus.OFFSET_OVERFLOW_ONE;
                nextBeginOffset = nextOffsetCorrection(offset, offset);
            } else if (offset > maxOffset) {
                status = GetMessageStatus.OFFSET_OVERFLOW_BADLY;
                nextBeginOffset = nextOffsetCorrection(offset, maxOffset);
            } else {
                SelectMappedBufferResult entries = queue.getIndexBuffer(offset);
                if (entries == null) {
                    status = GetMessageStatus.OFFSET_FOUND_NULL;
                    nextBeginOffset = nextOffsetCorrection(offset, queue.rollNextFile(offset));
                    LOG.warn("consume queue {}-{} has no data at offset {} (min {}, max {})", topic, queueId, offset,
                        minOffset, maxOffset);
                } else {
                    try {
                        int scanned = collect(entries, offset, maxMsgNums, filter, result);
                        status = result.getStatus();
                        nextBeginOffset = offset + scanned / UNIT;
                    } finally {
                        entries.release();
                    }
                }
            }
        }
        statsService.recordGet(status == GetMessageStatus.FOUND, result.getMessageCount(),
            System.currentTimeMillis() - beginTime);
        result.setStatus(status);
        result.setNextBeginOffset(nextBeginOffset);
        result.setMaxOffset(maxOffset);
        result.setMinOffset(minOffset);
        return result;
    }

    /** Walks consume-queue entries into {@code result}; returns the bytes of entries consumed. */
    private int collect(SelectMappedBufferResult entries, long offset, int maxMsgNums, MessageFilter filter,
                        GetMessageResult result) {
        GetMessageStatus status = GetMessageStatus.NO_MATCHED_MESSAGE;
        ByteBuffer buffer = entries.getByteBuffer();
        long maxOffsetPy = commitLog.getMaxOffset();
        long nextPhyFileStartOffset = Long.MIN_VALUE;
        long maxPhyOffsetPulling = 0;
        int maxFilterMessageCount = Math.max(16000, maxMsgNums * UNIT);
        long memory = inMemoryBytes();
        int i = 0;
        for (; i + UNIT <= entries.getSize() && i < maxFilterMessageCount; i += UNIT) {
            long offsetPy = buffer.getLong(i);
            int sizePy = buffer.getInt(i + 8);
            long tagsCode = buffer.getLong(i + 12);
            maxPhyOffsetPulling = offsetPy;
            if (nextPhyFileStartOffset != Long.MIN_VALUE && offsetPy < nextPhyFileStartOffset) {
                continue;
            }
            boolean isInDisk = maxOffsetPy - offsetPy > memory;
            if (isTheBatchFull(sizePy, maxMsgNums, result.getBufferTotalSize(), result.getMessageCount(), isInDisk)) {
                break;
            }
            if (filter != null && !filter.isMatchedByConsumeQueue(tagsCode, null)) {
                if (result.getMessageCount() == 0) {
                    status = GetMessageStatus.NO_MATCHED_MESSAGE;
                }
                continue;
            }
            SelectMappedBufferResult message = commitLog.getMessage(offsetPy, sizePy);
            if (message == null) {
                if (result.getBufferTotalSize() == 0) {
                    status = GetMessageStatus.MESSAGE_WAS_REMOVING;
                }
                nextPhyFileStartOffset = commitLog.rollNextFile(offsetPy);
                continue;
            }
            if (filter != null && !filter.isMatchedByCommitLog(message.getByteBuffer().slice(), null)) {
                message.release();
                if (result.getMessageCount() == 0) {
                    status = GetMessageStatus.NO_MATCHED_MESSAGE;
                }
                continue;
            }
            result.addMessage(message, offset + i / UNIT);
            status = GetMessageStatus.FOUND;
            nextPhyFileStartOffset = Long.MIN_VALUE;
        }
        result.setStatus(status);
        result.setSuggestPullingFromSlave(maxOffsetPy - maxPhyOffsetPulling > memory);
        return i;
    }

    private long inMemoryBytes() {
        return (long) (StoreUtil.TOTAL_PHYSICAL_MEMORY_SIZE * (config.getAccessMessageInMemoryMaxRatio() / 100.0));
    }

    /** True when one more message of {@code sizePy} bytes would exceed a batch limit. */
    private boolean isTheBatchFull(int sizePy, int maxMsgNums, int bufferTotal, int messageTotal, boolean isInDisk) {
        if (bufferTotal == 0 || messageTotal == 0) {
            return false;
        }
        if (maxMsgNums <= messageTotal) {
            return true;
        }
        if (isInDisk) {
            return bufferTotal + sizePy > config.getMaxTransferBytesOnMessageInDisk()
                || messageTotal > config.getMaxTransferCountOnMessageInDisk() - 1;
        }
        return bufferTotal + sizePy > config.getMaxTransferBytesOnMessageInMemory()
            || messageTotal > config.getMaxTransferCountOnMessageInMemory() - 1;
    }

    /** A slave without {@code offsetCheckInSlave} keeps the requested offset instead of correcting it. */
    private long nextOffsetCorrection(long oldOffset, long newOffset) {
        if (config.getBrokerRole() != BrokerRole.SLAVE || config.isOffsetCheckInSlave()) {
            return newOffset;
        }
        return oldOffset;
    }

    /** True when the data at commit-log {@code offsetPy} is likely no longer in memory. */
    public boolean checkInDiskByCommitOffset(long offsetPy) {
        return commitLog.getMaxOffset() - offsetPy > inMemoryBytes();
    }
}
