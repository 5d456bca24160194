package org.cometmq.test.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.cometmq.test.harness.FreePorts;
import org.cometmq.test.harness.ManagedProcess;
import org.cometmq.test.harness.TestEnvironment;

/**
 * A CometMQ broker started the way an operator starts it: {@code <distribution>/bin/mqbroker -c <conf> -n <addr>}.
 * Its port, config and store stay with the instance, so {@link #restart()} brings back the same broker (after a
 * {@link #kill9()}, for crash tests). HOME, logs, pid file and store live in the test's work dir.
 */
public final class CometBroker implements AutoCloseable {
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(90);

    private final String brokerName;
    private final String namesrvAddr;
    private final int port;
    private final Path workDir;
    private final Path config;
    private final String tmpfsSize;
    private volatile ManagedProcess process;
    private int starts;

    private final List<String> jvmOptions;

    private CometBroker(String brokerName, String namesrvAddr, int port, Path workDir, Path config,
                        List<String> jvmOptions, String tmpfsSize) {
        this.brokerName = brokerName;
        this.namesrvAddr = namesrvAddr;
        this.port = port;
        this.workDir = workDir;
        this.config = config;
        this.jvmOptions = jvmOptions;
        this.tmpfsSize = tmpfsSize;
    }

    public static Builder builder(String brokerName) {
        return new Builder(brokerName);
    }

    public String brokerName() {
        return brokerName;
    }

    /** {@code 127.0.0.1:listenPort}, the address the broker registers. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path storeDir() {
        return workDir.resolve("store");
    }

    /** broker.log, store.log and the GC logs. */
    public Path logDir() {
        return workDir.resolve("logs");
    }

    public ManagedProcess process() {
        return process;
    }

    /** Starts the process (again) with the same config and store; returns once it booted and listens. */
    public synchronized CometBroker restart() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(brokerName + " is still running");
        }
        starts++;
        Path home = createDirectory(workDir.resolve("user-home"));
        Path script = TestEnvironment.distributionDir().resolve("bin").resolve("mqbroker");
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException(script + " is missing or not executable: package the distribution module");
        }
        Map<String, String> env = Map.of(
            "COMET_HOME", TestEnvironment.distributionDir().toString(),
            "HOME", home.toString(),
            "COMET_LOG_DIR", workDir.resolve("logs").toString(),
            "COMET_PID_DIR", workDir.toString(),
            "COMET_BROKER_HEAP", "384m",
            "COMET_BROKER_DIRECT_MEMORY", "256m",
            "JAVA_HOME", System.getProperty("java.home"),
            "JAVA_OPT_EXT", String.join(" ", "-Duser.home=" + home, String.join(" ", jvmOptions)).trim());
        List<String> command = List.of(script.toString(), "-c", config.toString(), "-n", namesrvAddr);
        if (tmpfsSize != null) {
            command = Tmpfs.privateMount(tmpfsSize, createDirectory(storeDir()), command);
        }
        ManagedProcess started = ManagedProcess.start(brokerName + "-" + starts, command, env, workDir,
            workDir.resolve("stdout-" + starts + ".log"));
        process = started;
        started.waitForLog("boot success", BOOT_TIMEOUT);
        started.waitForPort(port, BOOT_TIMEOUT);
        return this;
    }

    /** Ends the broker at once, as a crash would. */
    public void kill9() {
        process.kill9();
    }

    /** Graceful stop (SIGTERM: unregister, flush, exit). */
    public void stop() {
        if (process != null) {
            process.stop();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Settings of the broker to start; anything not set keeps the defaults below. */
    public static final class Builder {
        private final String brokerName;
        private String clusterName = "DefaultCluster";
        private String namesrvAddr;
        private final Map<String, String> extra = new LinkedHashMap<>();
        private String tmpfsSize;
        private final Map<String, String> homeFiles = new LinkedHashMap<>();
        private final List<String> jvmOptions = new java.util.ArrayList<>();

        private Builder(String brokerName) {
            this.brokerName = brokerName;
        }

        public Builder clusterName(String name) {
            this.clusterName = name;
            return this;
        }

        public Builder namesrvAddr(String addr) {
            this.namesrvAddr = addr;
            return this;
        }

        /** JVM options (system properties) for the broker process, separated by spaces. */
        public Builder jvmOptions(String options) {
            jvmOptions.add(options);
            return this;
        }

        /**
         * Puts the store on a tmpfs of this size (e.g. "64m") that only the broker process sees and that vanishes
         * with it: a small disk that fills. See {@link Tmpfs#available()}.
         */
        public Builder storeOnTmpfs(String size) {
            this.tmpfsSize = size;
            return this;
        }

        /** Any other broker or store setting by its config key. */
        public Builder property(String key, String value) {
            extra.put(key, value);
            return this;
        }

        /**
         * A file written under a private home before start, e.g. {@code conf/plain_acl.yml}; the broker's
         * {@code rocketmqHome} then points there instead of the shared distribution.
         */
        public Builder homeFile(String relativePath, String content) {
            homeFiles.put(relativePath, content);
            return this;
        }

        /** An extra JVM option of the broker process, e.g. {@code -Dtls.server.mode=enforcing}. */
        public Builder jvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        public CometBroker start() {
            if (namesrvAddr == null) {
                throw new IllegalStateException("namesrvAddr is required for broker " + brokerName);
            }
            int port = FreePorts.brokerPort();
            Path workDir = TestEnvironment.newWorkDir(brokerName);
            if (!homeFiles.isEmpty()) {
                Path home = workDir.resolve("home");
                homeFiles.forEach((relative, content) -> writeFile(home.resolve(relative), content));
                extra.putIfAbsent("rocketmqHome", home.toString());
            }
            Path config = writeConfig(workDir, settings(port, workDir.resolve("store")));
            return new CometBroker(brokerName, namesrvAddr, port, workDir, config, List.copyOf(jvmOptions), tmpfsSize)
                .restart();
        }

        private Map<String, String> settings(int port, Path store) {
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("brokerClusterName", clusterName);
            settings.put("brokerName", brokerName);
            settings.put("brokerId", "0");
            settings.put("listenPort", Integer.toString(port));
            settings.put("bindAddress", "127.0.0.1");
            settings.put("brokerIP1", "127.0.0.1");
            settings.put("brokerIP2", "127.0.0.1");
            settings.put("storePathRootDir", store.toString());
            settings.put("flushDiskType", "ASYNC_FLUSH");
            settings.put("autoCreateTopicEnable", "true");
            settings.put("autoCreateSubscriptionGroup", "true");
            // 4.9.7 refuses a send queued over 200 ms as busy; on the shared test machine a burst of process starts
            // delays sends that long. SendQueueBusyCheck covers the refusal with its own setting.
            settings.put("waitTimeMillsInSendQueue", "1000");
            // small files: the tests write little and share the disk
            settings.put("mappedFileSizeCommitLog", Integer.toString(64 * 1024 * 1024));
            settings.put("mappedFileSizeConsumeQueue", Integer.toString(30_000 * 20));
            settings.put("maxHashSlotNum", "50000");
            settings.put("maxIndexNum", "200000");
            settings.put("sendMessageThreadPoolNums", "2");
            settings.put("pullMessageThreadPoolNums", "8");
            settings.putAll(extra);
            return settings;
        }
    }

    private static Path writeConfig(Path workDir, Map<String, String> settings) {
        Properties properties = new Properties();
        properties.putAll(settings);
        Path file = workDir.resolve("broker.conf");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "written by the CometMQ broker tests");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    private static void writeFile(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static Path createDirectory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
