package org.cometmq.test.client;

import java.util.Map;
import org.cometmq.test.broker.CometBroker;
import org.cometmq.test.harness.ApacheBroker;
import org.cometmq.test.harness.ApacheNamesrv;
import org.cometmq.test.harness.CometNamesrv;
import org.cometmq.test.harness.NameServerProcess;

/**
 * One name server and one master broker that CometMQ's clients are tested against: Apache 4.9.7's processes or
 * CometMQ's (started from the distribution scripts). A client scenario is written once against this interface and
 * run by one IT class per implementation.
 */
public interface ClientCluster extends AutoCloseable {
    String CLUSTER_NAME = "ClientItCluster";

    /** "apache" or "comet", for messages. */
    String kind();

    String namesrvAddr();

    String brokerName();

    /** {@code 127.0.0.1:listenPort} of the broker. */
    String brokerAddr();

    @Override
    void close();

    /** Apache 4.9.7 name server and broker; {@code brokerSettings} are extra broker config keys. */
    static ClientCluster apache(String name, Map<String, String> brokerSettings) {
        ApacheNamesrv namesrv = ApacheNamesrv.start(name + "-namesrv");
        try {
            ApacheBroker.Builder builder = ApacheBroker.builder(name + "-broker").clusterName(CLUSTER_NAME)
                .namesrvAddr(namesrv.address());
            brokerSettings.forEach(builder::property);
            ApacheBroker broker = builder.start();
            return new Servers("apache", namesrv, broker.brokerName(), broker.address(), broker);
        } catch (RuntimeException | Error e) {
            namesrv.close();
            throw e;
        }
    }

    /** CometMQ name server and broker from the distribution; {@code brokerSettings} are extra broker config keys. */
    static ClientCluster comet(String name, Map<String, String> brokerSettings) {
        CometNamesrv namesrv = CometNamesrv.start(name + "-namesrv");
        try {
            CometBroker.Builder builder = CometBroker.builder(name + "-broker").clusterName(CLUSTER_NAME)
                .namesrvAddr(namesrv.address());
            brokerSettings.forEach(builder::property);
            CometBroker broker = builder.start();
            return new Servers("comet", namesrv, broker.brokerName(), broker.address(), broker);
        } catch (RuntimeException | Error e) {
            namesrv.close();
            throw e;
        }
    }

    /** The running processes; closing stops the broker first so it unregisters from a live name server. */
    record Servers(String kind, NameServerProcess namesrv, String brokerName, String brokerAddr, AutoCloseable broker)
        implements ClientCluster {

        @Override
        public String namesrvAddr() {
            return namesrv.address();
        }

        @Override
        public void close() {
            try {
                broker.close();
            } catch (Exception e) {
                throw new IllegalStateException("stopping broker " + brokerName, e);
            } finally {
                namesrv.close();
            }
        }
    }
}
