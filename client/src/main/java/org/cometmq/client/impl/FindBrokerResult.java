package org.cometmq.client.impl;

/** A broker address picked from the routes, and whether it is a slave. */
public class FindBrokerResult {
    private final String brokerAddr;
    private final boolean slave;
    private final int brokerVersion;

    public FindBrokerResult(String brokerAddr, boolean slave) {
        this(brokerAddr, slave, 0);
    }

    public FindBrokerResult(String brokerAddr, boolean slave, int brokerVersion) {
        this.brokerAddr = brokerAddr;
        this.slave = slave;
        this.brokerVersion = brokerVersion;
    }

    public String getBrokerAddr() {
        return brokerAddr;
    }

    public boolean isSlave() {
        return slave;
    }

    public int getBrokerVersion() {
        return brokerVersion;
    }

    @Override
    public String toString() {
        return "FindBrokerResult [brokerAddr=" + brokerAddr + ", slave=" + slave + "]";
    }
}
