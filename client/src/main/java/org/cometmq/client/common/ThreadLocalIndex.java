package org.cometmq.client.common;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A per-thread round-robin counter that starts at a random value, so threads sending to the same topic spread over
 * the queues instead of all starting at queue 0.
 */
public class ThreadLocalIndex {
    private static final int POSITIVE_MASK = 0x7FFFFFFF;

    private final ThreadLocal<int[]> threadLocalIndex = new ThreadLocal<>();

    /** The next non-negative index of this thread. */
    public int incrementAndGet() {
        int[] counter = threadLocalIndex.get();
        if (counter == null) {
            counter = new int[] {ThreadLocalRandom.current().nextInt()};
            threadLocalIndex.set(counter);
        }
        return ++counter[0] & POSITIVE_MASK;
    }

    /** Makes this thread's next index {@code value + 1}; for tests that need a known order. */
    public void reset(int value) {
        threadLocalIndex.set(new int[] {value});
    }

    @Override
    public String toString() {
        int[] counter = threadLocalIndex.get();
        return "ThreadLocalIndex{threadLocalIndex=" + (counter == null ? null : counter[0]) + '}';
    }
}
