package org.cometmq.tools.monitor;

/** A consumer group's backlog on one topic, as one monitoring round measured it. */
public class UndoneMsgs {
    private String consumerGroup;
    private String topic;
    private long undoneMsgsTotal;
    private long undoneMsgsSingleMQ;
    private long undoneMsgsDelayTimeMills;

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

    /** Messages not consumed yet, summed over the topic's queues. */
    public long getUndoneMsgsTotal() {
        return undoneMsgsTotal;
    }

    public void setUndoneMsgsTotal(long undoneMsgsTotal) {
        this.undoneMsgsTotal = undoneMsgsTotal;
    }

    /** The largest backlog of one queue. */
    public long getUndoneMsgsSingleMQ() {
        return undoneMsgsSingleMQ;
    }

    public void setUndoneMsgsSingleMQ(long undoneMsgsSingleMQ) {
        this.undoneMsgsSingleMQ = undoneMsgsSingleMQ;
    }

    /** The largest time between a queue's last stored message and the last one the group consumed there. */
    public long getUndoneMsgsDelayTimeMills() {
        return undoneMsgsDelayTimeMills;
    }

    public void setUndoneMsgsDelayTimeMills(long undoneMsgsDelayTimeMills) {
        this.undoneMsgsDelayTimeMills = undoneMsgsDelayTimeMills;
    }

    @Override
    public String toString() {
        return "UndoneMsgs [consumerGroup=" + consumerGroup + ", topic=" + topic + ", undoneMsgsTotal="
            + undoneMsgsTotal + ", undoneMsgsSingleMQ=" + undoneMsgsSingleMQ + ", undoneMsgsDelayTimeMills="
            + undoneMsgsDelayTimeMills + "]";
    }
}
