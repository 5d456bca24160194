package org.cometmq.test.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cometmq.test.harness.CrossProcess;
import org.cometmq.test.harness.FreePorts;
import org.cometmq.test.harness.TestEnvironment;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's first command, {@code bin/quickstart.sh}, in place against the assembled distribution with
 * its run directory (store, logs, pid files) in a fresh work dir, then {@code bin/quickstart.sh stop}.
 */
@CrossProcess
class QuickstartIT {
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(3);
    private static final String SUCCESS_LINE = "Round trip OK: sent 10, received 10";

    @Test
    void quickstartRoundTripsTenMessagesAndStopEndsBothServers() throws Exception {
        Path runDir = TestEnvironment.newWorkDir("quickstart");
        Map<String, String> env = Map.of(
            "RUN_DIR", runDir.toString(),
            "COMET_HOME", TestEnvironment.distributionDir().toString(),
            "QUICKSTART_NAMESRV_PORT", String.valueOf(FreePorts.namesrvPort()),
            "QUICKSTART_BROKER_PORT", String.valueOf(FreePorts.brokerPort()));
        List<Long> started = new ArrayList<>();
        try {
            ScriptRun start = runScript(runDir, env, "start");
            assertEquals(0, start.exitCode(), start.output());
            assertTrue(start.output().contains(SUCCESS_LINE), start.output());
            long namesrvPid = readPid(runDir.resolve("namesrv.pid"));
            long brokerPid = readPid(runDir.resolve("broker.pid"));
            started.add(namesrvPid);
            started.add(brokerPid);
            assertTrue(isAlive(namesrvPid), "name server runs after the round trip");
            assertTrue(isAlive(brokerPid), "broker runs after the round trip");

            ScriptRun stop = runScript(runDir, env, "stop");
            assertEquals(0, stop.exitCode(), stop.output());
            assertTrue(stop.output().contains("Stopped broker (pid " + brokerPid + ")."), stop.output());
            assertTrue(stop.output().contains("Stopped namesrv (pid " + namesrvPid + ")."), stop.output());
            Await.until("both servers to be gone", Duration.ofSeconds(10),
                () -> isAlive(namesrvPid) || isAlive(brokerPid), alive -> !alive);
            assertFalse(Files.exists(runDir.resolve("namesrv.pid")));
            assertFalse(Files.exists(runDir.resolve("broker.pid")));
        } finally {
            started.forEach(pid -> killIfStillOurs(pid, runDir));
        }
    }

    private static ScriptRun runScript(Path runDir, Map<String, String> env, String command) throws Exception {
        Path script = repositoryRoot().resolve("bin").resolve("quickstart.sh");
        Path output = runDir.resolve("quickstart-" + command + ".txt");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), command)
            .directory(runDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("bin/quickstart.sh " + command + " did not finish within " + SCRIPT_TIMEOUT
                + "; output so far:\n" + Files.readString(output, StandardCharsets.UTF_8));
        }
        return new ScriptRun(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    /** The repository root: the parent of the test module, whose build dir the pom hands over. */
    private static Path repositoryRoot() {
        Path root = TestEnvironment.buildDir().getParent().getParent();
        if (!Files.isRegularFile(root.resolve("bin").resolve("quickstart.sh"))) {
            throw new IllegalStateException("no bin/quickstart.sh under " + root);
        }
        return root;
    }

    private static long readPid(Path pidFile) throws IOException {
        return Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).trim());
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Kills a server the script left behind, only if the pid still runs a command of this run dir. */
    private static void killIfStillOurs(long pid, Path runDir) {
        ProcessHandle.of(pid)
            .filter(handle -> handle.info().commandLine().map(c -> c.contains(runDir.toString())).orElse(false))
            .ifPresent(ProcessHandle::destroyForcibly);
    }

    private record ScriptRun(int exitCode, String output) {
    }
}
