package org.cometmq.store.queue;

import java.nio.ByteBuffer;
import java.util.List;
import org.cometmq.store.SelectMappedBufferResult;
import org.cometmq.store.logfile.MappedFile;

/**
 * Finds, by binary search over store times read from the commit log, the first queue offset whose message was
 * stored at or after a time. Store times rise with queue offsets because both are assigned under the put lock.
 * Entries whose commit-log data is already deleted count as older than any time.
 */
final class QueueTimeSearch {

    private static final int UNIT = ConsumeQueue.CQ_STORE_UNIT_SIZE;

    private final ConsumeQueue queue;
    private final StoreTimeLookup lookup;

    QueueTimeSearch(ConsumeQueue queue, StoreTimeLookup lookup) {
        this.queue = queue;
        this.lookup = lookup;
    }

    long lowerBound(long timestamp) {
        long minOffset = queue.getMinOffsetInQueue();
        long maxOffset = queue.getMaxOffsetInQueue();
        List<MappedFile> files = queue.getMappedFileQueue().getMappedFiles();
        for (MappedFile file : files) {
            SelectMappedBufferResult data = file.selectMappedBuffer(0);
            if (data == null) {
                continue;
            }
            try {
                long found = searchFile(data, timestamp, minOffset);
                if (found >= 0) {
                    return Math.max(found, minOffset);
                }
            } finally {
                data.release();
            }
        }
        return maxOffset;
    }

    /** Queue offset of the first entry in this file stored at or after {@code timestamp}, or -1 if none. */
    private long searchFile(SelectMappedBufferResult data, long timestamp, long minOffset) {
        ByteBuffer buffer = data.getByteBuffer();
        long fileStartIndex = data.getStartOffset() / UNIT;
        int entries = data.getSize() / UNIT;
        int low = (int) Math.max(0, minOffset - fileStartIndex);
        int high = entries - 1;
        if (low > high || storeTime(buffer, high) < timestamp) {
            return -1;
        }
        long minPhysicOffset = lookup.getMinOffset();
        while (low < high) {
            int mid = (low + high) >>> 1;
            long offsetPy = buffer.getLong(mid * UNIT);
            if (offsetPy < minPhysicOffset || storeTime(buffer, mid) < timestamp) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return fileStartIndex + low;
    }

    private long storeTime(ByteBuffer buffer, int entry) {
        long offsetPy = buffer.getLong(entry * UNIT);
        int size = buffer.getInt(entry * UNIT + 8);
        if (ConsumeQueue.isBlankEntry(offsetPy, size)) {
            return -1;
        }
        return lookup.pickupStoreTimestamp(offsetPy, size);
    }
}
