package org.cometmq.test.tools;

import org.cometmq.test.broker.CometBroker;
import org.cometmq.test.harness.ApacheBroker;
import org.cometmq.test.harness.ApacheNamesrv;
import org.cometmq.test.harness.CometNamesrv;
import org.cometmq.test.harness.NameServerProcess;

/** One name server and one broker of either implementation, for the tools ITs. */
interface ToolsCluster extends AutoCloseable {
    String namesrvAddr();

    String brokerName();

    String brokerAddr();

    @Override
    void close();

    /** An Apache 4.9.7 name server and broker named after {@code prefix}. */
    static ToolsCluster apache(String prefix, String clusterName) {
        ApacheNamesrv namesrv = ApacheNamesrv.start(prefix + "-apache-namesrv");
        try {
            ApacheBroker broker = ApacheBroker.builder(prefix + "-apache-broker").clusterName(clusterName)
                .namesrvAddr(namesrv.address()).start();
            return of(namesrv, broker.brokerName(), broker.address(), broker);
        } catch (RuntimeException | Error e) {
            namesrv.close();
            throw e;
        }
    }

    /** A CometMQ name server and broker named after {@code prefix}. */
    static ToolsCluster comet(String prefix, String clusterName) {
        CometNamesrv namesrv = CometNamesrv.start(prefix + "-comet-namesrv");
        try {
            CometBroker broker = CometBroker.builder(prefix + "-comet-broker").clusterName(clusterName)
                .namesrvAddr(namesrv.address()).start();
            return of(namesrv, broker.brokerName(), broker.address(), broker);
        } catch (RuntimeException | Error e) {
            namesrv.close();
            throw e;
        }
    }

    private static ToolsCluster of(NameServerProcess namesrv, String brokerName, String brokerAddr,
                                   AutoCloseable broker) {
        return new ToolsCluster() {
            @Override
            public String namesrvAddr() {
                return namesrv.address();
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
                    broker.close();
                } catch (Exception e) {
                    throw new IllegalStateException("cannot stop broker " + brokerName, e);
                } finally {
                    namesrv.close();
                }
            }
        };
    }
}
