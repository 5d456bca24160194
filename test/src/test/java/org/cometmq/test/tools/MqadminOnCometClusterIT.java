package org.cometmq.test.tools;

import org.cometmq.test.broker.CometBroker;
import org.cometmq.test.harness.CometNamesrv;

/** CometMQ's admin tools, and Apache 4.9.7's mqadmin as the reference, against a CometMQ name server and broker. */
class MqadminOnCometClusterIT extends MqadminScenario {

    @Override
    protected Cluster startCluster() {
        CometNamesrv namesrv = CometNamesrv.start("tools-comet-namesrv");
        CometBroker broker;
        try {
            broker = CometBroker.builder("tools-comet-broker").clusterName(CLUSTER).namesrvAddr(namesrv.address())
                .start();
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
