package org.cometmq.broker.metrics;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiFunction;

/**
 * Values per (topic, group), read on every pull: a topic map, then a group map, so a lookup builds no combined
 * key and allocates nothing once the value exists.
 */
final class TopicGroupTable<V> {
    private final ConcurrentMap<String, ConcurrentMap<String, V>> byTopic = new ConcurrentHashMap<>();

    /** The value, or null when none was created. */
    V get(String topic, String group) {
        ConcurrentMap<String, V> byGroup = byTopic.get(topic);
        return byGroup == null ? null : byGroup.get(group);
    }

    /** The value, made by {@code create} (at most once per key) when absent. */
    V get(String topic, String group, BiFunction<String, String, ? extends V> create) {
        ConcurrentMap<String, V> byGroup = byTopic.get(topic);
        if (byGroup == null) {
            byGroup = byTopic.computeIfAbsent(topic, t -> new ConcurrentHashMap<>());
        }
        V value = byGroup.get(group);
        if (value == null) {
            value = byGroup.computeIfAbsent(group, g -> create.apply(topic, g));
        }
        return value;
    }
}
