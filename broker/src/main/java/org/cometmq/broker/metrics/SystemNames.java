package org.cometmq.broker.metrics;

import org.cometmq.common.MixAll;
import org.cometmq.common.topic.TopicValidator;

/** The {@code is_system} and {@code is_retry} label values as RocketMQ 5 derives them from names. */
final class SystemNames {
    private SystemNames() {
    }

    static String isSystem(String topic) {
        return Boolean.toString(TopicValidator.isSystemTopic(topic));
    }

    static String isSystem(String topic, String group) {
        return Boolean.toString(TopicValidator.isSystemTopic(topic) || isSystemGroup(group));
    }

    static boolean isSystemGroup(String group) {
        return group != null && MixAll.isSysConsumerGroup(group);
    }

    static boolean isRetryOrDlq(String topic) {
        return topic.startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX) || topic.startsWith(MixAll.DLQ_GROUP_TOPIC_PREFIX);
    }

    static String isRetry(String topic) {
        return Boolean.toString(topic.startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX));
    }
}
