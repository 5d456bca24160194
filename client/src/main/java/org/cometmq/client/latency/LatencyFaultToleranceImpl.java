package org.cometmq.client.latency;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault items keyed by broker name, each available again at its own time. The clock is injectable so expiry can
 * be tested without waiting.
 */
public class LatencyFaultToleranceImpl implements LatencyFaultTolerance<String> {
    private final ConcurrentMap<String, FaultItem> faultItemTable = new ConcurrentHashMap<>(16);
    private final AtomicInteger whichItemWorst = new AtomicInteger();
    private final Clock clock;

    public LatencyFaultToleranceImpl() {
        this(Clock.systemUTC());
    }

    public LatencyFaultToleranceImpl(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void updateFaultItem(String name, long currentLatency, long notAvailableDuration) {
        faultItemTable.put(name, new FaultItem(name, currentLatency, clock.millis() + notAvailableDuration));
    }

    @Override
    public boolean isAvailable(String name) {
        FaultItem item = faultItemTable.get(name);
        return item == null || item.isAvailable(clock.millis());
    }

    @Override
    public void remove(String name) {
        faultItemTable.remove(name);
    }

    /**
     * Rotates over the better half of the remembered brokers, ordered by: available first, then lower latency,
     * then the one available soonest.
     */
    @Override
    public String pickOneAtLeast() {
        List<FaultItem> items = new ArrayList<>(faultItemTable.values());
        if (items.isEmpty()) {
            return null;
        }
        long now = clock.millis();
        Collections.shuffle(items);
        items.sort((a, b) -> {
            boolean aAvailable = a.isAvailable(now);
            boolean bAvailable = b.isAvailable(now);
            if (aAvailable != bAvailable) {
                return aAvailable ? -1 : 1;
            }
            if (a.currentLatency != b.currentLatency) {
                return Long.compare(a.currentLatency, b.currentLatency);
            }
            return Long.compare(a.startTimestamp, b.startTimestamp);
        });
        int half = items.size() / 2;
        if (half <= 0) {
            return items.get(0).name;
        }
        return items.get((whichItemWorst.getAndIncrement() & 0x7FFFFFFF) % half).name;
    }

    @Override
    public String toString() {
        return "LatencyFaultToleranceImpl{faultItemTable=" + faultItemTable + '}';
    }

    /** One broker's latest latency and the time from which it may be used again. */
    private record FaultItem(String name, long currentLatency, long startTimestamp) {
        boolean isAvailable(long now) {
            return now >= startTimestamp;
        }
    }
}
