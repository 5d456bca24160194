package org.cometmq.store.index;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.util.List;
import org.cometmq.store.logfile.MappedFile;

/**
 * One hash index file (spec 7.4): a 40-byte header, {@code hashSlotNum} int32 slots holding the latest entry
 * number of each hash, then {@code indexNum} 20-byte entries (keyHash int32, commit-log offset int64, seconds
 * since the file's begin time int32, previous entry in the same slot int32). Entry 0 is never used.
 */
public class IndexFile {

    private static final int HASH_SLOT_SIZE = 4;
    private static final int INDEX_SIZE = 20;
    private static final int INVALID_INDEX = 0;

    private final int hashSlotNum;
    private final int indexNum;
    private final MappedFile mappedFile;
    private final MappedByteBuffer mappedByteBuffer;
    private final IndexHeader indexHeader;
    /** Whether the header and hash slots, written at random positions, have their disk blocks (single writer). */
    private boolean slotsReserved;

    /**
     * Maps {@code fileName}; a new file continues from {@code endPhyOffset}/{@code endTimestamp} of the previous
     * one (0 for the first).
     */
    public IndexFile(String fileName, int hashSlotNum, int indexNum, long endPhyOffset, long endTimestamp)
        throws IOException {
        int fileTotalSize = IndexHeader.INDEX_HEADER_SIZE + hashSlotNum * HASH_SLOT_SIZE + indexNum * INDEX_SIZE;
        this.mappedFile = new MappedFile(fileName, fileTotalSize);
        this.mappedByteBuffer = mappedFile.getMappedByteBuffer();
        this.hashSlotNum = hashSlotNum;
        this.indexNum = indexNum;
        this.indexHeader = new IndexHeader(mappedByteBuffer);
        if (endPhyOffset > 0) {
            indexHeader.setBeginPhyOffset(endPhyOffset);
            indexHeader.setEndPhyOffset(endPhyOffset);
        }
        if (endTimestamp > 0) {
            indexHeader.setBeginTimestamp(endTimestamp);
            indexHeader.setEndTimestamp(endTimestamp);
        }
    }

    /** Total bytes of a file with these dimensions. */
    public static long fileSize(int hashSlotNum, int indexNum) {
        return IndexHeader.INDEX_HEADER_SIZE + (long) hashSlotNum * HASH_SLOT_SIZE + (long) indexNum * INDEX_SIZE;
    }

    public String getFileName() {
        return mappedFile.getFileName();
    }

    /** Reads the header of an existing file. */
    public void load() {
        indexHeader.load();
    }

    /** Forces the file to disk. */
    public void flush() {
        if (mappedFile.hold()) {
            try {
                mappedByteBuffer.force();
            } finally {
                mappedFile.release();
            }
        }
    }

    public boolean isWriteFull() {
        return indexHeader.getIndexCount() >= indexNum;
    }

    public boolean destroy(long intervalForcibly) {
        return mappedFile.destroy(intervalForcibly);
    }

    /** The slot hash of a key: its Java hash made non-negative. */
    public static int indexKeyHashMethod(String key) {
        int keyHash = key.hashCode();
        int keyHashPositive = Math.abs(keyHash);
        return keyHashPositive < 0 ? 0 : keyHashPositive;
    }

