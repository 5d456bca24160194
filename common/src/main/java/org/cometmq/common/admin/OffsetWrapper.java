package org.cometmq.common.admin;

/**
 * One queue's progress for a group: the queue's max offset, the committed offset and the last consumed store time.
 * CometMQ brokers also send the queue's min offset and the count of messages deleted before the group consumed them
 * (both 0 from an Apache broker, whose clients ignore the two fields).
 */
public class OffsetWrapper {
    private long brokerOffset;
    private long consumerOffset;
    private long lastTimestamp;
    private long minOffset;
    private long lostCount;

    public long getBrokerOffset() {
        return brokerOffset;
    }

    public void setBrokerOffset(long brokerOffset) {
        this.brokerOffset = brokerOffset;
    }

    public long getConsumerOffset() {
        return consumerOffset;
    }

    public void setConsumerOffset(long consumerOffset) {
        this.consumerOffset = consumerOffset;
    }

    public long getLastTimestamp() {
        return lastTimestamp;
    }

    public void setLastTimestamp(long lastTimestamp) {
        this.lastTimestamp = lastTimestamp;
    }

    /** The queue's min offset: messages below it are gone from the store. */
    public long getMinOffset() {
        return minOffset;
    }

    public void setMinOffset(long minOffset) {
        this.minOffset = minOffset;
    }

    /** Messages of this queue deleted before the group consumed them (since the broker started). */
    public long getLostCount() {
        return lostCount;
    }

    public void setLostCount(long lostCount) {
        this.lostCount = lostCount;
    }

    /** Messages the group can still consume: from its offset, or from the min offset when that is higher. */
    public long consumableDiff() {
        return brokerOffset - Math.max(consumerOffset, minOffset);
    }

    /** Messages the group will never consume because they were deleted first. */
    public long lostBehind() {
        return Math.max(lostCount, minOffset - consumerOffset);
    }
}
