package org.cometmq.store.queue;

import java.nio.ByteBuffer;
import org.cometmq.store.SelectMappedBufferResult;
import org.cometmq.store.logfile.MappedFile;

/**
 * Finds the queue offset whose message was stored nearest to a time, the way RocketMQ 4.9 brokers answer
 * SEARCH_OFFSET_BY_TIMESTAMP (clients and tools depend on the exact answers):
 * <ul>
 *   <li>only one consume-queue file is searched: the first whose file modification time is at or after the time,
 *       else the last file;</li>
 *   <li>a binary search over that file's entries stops at the first probed entry stored exactly at the time;
 *       otherwise the nearer of the two neighbours is taken, the older one on a tie;</li>
 *   <li>before the first message this is the first entry, after the last message the last entry (not the max
 *       offset); an empty queue answers 0, and so does an entry whose commit-log record cannot be read;</li>
 *   <li>entries whose commit-log data is deleted count as older than any time.</li>
 * </ul>
 */
final class QueueTimeSearch {

    private static final int UNIT = ConsumeQueue.CQ_STORE_UNIT_SIZE;
    private static final int NONE = -1;

    private final ConsumeQueue queue;
    private final StoreTimeLookup lookup;

    QueueTimeSearch(ConsumeQueue queue, StoreTimeLookup lookup) {
        this.queue = queue;
        this.lookup = lookup;
    }

    long nearest(long timestamp) {
        MappedFile file = queue.getMappedFileQueue().getMappedFileByTime(timestamp);
        if (file == null) {
            return 0;
        }
        SelectMappedBufferResult data = file.selectMappedBuffer(0);
        if (data == null) {
            return 0;
        }
        try {
            long minLogicOffset = queue.getMinLogicOffset();
            int first = minLogicOffset > file.getFileFromOffset()
                ? (int) ((minLogicOffset - file.getFileFromOffset()) / UNIT) : 0;
            int entry = searchFile(data.getByteBuffer(), data.getSize() / UNIT, first, timestamp);
            if (entry == Integer.MIN_VALUE) {
                return 0;
            }
            // An entry of NONE (nothing comparable on the newer side) yields the file's first offset rounded the
            // way the byte arithmetic of 4.9 brokers does: (fileFrom - 1) / UNIT.
            long bytes = entry == NONE ? -1 : (long) entry * UNIT;
            return (file.getFileFromOffset() + bytes) / UNIT;
        } finally {
            data.release();
        }
    }

    /** The chosen entry index of this file, NONE, or Integer.MIN_VALUE when a store time cannot be read. */
    private int searchFile(ByteBuffer buffer, int entries, int first, long timestamp) {
        int low = first;
        int high = entries - 1;
        int olderEntry = NONE;
        int newerEntry = NONE;
        long olderTime = -1;
        long newerTime = -1;
        long minPhysicOffset = lookup.getMinOffset();
        while (high >= low) {
            int mid = (low + high) >>> 1;
            long offsetPy = buffer.getLong(mid * UNIT);
            if (offsetPy < minPhysicOffset) {
                low = mid + 1;
                olderEntry = mid;
                continue;
            }
            long storeTime = lookup.pickupStoreTimestamp(offsetPy, buffer.getInt(mid * UNIT + 8));
            if (storeTime < 0) {
                return Integer.MIN_VALUE;
            }
            if (storeTime == timestamp) {
                return mid;
            }
            if (storeTime > timestamp) {
                high = mid - 1;
                newerEntry = mid;
                newerTime = storeTime;
            } else {
                low = mid + 1;
                olderEntry = mid;
                olderTime = storeTime;
            }
        }
        if (olderTime == -1) {
            return newerEntry;
        }
        if (newerTime == -1) {
            return olderEntry;
        }
        return Math.abs(timestamp - olderTime) > Math.abs(timestamp - newerTime) ? newerEntry : olderEntry;
    }
}
