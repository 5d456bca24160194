package org.cometmq.client.common;

import org.cometmq.common.MixAll;
import org.cometmq.common.topic.TopicValidator;

/**
 * Prefixes topic and group names with a namespace ({@code ns%name}), keeping the {@code %RETRY%} / {@code %DLQ%}
 * prefix outermost ({@code %RETRY%ns%group}). System topics and groups are never wrapped.
 */
public final class NamespaceUtil {
    public static final char NAMESPACE_SEPARATOR = '%';

    private NamespaceUtil() {
    }

    /** {@code resource} inside {@code namespace}; unchanged when either is blank, already wrapped, or a system name. */
    public static String wrapNamespace(String namespace, String resource) {
        if (isBlank(namespace) || isBlank(resource) || isSystemResource(resource)) {
            return resource;
        }
        String prefix = retryOrDlqPrefix(resource);
        String bare = resource.substring(prefix.length());
        if (bare.startsWith(namespace + NAMESPACE_SEPARATOR)) {
            return resource;
        }
        return prefix + namespace + NAMESPACE_SEPARATOR + bare;
    }

    /** {@code resource} without any namespace (the part after the first separator past a retry/DLQ prefix). */
    public static String withoutNamespace(String resource) {
        if (isBlank(resource) || isSystemResource(resource)) {
            return resource;
        }
        String prefix = retryOrDlqPrefix(resource);
        String bare = resource.substring(prefix.length());
        int index = bare.indexOf(NAMESPACE_SEPARATOR);
        return index < 0 ? resource : prefix + bare.substring(index + 1);
    }

    /** {@code resource} without {@code namespace}; unchanged when it is not wrapped in that namespace. */
    public static String withoutNamespace(String resource, String namespace) {
        if (isBlank(resource) || isBlank(namespace)) {
            return resource;
        }
        String prefix = retryOrDlqPrefix(resource);
        String bare = resource.substring(prefix.length());
        String expected = namespace + NAMESPACE_SEPARATOR;
        return bare.startsWith(expected) ? prefix + bare.substring(expected.length()) : resource;
    }

    private static String retryOrDlqPrefix(String resource) {
        if (resource.startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX)) {
            return MixAll.RETRY_GROUP_TOPIC_PREFIX;
        }
        if (resource.startsWith(MixAll.DLQ_GROUP_TOPIC_PREFIX)) {
            return MixAll.DLQ_GROUP_TOPIC_PREFIX;
        }
        return "";
    }

    private static boolean isSystemResource(String resource) {
        return TopicValidator.isSystemTopic(resource) || MixAll.isSysConsumerGroup(resource)
            || MixAll.DEFAULT_PRODUCER_GROUP.equals(resource) || MixAll.DEFAULT_CONSUMER_GROUP.equals(resource)
            || MixAll.CLIENT_INNER_PRODUCER_GROUP.equals(resource) || MixAll.TOOLS_CONSUMER_GROUP.equals(resource);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
