package org.cometmq.common.protocol.heartbeat;

/** BROADCASTING: every consumer of the group gets every message; CLUSTERING: the group shares the queues. */
public enum MessageModel {
    BROADCASTING("BROADCASTING"),
    CLUSTERING("CLUSTERING");

    private final String modeCN;

    MessageModel(String modeCN) {
        this.modeCN = modeCN;
    }

    public String getModeCN() {
        return modeCN;
    }
}
