package org.cometmq.test.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cometmq.test.harness.CrossProcess;
import org.cometmq.test.harness.FreePorts;
import org.cometmq.test.harness.TestEnvironment;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/mq2m2s start async} brings up a name server and the four brokers of {@code conf/2m-2s-async} on free
 * loopback ports under a temporary RUN_DIR; {@code bin/mqadmin clusterList} then shows broker-a and broker-b, each
 * with brokerId 0 and 1 on distinct addresses; {@code bin/mq2m2s stop} ends all five servers.
 */
@CrossProcess
class TwoMastersTwoSlavesScriptIT {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration LISTING_BOUND = Duration.ofSeconds(60);
    private static final Pattern BROKER_ROW =
        Pattern.compile("^DefaultCluster\\s+(broker-[ab])\\s+([01])\\s+(127\\.0\\.0\\.1:\\d+)\\s", Pattern.MULTILINE);

    private Path workDir;
    private Map<String, String> env;

    @AfterEach
    void stopCluster() throws Exception {
        if (env != null) {
            script("mq2m2s", "stop");
        }
    }

    @Test
    void startsTwoMastersAndTwoSlavesThatClusterListShows() throws Exception {
        workDir = TestEnvironment.newWorkDir("mq2m2s");
        int namesrvPort = FreePorts.namesrvPort();
        env = Map.of(
            "HOME", workDir.toString(),
            "RUN_DIR", workDir.resolve("run").toString(),
            "NAMESRV_PORT", Integer.toString(namesrvPort),
            "BROKER_PORT", Integer.toString(FreePorts.brokerPort()),
            "COMET_HOME", TestEnvironment.distributionDir().toString(),
            "COMET_BROKER_HEAP", "256m",
            "COMET_BROKER_DIRECT_MEMORY", "256m",
            "COMET_2M2S_TIMEOUT", "90",
            "JAVA_HOME", System.getProperty("java.home"));
        ScriptRun start = ScriptRun.run(List.of("bash", bin("mq2m2s"), "start", "async"), env, workDir,
            "mq2m2s start", START_TIMEOUT);
        assertEquals(0, start.exitCode(), start.output());
        Matcher namesrv = Pattern.compile("name server (127\\.0\\.0\\.1:\\d+)").matcher(start.output());
        assertTrue(namesrv.find(), start.output());
        assertEquals("127.0.0.1:" + namesrvPort, namesrv.group(1), "the name server took the port given");

        String listing = Await.until("four broker rows in clusterList", LISTING_BOUND,
            () -> script("mqadmin", "clusterList", "-n", namesrv.group(1)), out -> brokerRows(out).size() == 4);
        assertEquals(Set.of("broker-a/0", "broker-a/1", "broker-b/0", "broker-b/1"), brokerRows(listing), listing);
        assertEquals(4, addresses(listing).size(), "four distinct broker addresses: " + listing);
        assertEquals(5, script("mq2m2s", "status").lines().filter(l -> l.contains(": running, pid ")).count(),
            "status while up");

        String stopped = script("mq2m2s", "stop");
        assertEquals(5, stopped.lines().filter(l -> l.startsWith("stopped ")).count(), stopped);
        assertEquals(5, script("mq2m2s", "status").lines().filter(l -> l.endsWith(": not running")).count(),
            "status after stop");
        env = null;
    }

    private static Set<String> brokerRows(String listing) {
        Set<String> rows = new TreeSet<>();
        Matcher row = BROKER_ROW.matcher(listing);
        while (row.find()) {
            rows.add(row.group(1) + "/" + row.group(2));
        }
        return rows;
    }

    private static Set<String> addresses(String listing) {
        Set<String> addresses = new TreeSet<>();
        Matcher row = BROKER_ROW.matcher(listing);
        while (row.find()) {
            addresses.add(row.group(3));
        }
        return addresses;
    }

    /** Runs a distribution script to completion; asserts exit code 0 and returns its output. */
    private String script(String name, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", bin(name)));
        command.addAll(List.of(args));
        ScriptRun result = ScriptRun.run(command, env, workDir, name + " " + args[0], COMMAND_TIMEOUT);
        assertEquals(0, result.exitCode(), name + " " + String.join(" ", args) + ":\n" + result.output());
        return result.output();
    }

    private static String bin(String name) {
        return TestEnvironment.distributionDir().resolve("bin").resolve(name).toString();
    }
}
