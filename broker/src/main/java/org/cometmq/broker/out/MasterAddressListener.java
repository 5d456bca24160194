package org.cometmq.broker.out;

/**
 * Learns, after every registration round, where this broker's master is, from the answer of the first name server
 * that accepted the registration (as 4.9.7 reads it). A master always hears (null, null). The store's HA client
 * connects to {@code masterHaServerAddr}; the slave synchronisation reads metadata from {@code masterAddr}.
 */
@FunctionalInterface
public interface MasterAddressListener {

    /**
     * @param masterAddr         the master's broker address ({@code ip:port}), null when the name server knows no live
     *                           master of this broker name (or this broker is the master)
     * @param masterHaServerAddr the HA address the master registered ({@code brokerIP2:haListenPort}), null when the
     *                           answer carried none; a listener keeps its previous target then, as 4.9.7 does
     */
    void onMasterAddress(String masterAddr, String masterHaServerAddr);
}
