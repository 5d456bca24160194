package org.cometmq.test.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.cometmq.test.harness.FreePorts;
import org.cometmq.test.harness.ManagedProcess;
import org.cometmq.test.harness.TestEnvironment;

/** {@code bin/mqdashboard} from the assembled distribution on a free loopback port, as an operator starts it. */
final class DashboardProcess implements AutoCloseable {
    private final ManagedProcess process;
    private final int port;

    private DashboardProcess(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    static DashboardProcess start(String namesrvAddr, Map<String, String> settings) {
        Path script = TestEnvironment.distributionDir().resolve("bin").resolve("mqdashboard");
        int port = FreePorts.brokerPort();
        Path workDir = TestEnvironment.newWorkDir("dashboard");
        Path config = workDir.resolve("dashboard.properties");
        StringBuilder text = new StringBuilder("dashboard.listenHost=127.0.0.1\n");
        settings.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        try {
            Files.createDirectories(workDir.resolve("user-home"));
            Files.writeString(config, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = Map.of(
            "COMET_HOME", TestEnvironment.distributionDir().toString(),
            "HOME", workDir.resolve("user-home").toString(),
            "COMET_LOG_DIR", workDir.resolve("logs").toString(),
            "JAVA_HOME", System.getProperty("java.home"));
        ManagedProcess process = ManagedProcess.start("dashboard", List.of(script.toString(), "-n", namesrvAddr,
            "-p", Integer.toString(port), "-c", config.toString()), env, workDir, workDir.resolve("stdout.log"));
        process.waitForLog("The dashboard is up at", Duration.ofSeconds(60));
        return new DashboardProcess(process, port);
    }

    String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.stop();
    }
}
