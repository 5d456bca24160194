package org.cometmq.test.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cometmq.test.harness.CrossProcess;
import org.cometmq.test.harness.FreePorts;
import org.cometmq.test.harness.ManagedProcess;
import org.cometmq.test.harness.TestEnvironment;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The scripts where the installation matters: two installations run by one user with no COMET_LOG_DIR and
 * COMET_PID_DIR keep apart (mqshutdown of one never stops the other's broker, a second start over a live pid file
 * is refused), and bin/mqadmin and bin/mqbench run from a source tree after {@code mvn package}, both with the
 * assembled distribution under distribution/target* and with only the modules' build output. JAVA_TOOL_OPTIONS is
 * set throughout.
 */
@CrossProcess
class InstallationScriptsIT {
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    /** Clears what the test JVM may have inherited, so each script derives its installation and pid dir itself. */
    private static final List<String> CLEAN_ENV = List.of("env", "-u", "COMET_HOME", "-u", "COMET_LOG_DIR",
        "-u", "COMET_PID_DIR", "-u", "JAVA_OPT_EXT");

    private final List<ManagedProcess> servers = new ArrayList<>();
    private Path workDir;

    @AfterEach
    void stopLeftovers() {
        servers.forEach(ManagedProcess::stop);
    }

    @Test
    void shutdownOfOneInstallationLeavesTheOtherBrokerRunning() throws Exception {
        workDir = TestEnvironment.newWorkDir("two-installations");
        Path first = installationCopy("first");
        Path second = installationCopy("second");
        ManagedProcess firstBroker = startBroker(first, "first");
        ManagedProcess secondBroker = startBroker(second, "second");
        firstBroker.waitForLog("boot success", BOOT_TIMEOUT);
        secondBroker.waitForLog("boot success", BOOT_TIMEOUT);

        ScriptRun again = run(List.of(first.resolve("bin/mqbroker").toString(), "-c",
            brokerConf(first, "again").toString()), "mqbroker-again");
        assertNotEquals(0, again.exitCode(), again.output());
        assertTrue(again.output().contains("a broker started from here already runs (pid " + firstBroker.pid()), again.output());

        ScriptRun stopped = run(List.of(first.resolve("bin/mqshutdown").toString(), "broker"), "mqshutdown-first");
        assertEquals(0, stopped.exitCode(), stopped.output());
        assertTrue(stopped.output().contains("The broker (pid " + firstBroker.pid() + ") stopped."), stopped.output());
        Await.until("first broker to exit", Duration.ofSeconds(15), firstBroker::isAlive, alive -> !alive);
        assertTrue(secondBroker.isAlive(), "the second installation's broker still runs");

        ScriptRun secondStopped = run(List.of(second.resolve("bin/mqshutdown").toString(), "broker"), "mqshutdown-second");
        assertEquals(0, secondStopped.exitCode(), secondStopped.output());
        assertTrue(secondStopped.output().contains("(pid " + secondBroker.pid() + ") stopped."), secondStopped.output());
        Await.until("second broker to exit", Duration.ofSeconds(15), secondBroker::isAlive, alive -> !alive);
    }

    @Test
    void mqadminAndMqbenchRunFromTheSourceTree() throws Exception {
        workDir = TestEnvironment.newWorkDir("source-tree-scripts");
        Path sourceTree = TestEnvironment.distributionDir().getParent().getParent().getParent();
        assertRunsFromTree(sourceTree, "source tree");

        // A tree where only the modules were packaged (no assembled distribution): the scripts fall back to each
        // module's classes and runtime.classpath, as bin/mqnamesrv and bin/mqbroker do.
        Path modulesOnly = Files.createDirectories(workDir.resolve("modules-only"));
        copyTree(sourceTree.resolve("distribution/bin"), modulesOnly.resolve("distribution/bin"));
        for (String module : List.of("tools", "example")) {
            Files.createSymbolicLink(modulesOnly.resolve(module), sourceTree.resolve(module));
        }
        assertRunsFromTree(modulesOnly, "modules only");
    }

    private void assertRunsFromTree(Path tree, String label) throws Exception {
        ScriptRun commands = run(List.of(tree.resolve("distribution/bin/mqadmin").toString()), "mqadmin-" + label);
        assertEquals(0, commands.exitCode(), label + ": " + commands.output());
        assertTrue(commands.output().contains("updateTopic"), label + " lists the commands: " + commands.output());
        ScriptRun help = run(List.of(tree.resolve("distribution/bin/mqbench").toString(), "producer", "-h"),
            "mqbench-" + label);
        assertEquals(0, help.exitCode(), label + ": " + help.output());
        assertTrue(help.output().contains("namesrvAddr"), label + " prints the producer options: " + help.output());
    }

    /** bin/ and conf/ copied, lib/ linked: the copy is its own installation as far as the scripts can tell. */
    private Path installationCopy(String name) throws IOException {
        Path distribution = TestEnvironment.distributionDir();
        Path copy = Files.createDirectories(workDir.resolve(name));
        copyTree(distribution.resolve("bin"), copy.resolve("bin"));
        copyTree(distribution.resolve("conf"), copy.resolve("conf"));
        Files.createSymbolicLink(copy.resolve("lib"), distribution.resolve("lib"));
        return copy;
    }

    private ManagedProcess startBroker(Path installation, String name) throws IOException {
        List<String> command = new ArrayList<>(CLEAN_ENV);
        command.addAll(List.of("bash", installation.resolve("bin/mqbroker").toString(),
            "-c", brokerConf(installation, name).toString()));
        ManagedProcess process = ManagedProcess.start("broker-" + name, command, scriptEnv(), workDir,
            workDir.resolve("broker-" + name + ".out"));
        servers.add(process);
        return process;
    }

    private Path brokerConf(Path installation, String name) throws IOException {
        Path store = installation.resolve("store-" + name);
        String conf = String.join("\n", "brokerClusterName=InstallCluster", "brokerName=install-" + name,
            "brokerId=0", "listenPort=" + FreePorts.brokerPort(), "brokerIP1=127.0.0.1",
            "storePathRootDir=" + store, "storePathCommitLog=" + store.resolve("commitlog"),
            "mappedFileSizeCommitLog=4194304", "mappedFileSizeConsumeQueue=60000") + "\n";
        return Files.writeString(installation.resolve("conf/broker-" + name + ".conf"), conf, StandardCharsets.UTF_8);
    }

    /** One HOME for both installations (one user); small heaps, the machine is shared. */
    private Map<String, String> scriptEnv() {
        return Map.of("HOME", workDir.toString(), "JAVA_TOOL_OPTIONS", DistributionScriptsIT.TOOL_OPTIONS,
            "COMET_BROKER_HEAP", "256m", "COMET_BROKER_DIRECT_MEMORY", "128m", "COMET_CDS", "off");
    }

    private ScriptRun run(List<String> script, String name) throws Exception {
        List<String> command = new ArrayList<>(CLEAN_ENV);
        command.add("bash");
        command.addAll(script);
        ScriptRun result = ScriptRun.run(command, scriptEnv(), workDir, name, COMMAND_TIMEOUT);
        assertFalse(result.output().contains("CometMQ needs Java 17"), name + ": " + result.output());
        return result;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
