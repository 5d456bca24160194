package org.cometmq.test.tools;

import org.cometmq.test.broker.CometBroker;
import org.cometmq.test.harness.ApacheBroker;
import org.cometmq.test.harness.ApacheNamesrv;
import org.cometmq.test.harness.CometNamesrv;

/** One name server and one broker of cluster {@link MqadminScenario#CLUSTER}, Apache 4.9.7's or CometMQ's. */
final class ToolsClusters {
    private ToolsClusters() {
    }

    static MqadminScenario.Cluster apache(String prefix) {
        ApacheNamesrv namesrv = ApacheNamesrv.start(prefix + "-apache-namesrv");
        try {
            ApacheBroker broker = ApacheBroker.builder(prefix + "-apache-broker").clusterName(MqadminScenario.CLUSTER)
                .namesrvAddr(namesrv.address()).start();
            return cluster(namesrv.address(), broker.brokerName(), broker.address(), broker::close, namesrv::close);
        } catch (RuntimeException | Error e) {
            namesrv.close();
            throw e;
        }
    }

    static MqadminScenario.Cluster comet(String prefix) {
        CometNamesrv namesrv = CometNamesrv.start(prefix + "-comet-namesrv");
        try {
            CometBroker broker = CometBroker.builder(prefix + "-comet-broker").clusterName(MqadminScenario.CLUSTER)
                .namesrvAddr(namesrv.address()).start();
            return cluster(namesrv.address(), broker.brokerName(), broker.address(), broker::close, namesrv::close);
        } catch (RuntimeException | Error e) {
            namesrv.close();
            throw e;
        }
    }

    private static MqadminScenario.Cluster cluster(String namesrvAddr, String brokerName, String brokerAddr,
                                                   Runnable stopBroker, Runnable stopNamesrv) {
        return new MqadminScenario.Cluster() {
            @Override
            public String namesrvAddr() {
                return namesrvAddr;
            }

            @Override
            public String brokerName() {
                return brokerName;
            }

            @Override
            public String brokerAddr() {
                return brokerAddr;
            }

            @Override
            public void close() {
                try {
                    stopBroker.run();
                } finally {
                    stopNamesrv.run();
                }
            }
        };
    }
}
