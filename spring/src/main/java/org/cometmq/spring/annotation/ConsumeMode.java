package org.cometmq.spring.annotation;

/** How a listener container hands messages to its listener. */
public enum ConsumeMode {
    /** Several threads at once, no order. */
    CONCURRENTLY,
    /** One thread per queue at a time, in queue order. */
    ORDERLY
}
