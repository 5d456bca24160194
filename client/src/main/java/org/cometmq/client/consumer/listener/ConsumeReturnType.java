package org.cometmq.client.consumer.listener;

/** How a listener call ended, as reported to consume hooks. */
public enum ConsumeReturnType {
    /** Returned CONSUME_SUCCESS / SUCCESS. */
    SUCCESS,
    /** Took longer than consumeTimeout. */
    TIME_OUT,
    /** Threw. */
    EXCEPTION,
    /** Returned null. */
    RETURNNULL,
    /** Returned a failure status. */
    FAILED
}
