package org.cometmq.client;

/** Where the cluster a client talks to runs: a self-managed installation, or a cloud service. */
public enum AccessChannel {
    /** A self-managed cluster (the default). */
    LOCAL,
    /** A cloud-hosted service (affects, for example, how message trace records are written). */
    CLOUD,
}
