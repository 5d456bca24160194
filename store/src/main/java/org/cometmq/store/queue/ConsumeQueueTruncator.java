package org.cometmq.store.queue;

import java.nio.ByteBuffer;
import org.cometmq.store.logfile.MappedFile;
import org.cometmq.store.logfile.MappedFileQueue;

/**
 * Cuts a consume queue back so it refers to nothing at or past a commit-log offset: files whose first entry
 * is past it are deleted, and the last remaining file ends after its last entry before it.
 */
final class ConsumeQueueTruncator {

    private final ConsumeQueue queue;

    ConsumeQueueTruncator(ConsumeQueue queue) {
        this.queue = queue;
    }

    void truncate(long phyOffset) {
        MappedFileQueue files = queue.getMappedFileQueue();
        int unit = ConsumeQueue.CQ_STORE_UNIT_SIZE;
        int fileSize = queue.getMappedFileSize();
        queue.setMaxPhysicOffset(-1);
        while (true) {
            MappedFile mappedFile = files.getLastMappedFile();
            if (mappedFile == null) {
                queue.setMaxPhysicOffset(-1);
                return;
            }
            ByteBuffer buffer = mappedFile.sliceByteBuffer();
            long firstOffset = buffer.getLong(0);
            int firstSize = buffer.getInt(8);
            boolean firstValid = firstOffset >= 0 && firstSize > 0;
            if (firstValid && !ConsumeQueue.isBlankEntry(firstOffset, firstSize) && firstOffset >= phyOffset) {
                files.deleteLastMappedFile();
                continue;
            }
            int end = 0;
            long maxPhysic = -1;
            for (int i = 0; i + unit <= fileSize; i += unit) {
                long offset = buffer.getLong(i);
                int size = buffer.getInt(i + 8);
                if (offset < 0 || size <= 0) {
                    break;
                }
                if (!ConsumeQueue.isBlankEntry(offset, size)) {
                    if (offset >= phyOffset) {
                        break;
                    }
                    maxPhysic = offset + size;
                }
                end = i + unit;
            }
            mappedFile.setWrotePosition(end);
            mappedFile.setCommittedPosition(end);
            mappedFile.setFlushedPosition(end);
            mappedFile.zeroTail(end);
            if (maxPhysic >= 0) {
                queue.setMaxPhysicOffset(maxPhysic);
            }
            long where = mappedFile.getFileFromOffset() + end;
            files.setFlushedWhere(Math.min(files.getFlushedWhere(), where));
            files.setCommittedWhere(Math.min(files.getCommittedWhere(), where));
            return;
        }
    }
}
