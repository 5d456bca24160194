package org.cometmq.common.filter;

import org.cometmq.common.protocol.heartbeat.SubscriptionData;

/** Builds the {@link SubscriptionData} a consumer announces for a topic and expression. */
public final class FilterAPI {
    private static final String TAG_SEPARATOR = "\\|\\|";

    private FilterAPI() {
    }

    /**
     * A tag subscription: {@code null}, empty or {@code *} subscribes to everything; otherwise the expression is
     * split on {@code ||}, each tag trimmed, and its {@code String.hashCode()} added to the code set.
     */
    public static SubscriptionData buildSubscriptionData(String topic, String subString) {
        SubscriptionData data = new SubscriptionData();
        data.setTopic(topic);
        data.setSubString(subString);
        if (subString == null || subString.isEmpty() || SubscriptionData.SUB_ALL.equals(subString)) {
            data.setSubString(SubscriptionData.SUB_ALL);
            return data;
        }
        for (String tag : subString.split(TAG_SEPARATOR)) {
            String trimmed = tag.trim();
            if (!trimmed.isEmpty()) {
                data.getTagsSet().add(trimmed);
                data.getCodeSet().add(trimmed.hashCode());
            }
        }
        return data;
    }

    /**
     * A subscription in the given expression language; SQL92 expressions are carried as written (the broker
     * compiles them), tag expressions are parsed as in {@link #buildSubscriptionData(String, String)}.
     */
    public static SubscriptionData build(String topic, String subString, String type) {
        if (ExpressionType.isTagType(type)) {
            return buildSubscriptionData(topic, subString);
        }
        if (subString == null || subString.isEmpty()) {
            throw new IllegalArgumentException("The " + type + " expression for topic " + topic + " is empty");
        }
        SubscriptionData data = new SubscriptionData();
        data.setTopic(topic);
        data.setSubString(subString);
        data.setExpressionType(type);
        return data;
    }
}
