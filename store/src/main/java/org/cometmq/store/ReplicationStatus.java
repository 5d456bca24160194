package org.cometmq.store;

/**
 * What a store that replicates (master/slave HA) reports about it; the broker shows it in its runtime info
 * (GET_BROKER_RUNTIME_INFO, {@code mqadmin brokerStatus}). A store that does not implement it reports nothing.
 */
public interface ReplicationStatus {

    /**
     * On a master: commit-log bytes beyond the highest offset any slave has acknowledged (4.9.7 logs this figure as
     * "Slave fall behind master"); 0 on a slave.
     */
    long slaveFallBehindBytes();

    /** On a master: HA connections from slaves open now; 0 on a slave. */
    int slaveConnectionCount();
}
