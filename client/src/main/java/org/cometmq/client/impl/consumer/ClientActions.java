package org.cometmq.client.impl.consumer;

/** What a consumer's parts may ask of the client instance they run on: rebalance now, send a heartbeat now. */
public interface ClientActions {

    /** Wakes the rebalance of every consumer of the client instance. */
    void rebalanceImmediately();

    /** Sends the heartbeat to every known broker unless one is already being sent. */
    void sendHeartbeatToAllBrokerWithLock();
}
