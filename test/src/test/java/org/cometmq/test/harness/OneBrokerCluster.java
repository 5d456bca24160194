package org.cometmq.test.harness;

import org.cometmq.test.broker.CometBroker;

/** One name server and one broker, Apache 4.9.7's or CometMQ's, for scenarios written once and run against both. */
public interface OneBrokerCluster extends AutoCloseable {
    String namesrvAddr();

    String brokerName();

    String brokerAddr();

    /** {@code apache} or {@code comet}, e.g. for file names. */
    String kind();

    @Override
    void close();

    /** An Apache 4.9.7 name server and broker named after {@code prefix}. */
    static OneBrokerCluster apache(String prefix, String clusterName) {
        ApacheNamesrv namesrv = ApacheNamesrv.start(prefix + "-apache-namesrv");
        try {
            ApacheBroker broker = ApacheBroker.builder(prefix + "-apache-broker").clusterName(clusterName)
                .namesrvAddr(namesrv.address()).start();
            return of("apache", namesrv, broker.brokerName(), broker.address(), broker);
        } catch (RuntimeException | Error e) {
            namesrv.close();
            throw e;
        }
    }

    /** A CometMQ name server and broker named after {@code prefix}. */
    static OneBrokerCluster comet(String prefix, String clusterName) {
        CometNamesrv namesrv = CometNamesrv.start(prefix + "-comet-namesrv");
        try {
            CometBroker broker = CometBroker.builder(prefix + "-comet-broker").clusterName(clusterName)
                .namesrvAddr(namesrv.address()).start();
            return of("comet", namesrv, broker.brokerName(), broker.address(), broker);
        } catch (RuntimeException | Error e) {
            namesrv.close();
            throw e;
        }
    }

    private static OneBrokerCluster of(String kind, NameServerProcess namesrv, String brokerName, String brokerAddr,
                                       AutoCloseable broker) {
        return new OneBrokerCluster() {
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
            public String kind() {
                return kind;
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
