package org.cometmq.test.ha;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cometmq.test.broker.CometBroker;
import org.cometmq.test.harness.ApacheBroker;
import org.cometmq.test.harness.ApacheNamesrv;
import org.cometmq.test.harness.CometNamesrv;
import org.cometmq.test.harness.NameServerProcess;

/**
 * One broker group of a master (brokerId 0) and a slave (brokerId 1) sharing a brokerName, each an Apache 4.9.7
 * or a CometMQ process, with a name server of the master's kind.
 */
record HaCluster(NameServerProcess namesrv, String brokerName, String masterAddr, String slaveAddr,
                 AutoCloseable master, AutoCloseable slave) implements AutoCloseable {
    static final String CLUSTER_NAME = "HaItCluster";

    enum Kind { APACHE, COMET }

    static HaCluster start(String name, Kind masterKind, Kind slaveKind) {
        NameServerProcess namesrv = masterKind == Kind.APACHE ? ApacheNamesrv.start(name + "-namesrv")
            : CometNamesrv.start(name + "-namesrv");
        String brokerName = name + "-broker";
        AutoCloseable master = null;
        try {
            Map<String, String> masterSettings = new LinkedHashMap<>();
            masterSettings.put("brokerName", brokerName);
            masterSettings.put("brokerIP2", "127.0.0.1");
            Started m = startBroker(masterKind, name + "-master", namesrv.address(), masterSettings);
            master = m.process();
            Map<String, String> slaveSettings = new LinkedHashMap<>(masterSettings);
            slaveSettings.put("brokerId", "1");
            slaveSettings.put("brokerRole", "SLAVE");
            slaveSettings.put("slaveReadEnable", "true");
            Started s = startBroker(slaveKind, name + "-slave", namesrv.address(), slaveSettings);
            return new HaCluster(namesrv, brokerName, m.address(), s.address(), master, s.process());
        } catch (RuntimeException | Error e) {
            closeQuietly(master);
            namesrv.close();
            throw e;
        }
    }

    private record Started(String address, AutoCloseable process) {
    }

    private static Started startBroker(Kind kind, String processName, String namesrvAddr,
                                       Map<String, String> settings) {
        if (kind == Kind.APACHE) {
            ApacheBroker.Builder builder = ApacheBroker.builder(processName).clusterName(CLUSTER_NAME)
                .namesrvAddr(namesrvAddr);
            settings.forEach(builder::property);
            ApacheBroker broker = builder.start();
            return new Started(broker.address(), broker);
        }
        CometBroker.Builder builder = CometBroker.builder(processName).clusterName(CLUSTER_NAME)
            .namesrvAddr(namesrvAddr);
        settings.forEach(builder::property);
        CometBroker broker = builder.start();
        return new Started(broker.address(), broker);
    }

    private static void closeQuietly(AutoCloseable process) {
        if (process == null) {
            return;
        }
        try {
            process.close();
        } catch (Exception e) {
            throw new IllegalStateException("stopping " + process, e);
        }
    }

    /** Stops the slave, then the master, then the name server. */
    @Override
    public void close() {
        try {
            closeQuietly(slave);
            closeQuietly(master);
        } finally {
            namesrv.close();
        }
    }
}
