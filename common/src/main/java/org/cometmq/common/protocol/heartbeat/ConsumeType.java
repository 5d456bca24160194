package org.cometmq.common.protocol.heartbeat;

/** How a consumer gets messages: it pulls them itself (ACTIVELY) or is pushed them by the client (PASSIVELY). */
public enum ConsumeType {
    CONSUME_ACTIVELY("PULL"),
    CONSUME_PASSIVELY("PUSH");

    private final String typeCN;

    ConsumeType(String typeCN) {
        this.typeCN = typeCN;
    }

    public String getTypeCN() {
        return typeCN;
    }
}
