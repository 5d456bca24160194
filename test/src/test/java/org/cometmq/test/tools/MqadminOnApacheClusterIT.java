package org.cometmq.test.tools;

import org.cometmq.test.harness.ApacheBroker;
import org.cometmq.test.harness.ApacheNamesrv;

/** CometMQ's admin tools against an Apache 4.9.7 name server and broker. */
class MqadminOnApacheClusterIT extends MqadminScenario {

    @Override
    protected Cluster startCluster() {
        ApacheNamesrv namesrv = ApacheNamesrv.start("tools-apache-namesrv");
        ApacheBroker broker;
        try {
            broker = ApacheBroker.builder("tools-apache-broker").clusterName(CLUSTER)
                .namesrvAddr(namesrv.address()).start();
        } catch (RuntimeException | Error e) {
            namesrv.close();
            throw e;
        }
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
            public void close() {
                try {
                    broker.close();
                } finally {
                    namesrv.close();
                }
            }
        };
    }
}
