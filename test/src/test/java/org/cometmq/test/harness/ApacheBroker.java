package org.cometmq.test.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An Apache RocketMQ 4.9.7 broker process (master, ASYNC_FLUSH, auto-create on, small commit log files).
 * Use {@link #builder(String)}; the broker is ready once it printed "boot success", which it does after
 * registering with its name servers.
 */
public final class ApacheBroker implements AutoCloseable {
    private static final String MAIN_CLASS = "org.apache.rocketmq.broker.BrokerStartup";
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(90);

    private final String brokerName;
    private final String clusterName;
    private final int port;
    private final Path storeDir;
    private final ApacheServerLayout layout;
    private final Path config;
    private volatile ManagedProcess process;
    private int starts;

    private ApacheBroker(String brokerName, String clusterName, int port, Path storeDir, ApacheServerLayout layout,
                         Path config) {
        this.brokerName = brokerName;
        this.clusterName = clusterName;
        this.port = port;
        this.storeDir = storeDir;
        this.layout = layout;
        this.config = config;
    }

    public static Builder builder(String brokerName) {
        return new Builder(brokerName);
    }

    public String brokerName() {
        return brokerName;
    }

    public String clusterName() {
        return clusterName;
    }

    /** {@code 127.0.0.1:listenPort}, the address the broker registers with. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The process of the latest start. */
    public ManagedProcess process() {
        return process;
    }

    /** Starts the process (again) with the same config and store; returns once it booted and listens. */
    public synchronized ApacheBroker restart() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(brokerName + " is still running");
        }
        starts++;
        Path workDir = layout.workDir();
        String logName = starts == 1 ? "stdout.log" : "stdout-" + starts + ".log";
        ManagedProcess started = ManagedProcess.start(starts == 1 ? brokerName : brokerName + "-" + starts,
            layout.javaCommand(MAIN_CLASS, config), layout.environment(), workDir, workDir.resolve(logName));
        process = started;
        started.waitForLog("boot success", BOOT_TIMEOUT);
        started.waitForPort(port, BOOT_TIMEOUT);
        return this;
    }

    /** broker.log (every logger) and the stdout of each start. */
    public Path logDir() {
        return layout.workDir();
    }

    /** storePathRootDir; the commit log is its {@code commitlog} folder. */
    public Path storeDir() {
        return storeDir;
    }

    @Override
    public void close() {
        process.stop();
    }

    /** Settings of the broker to start; anything not set keeps the harness default. */
    public static final class Builder {
        private final String brokerName;
        private String clusterName = "DefaultCluster";
        private String namesrvAddr;
        private final Map<String, String> extra = new LinkedHashMap<>();
        private final Map<String, String> homeFiles = new LinkedHashMap<>();

        private Builder(String brokerName) {
            this.brokerName = brokerName;
        }

        public Builder clusterName(String name) {
            this.clusterName = name;
            return this;
        }

        /** One address, or several separated by ';' as the broker's namesrvAddr setting takes them. */
        public Builder namesrvAddr(String addr) {
            this.namesrvAddr = addr;
            return this;
        }

        /** Any other broker or store setting, by its Apache config key. */
        public Builder property(String key, String value) {
            extra.put(key, value);
            return this;
        }

        /** A file written under the broker's ROCKETMQ_HOME before start, e.g. {@code conf/plain_acl.yml}. */
        public Builder homeFile(String relativePath, String content) {
            homeFiles.put(relativePath, content);
            return this;
        }

        public ApacheBroker start() {
            if (namesrvAddr == null) {
                throw new IllegalStateException("namesrvAddr is required for broker " + brokerName);
            }
            int port = FreePorts.brokerPort();
            ApacheServerLayout layout = new ApacheServerLayout(TestEnvironment.newWorkDir(brokerName));
            layout.writeLogback("logback_broker.xml", "broker.log");
            homeFiles.forEach(layout::writeHomeFile);
            Path store = layout.workDir().resolve("store");
            Path config = layout.writeConfig("broker.properties", settings(port, store));
            return new ApacheBroker(brokerName, clusterName, port, store, layout, config).restart();
        }

        private Map<String, String> settings(int port, Path store) {
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("brokerClusterName", clusterName);
            settings.put("brokerName", brokerName);
            settings.put("brokerId", "0");
            settings.put("namesrvAddr", namesrvAddr);
            settings.put("listenPort", Integer.toString(port));
            settings.put("brokerIP1", "127.0.0.1");
            settings.put("storePathRootDir", store.toString());
            settings.put("storePathCommitLog", store.resolve("commitlog").toString());
            settings.put("flushDiskType", "ASYNC_FLUSH");
            settings.put("autoCreateTopicEnable", "true");
            settings.put("autoCreateSubscriptionGroup", "true");
            // 4.9.7 refuses a send queued over 200 ms as busy; on the shared test machine a burst of process starts
            // delays sends that long. SendQueueBusyCheck covers the refusal with its own setting.
            settings.put("waitTimeMillsInSendQueue", "1000");
            // 64 MiB commit log files instead of 1 GiB: the tests write little and share the disk.
            settings.put("mappedFileSizeCommitLog", Integer.toString(64 * 1024 * 1024));
            settings.putAll(extra);
            return settings;
        }
    }
}
