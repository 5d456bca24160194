package org.cometmq.spring.annotation;

/** Whether a consumer group shares the messages of a topic or every member gets all of them. */
public enum MessageModel {
    /** Every consumer of the group gets every message. */
    BROADCASTING("BROADCASTING"),
    /** The group's consumers share the queues. */
    CLUSTERING("CLUSTERING");

    private final String modeCN;

    MessageModel(String modeCN) {
        this.modeCN = modeCN;
    }

    /** The mode's name as rocketmq-spring spells it. */
    public String getModeCN() {
        return modeCN;
    }
}
