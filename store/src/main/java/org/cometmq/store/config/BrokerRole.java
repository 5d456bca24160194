package org.cometmq.store.config;

/** The replication role of the broker owning the store. */
public enum BrokerRole {
    ASYNC_MASTER,
    SYNC_MASTER,
    SLAVE
}
