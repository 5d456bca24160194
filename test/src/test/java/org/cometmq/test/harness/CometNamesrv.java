package org.cometmq.test.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A CometMQ name server started the way an operator starts it: {@code <distribution>/bin/mqnamesrv -c <conf>}.
 * COMET_HOME stays the distribution (the script finds lib/ there); HOME, user.home, the log dir and the KV
 * config point into the test's work dir.
 */
public final class CometNamesrv implements NameServerProcess {
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(60);

    private final int port;
    private final String name;
    private final List<String> command;
    private final Map<String, String> env;
    private final Path workDir;
    private volatile ManagedProcess process;
    private int starts = 1;

    private CometNamesrv(int port, String name, List<String> command, Map<String, String> env, Path workDir,
                         ManagedProcess process) {
        this.port = port;
        this.name = name;
        this.command = command;
        this.env = env;
        this.workDir = workDir;
        this.process = process;
    }

    /** Starts one on a free port; returns once it printed its boot line and its port accepts connections. */
    public static CometNamesrv start(String name) {
        return start(name, List.of());
    }

    /** As {@link #start(String)} with extra JVM options (e.g. {@code -Dtls.server.mode=permissive}). */
    public static CometNamesrv start(String name, List<String> jvmOptions) {
        return start(name, jvmOptions, Map.of());
    }

    /** As above with extra name-server settings (e.g. {@code metricsExporterType=PROM}) in its config file. */
    public static CometNamesrv start(String name, List<String> jvmOptions, Map<String, String> settings) {
        Path script = TestEnvironment.distributionDir().resolve("bin").resolve("mqnamesrv");
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException(script + " is missing or not executable: package the distribution module");
        }
        int port = FreePorts.namesrvPort();
        Path workDir = TestEnvironment.newWorkDir(name);
        Path home = createDirectory(workDir.resolve("user-home"));
        Map<String, String> all = new java.util.LinkedHashMap<>(settings);
        all.put("listenPort", Integer.toString(port));
        all.put("bindAddress", "127.0.0.1");
        all.put("kvConfigPath", workDir.resolve("kvConfig.json").toString());
        Path config = writeConfig(workDir, all);
        Map<String, String> env = Map.of(
            "COMET_HOME", TestEnvironment.distributionDir().toString(),
            "HOME", home.toString(),
            "COMET_LOG_DIR", workDir.resolve("logs").toString(),
            "COMET_NAMESRV_HEAP", "256m",
            "JAVA_HOME", System.getProperty("java.home"),
            // split on spaces by the script; the work dir is under the build dir, which has none
            "JAVA_OPT_EXT", String.join(" ", "-Duser.home=" + home, String.join(" ", jvmOptions)).trim());
        List<String> command = List.of(script.toString(), "-c", config.toString());
        ManagedProcess process = launch(name, command, env, workDir, workDir.resolve("stdout.log"), port);
        return new CometNamesrv(port, name, command, env, workDir, process);
    }

    private static ManagedProcess launch(String name, List<String> command, Map<String, String> env, Path workDir,
                                         Path log, int port) {
        ManagedProcess process = ManagedProcess.start(name, command, env, workDir, log);
        process.waitForLog("boot success", BOOT_TIMEOUT);
        process.waitForPort(port, BOOT_TIMEOUT);
        return process;
    }

    /** Starts it again on the same port and config after it was stopped or killed (chaos tests). */
    public synchronized CometNamesrv restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        starts++;
        process = launch(name + "-" + starts, command, env, workDir, workDir.resolve("stdout-" + starts + ".log"),
            port);
        return this;
    }

    @Override
    public String address() {
        return "127.0.0.1:" + port;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public ManagedProcess process() {
        return process;
    }

    private static Path writeConfig(Path workDir, Map<String, String> settings) {
        Properties properties = new Properties();
        properties.putAll(settings);
        Path file = workDir.resolve("namesrv.conf");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "written by the CometMQ test harness");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    private static Path createDirectory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
