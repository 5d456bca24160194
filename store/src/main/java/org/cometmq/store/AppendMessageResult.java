package org.cometmq.store;

import java.util.function.Supplier;

/** Where and how a message (or batch) was written into the commit log. */
public class AppendMessageResult {

    private AppendMessageStatus status;
    /** Commit-log offset of the first byte written. */
    private long wroteOffset;
    private int wroteBytes;
    /** Built only when asked: the offset message id(s) (spec 6.7), comma separated for a batch. */
    private Supplier<String> msgIdSupplier;
    private long storeTimestamp;
    /** Queue offset of the (first) message. */
    private long logicsOffset;
    /** Time spent writing under the put lock, ms. */
    private long pagecacheRT = 0;
    private int msgNum = 1;

    public AppendMessageResult(AppendMessageStatus status) {
        this(status, 0, 0, null, 0, 0, 0);
    }

    public AppendMessageResult(AppendMessageStatus status, long wroteOffset, int wroteBytes,
                               Supplier<String> msgIdSupplier, long storeTimestamp, long logicsOffset, long pagecacheRT) {
        this.status = status;
        this.wroteOffset = wroteOffset;
        this.wroteBytes = wroteBytes;
        this.msgIdSupplier = msgIdSupplier;
        this.storeTimestamp = storeTimestamp;
        this.logicsOffset = logicsOffset;
        this.pagecacheRT = pagecacheRT;
    }

    public boolean isOk() {
        return status == AppendMessageStatus.PUT_OK;
    }

    public AppendMessageStatus getStatus() {
        return status;
    }

    public void setStatus(AppendMessageStatus status) {
        this.status = status;
    }

    public long getWroteOffset() {
        return wroteOffset;
    }

    public void setWroteOffset(long wroteOffset) {
        this.wroteOffset = wroteOffset;
    }

    public int getWroteBytes() {
        return wroteBytes;
    }

    public void setWroteBytes(int wroteBytes) {
        this.wroteBytes = wroteBytes;
    }

    public String getMsgId() {
        return msgIdSupplier == null ? null : msgIdSupplier.get();
    }

    public void setMsgIdSupplier(Supplier<String> msgIdSupplier) {
        this.msgIdSupplier = msgIdSupplier;
    }

    public long getStoreTimestamp() {
        return storeTimestamp;
    }

    public void setStoreTimestamp(long storeTimestamp) {
        this.storeTimestamp = storeTimestamp;
    }

    public long getLogicsOffset() {
        return logicsOffset;
    }

    public void setLogicsOffset(long logicsOffset) {
        this.logicsOffset = logicsOffset;
    }

    public long getPagecacheRT() {
        return pagecacheRT;
    }

    public void setPagecacheRT(long pagecacheRT) {
        this.pagecacheRT = pagecacheRT;
    }

    public int getMsgNum() {
        return msgNum;
    }

    public void setMsgNum(int msgNum) {
        this.msgNum = msgNum;
    }

    @Override
    public String toString() {
        return "AppendMessageResult{status=" + status + ", wroteOffset=" + wroteOffset + ", wroteBytes=" + wroteBytes
            + ", storeTimestamp=" + storeTimestamp + ", logicsOffset=" + logicsOffset + ", msgNum=" + msgNum + '}';
    }
}
