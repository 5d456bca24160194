package org.cometmq.test.dashboard;

import org.cometmq.test.broker.CometBroker;
import org.cometmq.test.harness.CometNamesrv;

/** The dashboard against a CometMQ name server and broker. */
class DashboardOnCometClusterIT extends DashboardScenario {
    @Override
    protected Cluster startCluster() {
        CometNamesrv namesrv = CometNamesrv.start("dashboard-comet-namesrv");
        try {
            CometBroker broker = CometBroker.builder("dashboard-comet-broker").namesrvAddr(namesrv.address()).start();
            return new Cluster() {
                @Override
                public String namesrvAddr() {
                    return namesrv.address();
                }

                @Override
                public String brokerName() {
                    return broker.brokerName();
                }

                @Override
                public String brokerAddr() {
                    return broker.address();
                }

                @Override
                public String kind() {
                    return "comet";
                }

                @Override
                public void close() {
                    try {
                        broker.close();
                    } finally {
                        namesrv.close();
                    }
                }
            };
        } catch (RuntimeException | Error e) {
            namesrv.close();
            throw e;
        }
    }
}
