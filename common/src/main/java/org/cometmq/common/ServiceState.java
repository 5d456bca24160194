package org.cometmq.common;

/** Lifecycle of a client-side service (producer, consumer, client instance). */
public enum ServiceState {
    /** Built, not started yet. */
    CREATE_JUST,
    RUNNING,
    SHUTDOWN_ALREADY,
    /** start() failed; the object cannot be started again. */
    START_FAILED
}
