package org.cometmq.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Messages found by a pull, as windows on the commit log that stay mapped until {@link #release()}, plus the
 * status and the offsets the broker answers with.
 */
public class GetMessageResult {

    private final List<SelectMappedBufferResult> messageMapedList;
    private final List<ByteBuffer> messageBufferList;
    private final List<Long> messageQueueOffset;
    private GetMessageStatus status;
    private long nextBeginOffset;
    private long minOffset;
    private long maxOffset;
    private int bufferTotalSize = 0;
    private boolean suggestPullingFromSlave = false;
    private int msgCount4Commercial = 0;

    public GetMessageResult() {
        this(100);
    }

    public GetMessageResult(int resultSize) {
        messageMapedList = new ArrayList<>(resultSize);
        messageBufferList = new ArrayList<>(resultSize);
        messageQueueOffset = new ArrayList<>(resultSize);
    }

    /** Adds one found message; the result now owns the window. */
    public void addMessage(SelectMappedBufferResult mapedBuffer) {
        addMessage(mapedBuffer, -1);
    }

    public void addMessage(SelectMappedBufferResult mapedBuffer, long queueOffset) {
        messageMapedList.add(mapedBuffer);
        messageBufferList.add(mapedBuffer.getByteBuffer());
        bufferTotalSize += mapedBuffer.getSize();
        msgCount4Commercial += (int) Math.ceil(mapedBuffer.getSize() / 4096.0);
        messageQueueOffset.add(queueOffset);
    }

    /** Releases every window; call once the bytes have been sent or copied. */
    public void release() {
        for (SelectMappedBufferResult select : messageMapedList) {
            select.release();
        }
    }

    public int getMessageCount() {
        return messageMapedList.size();
    }

    public List<SelectMappedBufferResult> getMessageMapedList() {
        return messageMapedList;
    }

    public List<ByteBuffer> getMessageBufferList() {
        return messageBufferList;
    }

    /** Queue offset of each found message, in order. */
    public List<Long> getMessageQueueOffset() {
        return messageQueueOffset;
    }

    public GetMessageStatus getStatus() {
        return status;
    }

    public void setStatus(GetMessageStatus status) {
        this.status = status;
    }

    public long getNextBeginOffset() {
        return nextBeginOffset;
    }

    public void setNextBeginOffset(long nextBeginOffset) {
        this.nextBeginOffset = nextBeginOffset;
    }

    public long getMinOffset() {
        return minOffset;
    }

    public void setMinOffset(long minOffset) {
        this.minOffset = minOffset;
    }

    public long getMaxOffset() {
        return maxOffset;
    }

    public void setMaxOffset(long maxOffset) {
        this.maxOffset = maxOffset;
    }

    public int getBufferTotalSize() {
        return bufferTotalSize;
    }

    public boolean isSuggestPullingFromSlave() {
        return suggestPullingFromSlave;
    }

    public void setSuggestPullingFromSlave(boolean suggestPullingFromSlave) {
        this.suggestPullingFromSlave = suggestPullingFromSlave;
    }

    public int getMsgCount4Commercial() {
        return msgCount4Commercial;
    }

    @Override
    public String toString() {
        return "GetMessageResult [status=" + status + ", nextBeginOffset=" + nextBeginOffset + ", minOffset=" + minOffset
            + ", maxOffset=" + maxOffset + ", bufferTotalSize=" + bufferTotalSize + ", count=" + getMessageCount() + "]";
    }
}
