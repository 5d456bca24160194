package org.cometmq.test.ha;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.cometmq.test.broker.CometBroker;
import org.cometmq.test.harness.ApacheBroker;
import org.cometmq.test.harness.ApacheNamesrv;
import org.cometmq.test.harness.CometNamesrv;
import org.cometmq.test.harness.ManagedProcess;
import org.cometmq.test.harness.NameServerProcess;

/**
 * One broker group of a master (brokerId 0) and a slave (brokerId 1) sharing a brokerName, each an Apache 4.9.7
 * or a CometMQ process, with a name server of the master's kind.
 */
record HaCluster(NameServerProcess namesrv, String brokerName, Node master, Node slave) implements AutoCloseable {
    static final String CLUSTER_NAME = "HaItCluster";

    enum Kind { APACHE, COMET }

    /**
     * One broker of the group: its address, its store, its log folder, and its current process to stop or kill
     * ({@link #restart()} starts a new one from the same config and store).
     */
    record Node(Kind kind, String address, Path storeDir, Path logDir, Supplier<ManagedProcess> current,
                Runnable restarter) {
        Path commitLogDir() {
            return storeDir.resolve("commitlog");
        }

        ManagedProcess process() {
            return current.get();
        }

        /** Starts the broker again after a stop or kill; returns once it booted. */
        void restart() {
            restarter.run();
        }
    }

    static HaCluster start(String name, Kind masterKind, Kind slaveKind) {
        return start(name, masterKind, slaveKind, Map.of(), Map.of());
    }

    /** As above, with extra settings for the master and for the slave (e.g. brokerRole=SYNC_MASTER). */
    static HaCluster start(String name, Kind masterKind, Kind slaveKind, Map<String, String> masterExtra,
                           Map<String, String> slaveExtra) {
        NameServerProcess namesrv = masterKind == Kind.APACHE ? ApacheNamesrv.start(name + "-namesrv")
            : CometNamesrv.start(name + "-namesrv");
        String brokerName = name + "-broker";
        Node master = null;
        try {
            Map<String, String> common = new LinkedHashMap<>();
            common.put("brokerName", brokerName);
            common.put("brokerIP2", "127.0.0.1");
            Map<String, String> masterSettings = new LinkedHashMap<>(common);
            masterSettings.putAll(masterExtra);
            master = startBroker(masterKind, name + "-master", namesrv.address(), masterSettings);
            Map<String, String> slaveSettings = new LinkedHashMap<>(common);
            slaveSettings.put("brokerId", "1");
            slaveSettings.put("brokerRole", "SLAVE");
            slaveSettings.put("slaveReadEnable", "true");
            slaveSettings.putAll(slaveExtra);
            Node slave = startBroker(slaveKind, name + "-slave", namesrv.address(), slaveSettings);
            return new HaCluster(namesrv, brokerName, master, slave);
        } catch (RuntimeException | Error e) {
            if (master != null) {
                master.process().stop();
            }
            namesrv.close();
            throw e;
        }
    }

    String masterAddr() {
        return master.address();
    }

    String slaveAddr() {
        return slave.address();
    }

    private static Node startBroker(Kind kind, String processName, String namesrvAddr,
                                    Map<String, String> settings) {
        if (kind == Kind.APACHE) {
            ApacheBroker.Builder builder = ApacheBroker.builder(processName).clusterName(CLUSTER_NAME)
                .namesrvAddr(namesrvAddr);
            settings.forEach(builder::property);
            ApacheBroker broker = builder.start();
            return new Node(kind, broker.address(), broker.storeDir(), broker.logDir(), broker::process,
                broker::restart);
        }
        CometBroker.Builder builder = CometBroker.builder(processName).clusterName(CLUSTER_NAME)
            .namesrvAddr(namesrvAddr);
        settings.forEach(builder::property);
        CometBroker broker = builder.start();
        return new Node(kind, broker.address(), broker.storeDir(), broker.logDir(), broker::process,
            broker::restart);
    }

    /** Stops the slave, then the master (either may have been stopped or killed already), then the name server. */
    @Override
    public void close() {
        try {
            slave.process().stop();
            master.process().stop();
        } finally {
            namesrv.close();
        }
    }
}
