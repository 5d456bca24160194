package org.cometmq.common.namesrv;

/** Name-server constants shared with brokers and tools. */
public final class NamesrvUtil {
    /** KV namespace whose key is a topic and value its order config ({@code brokerName:queueNum;...}). */
    public static final String NAMESPACE_ORDER_TOPIC_CONFIG = "ORDER_TOPIC_CONFIG";

    private NamesrvUtil() {
    }
}
