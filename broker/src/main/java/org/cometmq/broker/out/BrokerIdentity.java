package org.cometmq.broker.out;

/** Who the broker is towards the name servers. */
public record BrokerIdentity(String clusterName, String brokerName, long brokerId, String brokerAddr,
                             String haServerAddr) {

    @Override
    public String toString() {
        return brokerName + "@" + brokerAddr + " (cluster " + clusterName + ", id " + brokerId + ")";
    }
}