    /**
     * Adds an entry for {@code key}; false when the file is full. Single writer.
     *
     * @throws org.cometmq.store.logfile.DiskSpaceException when the disk has no room for it; nothing was written
     */
    public boolean putKey(String key, long phyOffset, long storeTimestamp) {
        int count = indexHeader.getIndexCount();
        if (count >= indexNum) {
            return false;
        }
        int entriesStart = IndexHeader.INDEX_HEADER_SIZE + hashSlotNum * HASH_SLOT_SIZE;
        if (!slotsReserved) {
            mappedFile.reserveKeepingContent(0, entriesStart);
            slotsReserved = true;
        }
        mappedFile.reserveForAppend(entriesStart + count * INDEX_SIZE, INDEX_SIZE);
        int keyHash = indexKeyHashMethod(key);
        int absSlotPos = IndexHeader.INDEX_HEADER_SIZE + (keyHash % hashSlotNum) * HASH_SLOT_SIZE;
        int slotValue = mappedByteBuffer.getInt(absSlotPos);
        if (slotValue <= INVALID_INDEX || slotValue > count) {
            slotValue = INVALID_INDEX;
        }
        long timeDiff = 0;
        if (indexHeader.getBeginTimestamp() > 0) {
            timeDiff = (storeTimestamp - indexHeader.getBeginTimestamp()) / 1000;
            timeDiff = Math.max(0, Math.min(Integer.MAX_VALUE, timeDiff));
        }
        int absIndexPos = IndexHeader.INDEX_HEADER_SIZE + hashSlotNum * HASH_SLOT_SIZE + count * INDEX_SIZE;
        mappedByteBuffer.putInt(absIndexPos, keyHash);
        mappedByteBuffer.putLong(absIndexPos + 4, phyOffset);
        mappedByteBuffer.putInt(absIndexPos + 12, (int) timeDiff);
        mappedByteBuffer.putInt(absIndexPos + 16, slotValue);
        mappedByteBuffer.putInt(absSlotPos, count);
        if (count <= 1) {
            indexHeader.setBeginPhyOffset(phyOffset);
            indexHeader.setBeginTimestamp(storeTimestamp);
        }
        if (slotValue == INVALID_INDEX) {
            indexHeader.incHashSlotCount();
        }
        indexHeader.incIndexCount();
        indexHeader.setEndPhyOffset(phyOffset);
        indexHeader.setEndTimestamp(storeTimestamp);
        return true;
    }

    /** True when this file may hold entries stored within {@code [begin, end]}. */
    public boolean isTimeMatched(long begin, long end) {
        long fileBegin = indexHeader.getBeginTimestamp();
        long fileEnd = indexHeader.getEndTimestamp();
        return (begin < fileBegin && end > fileEnd)
            || (begin >= fileBegin && begin <= fileEnd)
            || (end >= fileBegin && end <= fileEnd);
    }

    /**
     * Adds to {@code phyOffsets}, newest first, the commit-log offsets of entries whose key hash matches
     * {@code key} and whose time is within {@code [begin, end]}, until it holds {@code maxNum}. Hash collisions
     * are possible: callers check the record.
     */
    public void selectPhyOffset(List<Long> phyOffsets, String key, int maxNum, long begin, long end) {
        if (!mappedFile.hold()) {
            return;
        }
        try {
            int count = indexHeader.getIndexCount();
            int keyHash = indexKeyHashMethod(key);
            int absSlotPos = IndexHeader.INDEX_HEADER_SIZE + (keyHash % hashSlotNum) * HASH_SLOT_SIZE;
            int slotValue = mappedByteBuffer.getInt(absSlotPos);
            if (slotValue <= INVALID_INDEX || slotValue >= count || count <= 1) {
                return;
            }
            int next = slotValue;
            for (int steps = 0; steps < count && phyOffsets.size() < maxNum; steps++) {
                int absIndexPos = IndexHeader.INDEX_HEADER_SIZE + hashSlotNum * HASH_SLOT_SIZE + next * INDEX_SIZE;
                int keyHashRead = mappedByteBuffer.getInt(absIndexPos);
                long phyOffsetRead = mappedByteBuffer.getLong(absIndexPos + 4);
                long timeDiff = mappedByteBuffer.getInt(absIndexPos + 12);
                int prevIndexRead = mappedByteBuffer.getInt(absIndexPos + 16);
                if (timeDiff < 0) {
                    break;
                }
                long timeRead = indexHeader.getBeginTimestamp() + timeDiff * 1000L;
                if (keyHash == keyHashRead && timeRead >= begin && timeRead <= end) {
                    phyOffsets.add(phyOffsetRead);
                }
                if (prevIndexRead <= INVALID_INDEX || prevIndexRead >= count || prevIndexRead == next || timeRead < begin) {
                    break;
                }
                next = prevIndexRead;
            }
        } finally {
            mappedFile.release();
        }
    }

    /** The mapped bytes (layout checks). */
    java.nio.ByteBuffer mappedBuffer() {
        return mappedByteBuffer;
    }

    public long getBeginTimestamp() {
        return indexHeader.getBeginTimestamp();
    }

    public long getEndTimestamp() {
        return indexHeader.getEndTimestamp();
    }

    public long getEndPhyOffset() {
        return indexHeader.getEndPhyOffset();
    }

    public long getBeginPhyOffset() {
        return indexHeader.getBeginPhyOffset();
    }

    public int getIndexCount() {
        return indexHeader.getIndexCount();
    }
}
