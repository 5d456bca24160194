package org.cometmq.common.filter.sql92;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Compiled expressions per (consumer group, topic, subscription version), least recently used evicted first.
 * A failed compile is remembered too, so a broken subscription is not re-parsed on every pull.
 * Thread-safe; callers look up once per pull request, not per message, so one lock is enough.
 */
public final class ExpressionCache {
    /** Default bound: generous for a broker with many groups, small in memory (each entry is a few hundred bytes). */
    public static final int DEFAULT_MAX_ENTRIES = 4096;

    private final int maxEntries;
    private final LinkedHashMap<Key, Entry> entries;

    public ExpressionCache() {
        this(DEFAULT_MAX_ENTRIES);
    }

    public ExpressionCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, got " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    /**
     * The compiled form of {@code expression} for this subscription, compiling it on first use or when the text
     * under the same key changed.
     *
     * @throws FilterException if the expression does not compile (also on later calls with the same key and text)
     */
    public Sql92Expression get(String group, String topic, long subVersion, String expression) throws FilterException {
        Key key = new Key(group, topic, subVersion);
        Entry entry;
        synchronized (entries) {
            entry = entries.get(key);
        }
        if (entry == null || !Objects.equals(entry.source, expression)) {
            entry = compile(expression);
            synchronized (entries) {
                entries.put(key, entry);
                evictOverflow();
            }
        }
        if (entry.failure != null) {
            throw entry.failure;
        }
        return entry.compiled;
    }

    /** Drops every version cached for this group and topic (e.g. when the consumer unsubscribes). */
    public void invalidate(String group, String topic) {
        synchronized (entries) {
            entries.keySet().removeIf(k -> k.group.equals(group) && k.topic.equals(topic));
        }
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }

    private void evictOverflow() {
        Iterator<Map.Entry<Key, Entry>> eldestFirst = entries.entrySet().iterator();
        while (entries.size() > maxEntries && eldestFirst.hasNext()) {
            eldestFirst.next();
            eldestFirst.remove();
        }
    }

    private static Entry compile(String expression) {
        try {
            return new Entry(expression, Sql92Compiler.compile(expression), null);
        } catch (FilterException e) {
            return new Entry(expression, null, e);
        }
    }

    private record Key(String group, String topic, long subVersion) {
        Key {
            group = group == null ? "" : group;
            topic = topic == null ? "" : topic;
        }
    }

    private record Entry(String source, Sql92Expression compiled, FilterException failure) {
    }
}
