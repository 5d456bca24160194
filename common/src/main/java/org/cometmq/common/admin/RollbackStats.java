package org.cometmq.common.admin;

/**
 * One queue's outcome of an offline offset reset ({@link MQAdminExt#resetOffsetByTimestampOld}): the queue's
 * max offset, the group's offset before, the offset found for the timestamp, and the offset committed.
 * (RocketMQ keeps this class in {@code common.admin}; CometMQ's common module has no such package, so it lives
 * beside the only API that returns it.)
 */
public class RollbackStats {
    private String brokerName;
    private long queueId;
    private long brokerOffset;
    private long consumerOffset;
    private long timestampOffset;
    private long rollbackOffset;

    public String getBrokerName() {
        return brokerName;
    }

    public void setBrokerName(String brokerName) {
        this.brokerName = brokerName;
    }

    public long getQueueId() {
        return queueId;
    }

    public void setQueueId(long queueId) {
        this.queueId = queueId;
    }

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

    public long getTimestampOffset() {
        return timestampOffset;
    }

    public void setTimestampOffset(long timestampOffset) {
        this.timestampOffset = timestampOffset;
    }

    public long getRollbackOffset() {
        return rollbackOffset;
    }

    public void setRollbackOffset(long rollbackOffset) {
        this.rollbackOffset = rollbackOffset;
    }

    @Override
    public String toString() {
        return "RollbackStats [brokerName=" + brokerName + ", queueId=" + queueId + ", brokerOffset=" + brokerOffset
            + ", consumerOffset=" + consumerOffset + ", timestampOffset=" + timestampOffset + ", rollbackOffset="
            + rollbackOffset + "]";
    }
}
