package org.cometmq.test.spring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What each listener of the application was handed, in arrival order; listeners record here by name. */
public final class Received {
    private final Map<String, List<Object>> byListener = new ConcurrentHashMap<>();

    /** Records {@code payload} as received by {@code listener}; returns how often it has now been seen there. */
    public int add(String listener, Object payload) {
        List<Object> list = byListener.computeIfAbsent(listener, k -> new ArrayList<>());
        synchronized (list) {
            list.add(payload);
            return (int) list.stream().filter(payload::equals).count();
        }
    }

    /** A copy of what {@code listener} received so far. */
    public List<Object> of(String listener) {
        List<Object> list = byListener.getOrDefault(listener, List.of());
        synchronized (list) {
            return new ArrayList<>(list);
        }
    }
}
