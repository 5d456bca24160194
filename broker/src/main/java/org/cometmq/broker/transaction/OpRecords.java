package org.cometmq.broker.transaction;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.cometmq.common.message.MessageExt;

/**
 * The op records one check round read: which half messages (by queue offset) have ended, and, once the round
 * knows how far it got in the half queue, how far the op queue's progress may move. An op record stays unread
 * (progress stops before it) while it refers to a half message the round has not passed yet.
 */
final class OpRecords {
    /** A body that is not a half queue offset: the record can be passed over. */
    private static final long UNREADABLE = -1;

    private final long startOffset;
    private final long[] halfOffsets;
    private final int count;
    private final Map<Long, Long> opOffsetByHalfOffset;
    private final boolean complete;

    private OpRecords(long startOffset, long[] halfOffsets, int count, Map<Long, Long> opOffsetByHalfOffset,
                      boolean complete) {
        this.startOffset = startOffset;
        this.halfOffsets = halfOffsets;
        this.count = count;
        this.opOffsetByHalfOffset = opOffsetByHalfOffset;
        this.complete = complete;
    }

    /**
     * Reads op records from {@code from} up to {@code to} (exclusive), at most {@code limit} of them. Op queue
     * offsets are consecutive, so the i-th record read sits at {@code from + i}; a gap in the read (deleted
     * files) ends it.
     */
    static OpRecords load(TransactionalMessageBridge bridge, long from, long to, int limit, int batchSize) {
        int wanted = (int) Math.max(0, Math.min(limit, to - from));
        long[] halfOffsets = new long[wanted];
        Map<Long, Long> byHalf = new HashMap<>(Math.max(16, wanted * 2));
        int count = 0;
        while (count < wanted) {
            long offset = from + count;
            TransactionalMessageBridge.QueueBatch batch = bridge.readOp(offset, Math.min(batchSize, wanted - count));
            if (batch.messages().isEmpty()) {
                break;
            }
            for (MessageExt op : batch.messages()) {
                if (op.getQueueOffset() != from + count || count == wanted) {
                    return new OpRecords(from, halfOffsets, count, byHalf, false);
                }
                long half = halfOffsetOf(op);
                halfOffsets[count] = half;
                if (half != UNREADABLE) {
                    byHalf.put(half, from + count);
                }
                count++;
            }
        }
        return new OpRecords(from, halfOffsets, count, byHalf, from + count >= to);
    }

    /** True when an op record ends the half message at {@code halfOffset}. */
    boolean ended(long halfOffset) {
        return opOffsetByHalfOffset.containsKey(halfOffset);
    }

    /** True when every op record up to the queue's end was read: a half message without one has none yet. */
    boolean complete() {
        return complete;
    }

    int size() {
        return count;
    }

    /**
     * The op queue offset the next round starts from once the half queue's progress is {@code nextHalfOffset}:
     * the first record still referring to a half message at or after it, else the end of what was read.
     */
    long progressAfter(long nextHalfOffset) {
        for (int i = 0; i < count; i++) {
            if (halfOffsets[i] >= nextHalfOffset) {
                return startOffset + i;
            }
        }
        return startOffset + count;
    }

    private static long halfOffsetOf(MessageExt op) {
        if (!TransactionTopics.REMOVE_TAG.equals(op.getTags()) || op.getBody() == null) {
            return UNREADABLE;
        }
        try {
            long offset = Long.parseLong(new String(op.getBody(), StandardCharsets.UTF_8).trim());
            return offset < 0 ? UNREADABLE : offset;
        } catch (NumberFormatException e) {
            return UNREADABLE;
        }
    }
}
