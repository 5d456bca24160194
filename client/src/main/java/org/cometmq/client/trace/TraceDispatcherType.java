package org.cometmq.client.trace;

/** Whose traces a dispatcher carries. */
public enum TraceDispatcherType {
    PRODUCER,
    CONSUMER
}
