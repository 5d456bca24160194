package org.cometmq.test.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cometmq.test.harness.CrossProcess;
import org.cometmq.test.harness.FreePorts;
import org.cometmq.test.harness.ManagedProcess;
import org.cometmq.test.harness.TestEnvironment;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a user does with the assembled distribution, through its scripts only: bin/mqnamesrv and bin/mqbroker,
 * bin/mqadmin updateTopic / topicList / topicRoute / clusterList / updateTopicPerm, a 10 s bin/mqbench producer
 * and consumer, then bin/mqshutdown for both servers, which must make the processes exit. JAVA_TOOL_OPTIONS is set
 * throughout, as containers and CI systems set it: every JVM then prints "Picked up JAVA_TOOL_OPTIONS" before its
 * version line, which the scripts' Java check must look past.
 */
@CrossProcess
class DistributionScriptsIT {
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(90);
    private static final String TOPIC = "DistributionScriptsTopic";
    static final String TOOL_OPTIONS = "-Dcomet.it.toolOptions=true";
    private static final Pattern SEND_SUMMARY = Pattern.compile("SUMMARY send tps=\\S+ ok=(\\d+) failed=(\\d+) ");
    private static final Pattern CONSUME_SUMMARY = Pattern.compile("SUMMARY consume tps=\\S+ count=(\\d+) ");

    private final List<ManagedProcess> servers = new ArrayList<>();
    private Path workDir;
    private Map<String, String> env;

    @AfterEach
    void stopLeftovers() {
        servers.forEach(ManagedProcess::stop);
    }

    @Test
    void scriptsStartAdministerBenchmarkAndStopACluster() throws Exception {
        workDir = TestEnvironment.newWorkDir("distribution-scripts");
        int namesrvPort = FreePorts.namesrvPort();
        int brokerPort = FreePorts.brokerPort();
        String namesrv = "127.0.0.1:" + namesrvPort;
        env = new HashMap<>();
        env.put("HOME", workDir.toString());
        env.put("COMET_LOG_DIR", workDir.resolve("logs").toString());
        env.put("COMET_PID_DIR", workDir.toString());
        env.put("COMET_HOME", TestEnvironment.distributionDir().toString());
        env.put("JAVA_TOOL_OPTIONS", TOOL_OPTIONS);

        Path namesrvConf = write("namesrv.conf", "listenPort=" + namesrvPort + "\nkvConfigPath="
            + workDir.resolve("kvConfig.json") + "\n");
        Path brokerConf = write("broker.conf", String.join("\n",
            "brokerClusterName=ScriptsCluster", "brokerName=scripts-broker", "brokerId=0",
            "listenPort=" + brokerPort, "brokerIP1=127.0.0.1",
            "storePathRootDir=" + workDir.resolve("store"),
            "storePathCommitLog=" + workDir.resolve("store").resolve("commitlog"),
            "mappedFileSizeCommitLog=67108864", "autoCreateTopicEnable=true") + "\n");

        ManagedProcess namesrvProcess = startServer("mqnamesrv", "-c", namesrvConf.toString());
        namesrvProcess.waitForLog("boot success", BOOT_TIMEOUT);
        ManagedProcess brokerProcess = startServer("mqbroker", "-c", brokerConf.toString(), "-n", namesrv);
        brokerProcess.waitForLog("boot success", BOOT_TIMEOUT);

        String created = admin("updateTopic", "-n", namesrv, "-b", "127.0.0.1:" + brokerPort, "-t", TOPIC,
            "-r", "4", "-w", "4");
        assertTrue(created.contains("create topic to 127.0.0.1:" + brokerPort + " success."), created);
        assertTrue(created.contains("Picked up JAVA_TOOL_OPTIONS: " + TOOL_OPTIONS), "the variable reached the JVM");
        assertTrue(admin("topicList", "-n", namesrv).lines().anyMatch(TOPIC::equals), "topicList lists " + TOPIC);
        String route = admin("topicRoute", "-n", namesrv, "-t", TOPIC);
        assertTrue(route.contains("\"brokerName\":\"scripts-broker\"") || route.contains("\"brokerName\" : \"scripts-broker\""),
            route);
        assertTrue(route.replace(" ", "").contains("\"writeQueueNums\":4"), route);
        String clusters = admin("clusterList", "-n", namesrv);
        assertTrue(clusters.lines().anyMatch(l -> l.startsWith("ScriptsCluster") && l.contains("scripts-broker")
            && l.contains("127.0.0.1:" + brokerPort)), clusters);
        admin("updateTopicPerm", "-n", namesrv, "-t", TOPIC, "-b", "127.0.0.1:" + brokerPort, "-p", "6");
        assertTrue(admin("topicRoute", "-n", namesrv, "-t", TOPIC).replace(" ", "").contains("\"perm\":6"));

        String producer = run(List.of(script("mqbench"), "producer", "-n", namesrv, "-t", TOPIC, "-w", "4",
            "-s", "256", "-d", "10", "-i", "5"), "mqbench-producer");
        Matcher sent = SEND_SUMMARY.matcher(producer);
        assertTrue(sent.find(), producer);
        long ok = Long.parseLong(sent.group(1));
        assertTrue(ok > 0, producer);
        assertEquals(0, Long.parseLong(sent.group(2)), producer);

        String consumer = run(List.of(script("mqbench"), "consumer", "-n", namesrv, "-t", TOPIC, "-f", "true",
            "-m", String.valueOf(ok), "-d", "60", "-i", "5"), "mqbench-consumer");
        Matcher consumed = CONSUME_SUMMARY.matcher(consumer);
        assertTrue(consumed.find(), consumer);
        assertEquals(ok, Long.parseLong(consumed.group(1)), "the consumer drains exactly what the producer sent");

        shutdown("broker", brokerProcess);
        shutdown("namesrv", namesrvProcess);
    }

    private ManagedProcess startServer(String scriptName, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", script(scriptName)));
        command.addAll(List.of(args));
        ManagedProcess process = ManagedProcess.start(scriptName, command, env, workDir,
            workDir.resolve(scriptName + ".out"));
        servers.add(process);
        return process;
    }

    private String admin(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(script("mqadmin")));
        command.addAll(List.of(args));
        return run(command, "mqadmin-" + args[0]);
    }

    /** Runs a script to completion; asserts exit code 0 and returns its output. */
    private String run(List<String> command, String name) throws Exception {
        List<String> bashCommand = new ArrayList<>(List.of("bash"));
        bashCommand.addAll(command);
        ScriptRun result = ScriptRun.run(bashCommand, env, workDir, name, COMMAND_TIMEOUT);
        assertEquals(0, result.exitCode(), name + " exit code; output:\n" + result.output());
        return result.output();
    }

    private void shutdown(String server, ManagedProcess process) throws Exception {
        long pid = Long.parseLong(read(workDir.resolve(server + ".pid")).trim());
        String out = run(List.of(script("mqshutdown"), server), "mqshutdown-" + server);
        assertTrue(out.contains("The " + server + " (pid " + pid + ") stopped."), out);
        Await.until(server + " process to exit", Duration.ofSeconds(15), process::isAlive, alive -> !alive);
        assertTrue(ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true), server + " pid " + pid + " is gone");
    }

    private static String script(String name) {
        return TestEnvironment.distributionDir().resolve("bin").resolve(name).toString();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(workDir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static String read(Path file) throws IOException {
        return ScriptRun.read(file);
    }
}
