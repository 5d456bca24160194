package org.cometmq.store.read;

import java.nio.ByteBuffer;
import java.util.TreeSet;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.message.MessageExt;
import org.cometmq.store.DispatchRequest;
import org.cometmq.store.QueryMessageResult;
import org.cometmq.store.SelectMappedBufferResult;
import org.cometmq.store.commitlog.CommitLog;
import org.cometmq.store.commitlog.CommitLogRecordParser;
import org.cometmq.store.index.IndexService;
import org.cometmq.store.index.QueryOffsetResult;
import org.cometmq.store.queue.ConsumeQueue;
import org.cometmq.store.schedule.DelayLevelTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads single messages by commit-log offset and finds messages by key through the index. */
public class MessageLookupService {

    private static final Logger LOG = LoggerFactory.getLogger(MessageLookupService.class);

    private final CommitLog commitLog;
    private final IndexService indexService;
    private final DelayLevelTable delayLevelTable;

    public MessageLookupService(CommitLog commitLog, IndexService indexService, DelayLevelTable delayLevelTable) {
        this.commitLog = commitLog;
        this.indexService = indexService;
        this.delayLevelTable = delayLevelTable;
    }

    /** Size of the record at {@code commitLogOffset}, or -1 when it is not readable. */
    public int recordSize(long commitLogOffset) {
        SelectMappedBufferResult head = commitLog.getMessage(commitLogOffset, 4);
        if (head == null) {
            return -1;
        }
        try {
            return head.getByteBuffer().getInt(0);
        } finally {
            head.release();
        }
    }

    public MessageExt lookMessageByOffset(long commitLogOffset) {
        int size = recordSize(commitLogOffset);
        return size <= 0 ? null : lookMessageByOffset(commitLogOffset, size);
    }

    /** The decoded message at {@code commitLogOffset}, or {@code null} when gone or not a valid record. */
    public MessageExt lookMessageByOffset(long commitLogOffset, int size) {
        SelectMappedBufferResult result = commitLog.getMessage(commitLogOffset, size);
        if (result == null) {
            return null;
        }
        try {
            return MessageDecoder.decode(result.getByteBuffer(), true, false);
        } catch (RuntimeException e) {
            LOG.warn("no valid message at commit-log offset {}: {}", commitLogOffset, e.getMessage());
            return null;
        } finally {
            result.release();
        }
    }

    public SelectMappedBufferResult selectOneMessageByOffset(long commitLogOffset) {
        int size = recordSize(commitLogOffset);
        return size <= 0 ? null : commitLog.getMessage(commitLogOffset, size);
    }

    public SelectMappedBufferResult selectOneMessageByOffset(long commitLogOffset, int msgSize) {
        return commitLog.getMessage(commitLogOffset, msgSize);
    }

    /**
     * Messages of {@code topic} whose KEYS contain {@code key} or whose UNIQ_KEY is {@code key}, stored within
     * [begin, end], in commit-log order. Each index hit is checked against the record, so hash collisions and
     * entries left from truncated data never reach the caller.
     */
    public QueryMessageResult queryMessage(String topic, String key, int maxNum, long begin, long end) {
        QueryMessageResult result = new QueryMessageResult();
        QueryOffsetResult offsets = indexService.queryOffset(topic, key, maxNum, begin, end);
        result.setIndexLastUpdatePhyoffset(offsets.getIndexLastUpdatePhyoffset());
        result.setIndexLastUpdateTimestamp(offsets.getIndexLastUpdateTimestamp());
        CommitLogRecordParser parser = new CommitLogRecordParser(delayLevelTable);
        long maxOffset = commitLog.getMaxOffset();
        for (long offset : new TreeSet<>(offsets.getPhyOffsets())) {
            if (offset >= maxOffset) {
                continue;
            }
            SelectMappedBufferResult window = commitLog.getData(offset, false);
            if (window == null) {
                continue;
            }
            DispatchRequest record = parser.checkMessageAndReturnSize(window.getByteBuffer(), false);
            if (record.isSuccess() && record.getMsgSize() > 0 && record.getCommitLogOffset() == offset
                && topic.equals(record.getTopic()) && hasKey(record, key)) {
                window.getByteBuffer().position(0);
                window.setSize(record.getMsgSize());
                result.addMessage(window);
            } else {
                window.release();
            }
        }
        return result;
    }

    private static boolean hasKey(DispatchRequest record, String key) {
        if (key.equals(record.getUniqKey())) {
            return true;
        }
        String keys = record.getKeys();
        if (keys == null) {
            return false;
        }
        for (String k : keys.split(" ")) {
            if (k.equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** Store time of the first message of {@code queue}, or -1. */
    public long getEarliestMessageTime(ConsumeQueue queue) {
        return getMessageStoreTimeStamp(queue, queue.getMinOffsetInQueue());
    }

    /** Store time of the message at {@code consumeQueueOffset}, or -1. */
    public long getMessageStoreTimeStamp(ConsumeQueue queue, long consumeQueueOffset) {
        long[] entry = entry(queue, consumeQueueOffset);
        return entry == null ? -1 : commitLog.pickupStoreTimestamp(entry[0], (int) entry[1]);
    }

    /** Commit-log offset and size of a queue entry, or {@code null}. */
    public static long[] entry(ConsumeQueue queue, long consumeQueueOffset) {
        SelectMappedBufferResult buffer = queue.getIndexBuffer(consumeQueueOffset);
        if (buffer == null) {
            return null;
        }
        try {
            if (buffer.getSize() < ConsumeQueue.CQ_STORE_UNIT_SIZE) {
                return null;
            }
            ByteBuffer b = buffer.getByteBuffer();
            return new long[] {b.getLong(0), b.getInt(8)};
        } finally {
            buffer.release();
        }
    }

    /** Store time of the first message in the commit log, or -1. */
    public long getEarliestMessageTime() {
        long minOffset = commitLog.getMinOffset();
        if (minOffset < 0) {
            return -1;
        }
        int size = recordSize(minOffset);
        return size <= 0 ? -1 : commitLog.pickupStoreTimestamp(minOffset, size);
    }
}
