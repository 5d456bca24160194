package org.cometmq.client;

/** Where the client's cluster runs; CLOUD changes the trace topic to one per region and the trace record layout. */
public enum AccessChannel {
    /** A self-run cluster (the default). */
    LOCAL,
    /** A cloud provider's cluster. */
    CLOUD
}
