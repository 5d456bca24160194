package org.cometmq.broker.filter;

import java.util.Objects;

/**
 * One consumer group's SQL92 filter on one topic, as the broker keeps and persists it in
 * {@code config/consumerFilter.json} (RocketMQ 4.9's field names and form). A filter whose group went offline is
 * "dead" from {@link #getDeadTime()} on and is dropped a day later.
 */
public class ConsumerFilterData {
    private String consumerGroup;
    private String topic;
    private String expression;
    private String expressionType;
    private long bornTime;
    private long deadTime;
    private BloomFilterData bloomFilterData;
    private long clientVersion;

    /** True once the group went offline after this filter was registered. */
    public boolean isDead() {
        return deadTime >= bornTime;
    }

    /** Milliseconds since the filter died at {@code now}, or -1 while alive. */
    public long howLongAfterDeath(long now) {
        return isDead() ? now - deadTime : -1;
    }

    public String getConsumerGroup() {
        return consumerGroup;
    }

    public void setConsumerGroup(String consumerGroup) {
        this.consumerGroup = consumerGroup;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getExpression() {
        return expression;
    }

    public void setExpression(String expression) {
        this.expression = expression;
    }

    public String getExpressionType() {
        return expressionType;
    }

    public void setExpressionType(String expressionType) {
        this.expressionType = expressionType;
    }

    public long getBornTime() {
        return bornTime;
    }

    public void setBornTime(long bornTime) {
        this.bornTime = bornTime;
    }

    public long getDeadTime() {
        return deadTime;
    }

    public void setDeadTime(long deadTime) {
        this.deadTime = deadTime;
    }

    public BloomFilterData getBloomFilterData() {
        return bloomFilterData;
    }

    public void setBloomFilterData(BloomFilterData bloomFilterData) {
        this.bloomFilterData = bloomFilterData;
    }

    public long getClientVersion() {
        return clientVersion;
    }

    public void setClientVersion(long clientVersion) {
        this.clientVersion = clientVersion;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ConsumerFilterData)) {
            return false;
        }
        ConsumerFilterData other = (ConsumerFilterData) o;
        return bornTime == other.bornTime && deadTime == other.deadTime && clientVersion == other.clientVersion
            && Objects.equals(consumerGroup, other.consumerGroup) && Objects.equals(topic, other.topic)
            && Objects.equals(expression, other.expression) && Objects.equals(expressionType, other.expressionType)
            && Objects.equals(bloomFilterData, other.bloomFilterData);
    }

    @Override
    public int hashCode() {
        return Objects.hash(consumerGroup, topic, expression, expressionType, bornTime, deadTime, clientVersion);
    }

    @Override
    public String toString() {
        return "ConsumerFilterData[consumerGroup=" + consumerGroup + ", topic=" + topic + ", expression=" + expression
            + ", expressionType=" + expressionType + ", bornTime=" + bornTime + ", deadTime=" + deadTime
            + ", bloomFilterData=" + bloomFilterData + ", clientVersion=" + clientVersion + "]";
    }
}
