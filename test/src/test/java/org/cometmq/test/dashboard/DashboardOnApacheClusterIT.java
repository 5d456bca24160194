package org.cometmq.test.dashboard;

import org.cometmq.test.harness.ApacheBroker;
import org.cometmq.test.harness.ApacheNamesrv;

/** The dashboard against an Apache RocketMQ 4.9.7 name server and broker. */
class DashboardOnApacheClusterIT extends DashboardScenario {
    @Override
    protected Cluster startCluster() {
        ApacheNamesrv namesrv = ApacheNamesrv.start("dashboard-apache-namesrv");
        try {
            ApacheBroker broker = ApacheBroker.builder("dashboard-apache-broker").namesrvAddr(namesrv.address()).start();
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
                    return "apache";
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
