package org.cometmq.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Messages found by a key query, as windows to release after use, plus how fresh the index is. */
public class QueryMessageResult {

    private final List<SelectMappedBufferResult> messageMapedList = new ArrayList<>(100);
    private final List<ByteBuffer> messageBufferList = new ArrayList<>(100);
    private long indexLastUpdateTimestamp;
    private long indexLastUpdatePhyoffset;
    private int bufferTotalSize = 0;

    public void addMessage(SelectMappedBufferResult mapedBuffer) {
        messageMapedList.add(mapedBuffer);
        messageBufferList.add(mapedBuffer.getByteBuffer());
        bufferTotalSize += mapedBuffer.getSize();
    }

    public void release() {
        for (SelectMappedBufferResult select : messageMapedList) {
            select.release();
        }
    }

    public List<SelectMappedBufferResult> getMessageMapedList() {
        return messageMapedList;
    }

    public List<ByteBuffer> getMessageBufferList() {
        return messageBufferList;
    }

    public long getIndexLastUpdateTimestamp() {
        return indexLastUpdateTimestamp;
    }

    public void setIndexLastUpdateTimestamp(long indexLastUpdateTimestamp) {
        this.indexLastUpdateTimestamp = indexLastUpdateTimestamp;
    }

    public long getIndexLastUpdatePhyoffset() {
        return indexLastUpdatePhyoffset;
    }

    public void setIndexLastUpdatePhyoffset(long indexLastUpdatePhyoffset) {
        this.indexLastUpdatePhyoffset = indexLastUpdatePhyoffset;
    }

    public int getBufferTotalSize() {
        return bufferTotalSize;
    }
}
