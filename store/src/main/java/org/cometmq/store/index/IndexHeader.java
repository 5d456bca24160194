package org.cometmq.store.index;

import java.nio.ByteBuffer;

/**
 * The 40-byte header of an index file (spec 7.4): beginTimestamp @0, endTimestamp @8, beginPhyOffset @16,
 * endPhyOffset @24 (int64), hashSlotCount @32, indexCount @36 (int32, starts at 1). Every change is written
 * through to the mapped buffer, so the file on disk is always self-consistent up to its last entry.
 */
public class IndexHeader {

    public static final int INDEX_HEADER_SIZE = 40;
    private static final int BEGIN_TIMESTAMP_INDEX = 0;
    private static final int END_TIMESTAMP_INDEX = 8;
    private static final int BEGIN_PHYOFFSET_INDEX = 16;
    private static final int END_PHYOFFSET_INDEX = 24;
    private static final int HASH_SLOT_COUNT_INDEX = 32;
    private static final int INDEX_COUNT_INDEX = 36;

    private final ByteBuffer byteBuffer;
    private volatile long beginTimestamp;
    private volatile long endTimestamp;
    private volatile long beginPhyOffset;
    private volatile long endPhyOffset;
    private volatile int hashSlotCount;
    private volatile int indexCount = 1;

    /** @param byteBuffer the file's buffer; the header occupies its first 40 bytes */
    public IndexHeader(ByteBuffer byteBuffer) {
        this.byteBuffer = byteBuffer;
    }

    /** Reads the header from the buffer (an existing file). */
    public void load() {
        beginTimestamp = byteBuffer.getLong(BEGIN_TIMESTAMP_INDEX);
        endTimestamp = byteBuffer.getLong(END_TIMESTAMP_INDEX);
        beginPhyOffset = byteBuffer.getLong(BEGIN_PHYOFFSET_INDEX);
        endPhyOffset = byteBuffer.getLong(END_PHYOFFSET_INDEX);
        hashSlotCount = byteBuffer.getInt(HASH_SLOT_COUNT_INDEX);
        indexCount = Math.max(byteBuffer.getInt(INDEX_COUNT_INDEX), 1);
    }

    /** Writes every field (a new file). */
    public void updateByteBuffer() {
        byteBuffer.putLong(BEGIN_TIMESTAMP_INDEX, beginTimestamp);
        byteBuffer.putLong(END_TIMESTAMP_INDEX, endTimestamp);
        byteBuffer.putLong(BEGIN_PHYOFFSET_INDEX, beginPhyOffset);
        byteBuffer.putLong(END_PHYOFFSET_INDEX, endPhyOffset);
        byteBuffer.putInt(HASH_SLOT_COUNT_INDEX, hashSlotCount);
        byteBuffer.putInt(INDEX_COUNT_INDEX, indexCount);
    }

    public long getBeginTimestamp() {
        return beginTimestamp;
    }

    public void setBeginTimestamp(long beginTimestamp) {
        this.beginTimestamp = beginTimestamp;
        byteBuffer.putLong(BEGIN_TIMESTAMP_INDEX, beginTimestamp);
    }

    public long getEndTimestamp() {
        return endTimestamp;
    }

    public void setEndTimestamp(long endTimestamp) {
        this.endTimestamp = endTimestamp;
        byteBuffer.putLong(END_TIMESTAMP_INDEX, endTimestamp);
    }

    public long getBeginPhyOffset() {
        return beginPhyOffset;
    }

    public void setBeginPhyOffset(long beginPhyOffset) {
        this.beginPhyOffset = beginPhyOffset;
        byteBuffer.putLong(BEGIN_PHYOFFSET_INDEX, beginPhyOffset);
    }

    public long getEndPhyOffset() {
        return endPhyOffset;
    }

    public void setEndPhyOffset(long endPhyOffset) {
        this.endPhyOffset = endPhyOffset;
        byteBuffer.putLong(END_PHYOFFSET_INDEX, endPhyOffset);
    }

    public int getHashSlotCount() {
        return hashSlotCount;
    }

    public void incHashSlotCount() {
        hashSlotCount++;
        byteBuffer.putInt(HASH_SLOT_COUNT_INDEX, hashSlotCount);
    }

    public int getIndexCount() {
        return indexCount;
    }

    public void incIndexCount() {
        indexCount++;
        byteBuffer.putInt(INDEX_COUNT_INDEX, indexCount);
    }
}
