package org.cometmq.client.latency;

/** Remembers which brokers were slow or failing and until when they should be avoided. */
public interface LatencyFaultTolerance<T> {
    /** Records {@code name}'s latest latency and avoids it for {@code notAvailableDuration} ms from now. */
    void updateFaultItem(T name, long currentLatency, long notAvailableDuration);

    /** True unless {@code name} is inside its avoidance period. */
    boolean isAvailable(T name);

    void remove(T name);

    /** One of the least bad remembered items (for when every candidate is being avoided); null when none. */
    T pickOneAtLeast();
}
