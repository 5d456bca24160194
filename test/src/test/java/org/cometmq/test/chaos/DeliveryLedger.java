package org.cometmq.test.chaos;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * What a chaos workload's ids went through: acknowledged (SEND_OK) and received, with every delivery counted.
 * Only ids of this run ({@code <runId>-...}) are received; a group's deliveries of an earlier run are ignored.
 */
final class DeliveryLedger {
    private final String runPrefix;
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();

    DeliveryLedger(String runId) {
        this.runPrefix = runId + "-";
    }

    void acknowledge(String id) {
        acknowledged.add(id);
    }

    /** Counts one delivery of {@code id}; true when it is this run's and its first delivery. */
    boolean receive(String id) {
        return id.startsWith(runPrefix) && received.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet() == 1;
    }

    boolean wasReceived(String id) {
        return received.containsKey(id);
    }

    /** Acknowledged but never received. */
    Set<String> lost() {
        return acknowledged.stream().filter(id -> !received.containsKey(id)).collect(Collectors.toSet());
    }

    /** Deliveries beyond the first of each id. */
    long duplicated() {
        return received.values().stream().mapToLong(c -> Math.max(0, c.get() - 1)).sum();
    }

    int acknowledgedCount() {
        return acknowledged.size();
    }

    int receivedCount() {
        return received.size();
    }

    ChaosReport report(String scenario, long sent, long failed) {
        return new ChaosReport(scenario, sent, acknowledged.size(), failed, received.size(), lost().size(),
            duplicated());
    }
}
