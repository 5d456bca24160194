package org.cometmq.test.tools;

import static org.cometmq.test.tools.Patiently.our;
import static org.cometmq.test.tools.Patiently.their;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.admin.ConsumeStats;
import org.cometmq.common.admin.OffsetWrapper;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.header.QueryConsumerOffsetRequestHeader;
import org.cometmq.test.harness.ApacheClients;
import org.cometmq.test.harness.ApacheRoundTrip;
import org.cometmq.test.harness.CrossProcess;
import org.cometmq.test.harness.OneBrokerCluster;
import org.cometmq.testkit.Await;
import org.cometmq.tools.admin.DefaultMQAdminExt;
import org.cometmq.tools.command.SubCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The maintenance sub-commands (allocateMQ, brokerConsumeStats, checkMsgSendRT, cleanExpiredCQ, cleanUnusedTopic,
 * cloneGroupOffset, clusterRT, consumeMessage, consumerStatus, deleteExpiredCommitLog, exportConfigs,
 * exportMetadata, exportMetrics, startMonitoring) and the command list, run with Apache 4.9.7's mqadmin and
 * CometMQ's on one prepared cluster (a topic with messages, an online Apache push consumer that consumed them) and
 * compared after {@link MqadminOutput} normalised what must differ. Subclasses choose whose servers run.
 */
@CrossProcess
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MaintenanceCommandsScenario {
    static final String TOPIC = "MaintTopic";
    static final String GROUP = "MaintGroup";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MESSAGES = 20;

    protected abstract OneBrokerCluster startCluster();

    /** Whether the broker is CometMQ's (some named exceptions apply to one side only). */
    protected abstract boolean cometBroker();

    OneBrokerCluster cluster;
    private DefaultMQAdminExt admin;
    private DefaultMQProducer producer;
    private DefaultMQPushConsumer consumer;
    CometMqadmin ours;
    ApacheMqadmin apache;

    @BeforeAll
    void prepare() throws Exception {
        cluster = startCluster();
        admin = new DefaultMQAdminExt(5_000);
        admin.setNamesrvAddr(cluster.namesrvAddr());
        admin.setInstanceName("maint_it_" + ProcessHandle.current().pid());
        admin.start();
        admin.createAndUpdateTopicConfig(cluster.brokerAddr(), new TopicConfig(TOPIC, 4, 4, 6));
        Await.until("route of " + TOPIC, TIMEOUT, () -> admin.examineTopicRouteInfo(TOPIC),
            route -> route.getQueueDatas() != null && !route.getQueueDatas().isEmpty());
        producer = ApacheClients.startedProducer("MaintProducer", cluster.namesrvAddr());
        ApacheRoundTrip.send(producer, TOPIC, ApacheRoundTrip.bodies("maint", MESSAGES));
        consumer = onlineConsumer();
        Await.until("committed offsets of " + GROUP, TIMEOUT, () -> admin.examineConsumeStats(GROUP, TOPIC),
            stats -> stats.computeTotalDiff() == 0 && consumed(stats) == MESSAGES);
        ours = new CometMqadmin(cluster.namesrvAddr());
        apache = new ApacheMqadmin(cluster.namesrvAddr());
    }

    private DefaultMQPushConsumer onlineConsumer() throws Exception {
        AtomicInteger received = new AtomicInteger();
        DefaultMQPushConsumer started = ApacheClients.pushConsumer(GROUP, cluster.namesrvAddr());
        started.subscribe(TOPIC, "*");
        started.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            received.addAndGet(messages.size());
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        started.start();
        Await.until(MESSAGES + " messages consumed", TIMEOUT, received::get, n -> n >= MESSAGES);
        return started;
    }

    private static long consumed(ConsumeStats stats) {
        return stats.getOffsetTable().values().stream().mapToLong(OffsetWrapper::getConsumerOffset).sum();
    }

    @AfterAll
    void stop() {
        try {
            if (consumer != null) {
                consumer.shutdown();
            }
            if (producer != null) {
                producer.shutdown();
            }
            if (admin != null) {
                admin.shutdown();
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    @Test
    void theCommandListIs497s() {
        CommandResult apacheList = apache.listCommands();
        CommandResult ourList = ours.runWithoutNamesrv();
        assertEquals(0, ourList.exitCode(), ourList.describe());
        assertEquals(apacheList.stdoutLines(), ourList.stdoutLines());
        assertEquals(57 + 3, apacheList.stdoutLines().size(), apacheList.describe());
        assertEquals(SubCommands.ORDER, apacheList.stdoutLines().subList(1, 58).stream()
            .map(line -> line.trim().split(" ")[0]).toList());
    }

    @Test
    void storeCleanupsSucceedOnABrokerAndOnTheCluster() {
        for (List<String> args : List.of(List.of("cleanExpiredCQ", "-b", cluster.brokerAddr()),
            List.of("cleanUnusedTopic", "-c", MqadminScenario.CLUSTER), List.of("deleteExpiredCommitLog"))) {
            String[] rest = args.subList(1, args.size()).toArray(String[]::new);
            CommandResult our = our(() -> ours.run(args.get(0), rest));
            CommandResult their = their(() -> apache.run(args.get(0), rest));
            assertEquals(0, our.exitCode(), our.describe());
            // named exception: 4.9.7 prints "success" without a line end, CometMQ ends the line
            assertEquals("success", their.stdout(), their.describe());
            assertEquals("success\n", our.stdout(), our.describe());
        }
    }

    @Test
    void brokerConsumeStatsIsTheSame() {
        CommandResult our = our(() -> ours.run("brokerConsumeStats", "-b", cluster.brokerAddr()));
        CommandResult their = their(() -> apache.run("brokerConsumeStats", "-b", cluster.brokerAddr()));
        assertEquals(0, our.exitCode(), our.describe());
        assertEquals(their.stdoutLines(), our.stdoutLines());
        assertTrue(our.stdoutLines().stream().anyMatch(line -> line.startsWith(TOPIC + " ")
            && line.contains(" " + GROUP + " ")), our.describe());
        assertEquals("Diff Total: 0", our.stdoutLines().get(our.stdoutLines().size() - 1));
    }

    @Test
    void consumerStatusListsTheOnlineClientAndItsReport() throws Exception {
        CommandResult our = our(() -> ours.run("consumerStatus", "-g", GROUP));
        CommandResult their = their(() -> apache.run("consumerStatus", "-g", GROUP));
        assertEquals(0, our.exitCode(), our.describe());
        assertEquals(MqadminOutput.withoutSaveTime(their.stdoutLines()), MqadminOutput.withoutSaveTime(
            our.stdoutLines()));
        assertEquals("Rebalance OK", our.stdoutLines().get(our.stdoutLines().size() - 1), our.describe());
        String clientId = our.stdoutLines().get(1).trim().split("\\s+")[1];
        Path ourFile = ours.workDir().resolve(our.stdoutLines().get(1).trim().split("\\s+")[3]);
        Path theirFile = apache.workDir().resolve(their.stdoutLines().get(1).trim().split("\\s+")[3]);
        assertEquals(MqadminOutput.withoutRunningFigures(Files.readString(theirFile, StandardCharsets.UTF_8)),
            MqadminOutput.withoutRunningFigures(Files.readString(ourFile, StandardCharsets.UTF_8)));

        CommandResult ourOne = our(() -> ours.run("consumerStatus", "-g", GROUP, "-i", clientId));
        CommandResult theirOne = their(() -> apache.run("consumerStatus", "-g", GROUP, "-i", clientId));
        assertEquals(0, ourOne.exitCode(), ourOne.describe());
        assertEquals(MqadminOutput.withoutRunningFigures(theirOne.stdout()),
            MqadminOutput.withoutRunningFigures(ourOne.stdout()));
        assertTrue(ourOne.stdout().contains("#Consumer Subscription#"), ourOne.describe());
    }

    @Test
    void cloneGroupOffsetGivesTheDestinationTheSourceOffsets() throws Exception {
        CommandResult our = our(() -> ours.run("cloneGroupOffset", "-s", GROUP, "-d", "MaintCloneOurs", "-t",
            TOPIC));
        CommandResult their = their(() -> apache.run("cloneGroupOffset", "-s", GROUP, "-d", "MaintCloneTheirs",
            "-t", TOPIC));
        assertEquals(0, our.exitCode(), our.describe());
        // named exception: 4.9.7 leaves the line open, CometMQ ends it
        assertEquals(their.stdout().replace("MaintCloneTheirs", "MaintCloneOurs") + "\n", our.stdout());
        Map<MessageQueue, Long> source = consumerOffsets(GROUP);
        assertEquals(source, consumerOffsets("MaintCloneOurs"));
        assertEquals(source, consumerOffsets("MaintCloneTheirs"));
    }

    /** The committed offsets of {@code group} on the queues of {@link #TOPIC}, asked of the broker directly. */
    private Map<MessageQueue, Long> consumerOffsets(String group) throws Exception {
        Map<MessageQueue, Long> offsets = new TreeMap<>();
        for (int queueId = 0; queueId < 4; queueId++) {
            QueryConsumerOffsetRequestHeader header = new QueryConsumerOffsetRequestHeader();
            header.setConsumerGroup(group);
            header.setTopic(TOPIC);
            header.setQueueId(queueId);
            offsets.put(new MessageQueue(TOPIC, cluster.brokerName(), queueId), admin.getDefaultMQAdminExtImpl()
                .getMqClientInstance().getMQClientAPIImpl().queryConsumerOffset(cluster.brokerAddr(), header, 5_000));
        }
        return offsets;
    }

    @Test
    void allocateMqPrintsTheSameAllocation() {
        CommandResult our = our(() -> ours.run("allocateMQ", "-t", TOPIC, "-i", "10.0.0.1,10.0.0.2,10.0.0.3"));
        CommandResult their = their(() -> apache.run("allocateMQ", "-t", TOPIC, "-i",
            "10.0.0.1,10.0.0.2,10.0.0.3"));
        assertEquals(0, our.exitCode(), our.describe());
        assertEquals(their.stdout(), our.stdout());
    }

    @Test
    void checkMsgSendRtSendsToEachQueueInTurn() {
        CommandResult our = our(() -> ours.run("checkMsgSendRT", "-t", TOPIC, "-a", "6", "-s", "16"));
        CommandResult their = their(() -> apache.run("checkMsgSendRT", "-t", TOPIC, "-a", "6", "-s", "16"));
        assertEquals(0, our.exitCode(), our.describe());
        assertEquals(MqadminOutput.withoutTimes(their.stdoutLines()), MqadminOutput.withoutTimes(our.stdoutLines()));
        assertEquals(8, our.stdoutLines().size(), our.describe());
        assertTrue(our.stdoutLines().get(1).contains(" true "), our.describe());
    }

    @Test
    void clusterRtProbesEachBrokerUntilStopped() {
        Predicate<String> oneRow = out -> out.lines().count() >= 2;
        CommandResult our = our(() -> ours.runUntil(oneRow, "clusterRT", "-a", "3", "-i", "1"));
        CommandResult their = their(() -> apache.runUntil(oneRow, "clusterRT", "-a", "3", "-i", "1"));
        assertEquals(MqadminOutput.withoutTimes(their.stdoutLines().subList(0, 2)),
            MqadminOutput.withoutTimes(our.stdoutLines().subList(0, 2)));
        List<String> row = List.of(our.stdoutLines().get(1).trim().split("\\s+"));
        assertEquals(List.of(MqadminScenario.CLUSTER, cluster.brokerName(), "3", "0"),
            List.of(row.get(0), row.get(1), row.get(3), row.get(4)), our.describe());

        Predicate<String> oneLogLine = out -> out.lines().findAny().isPresent();
        CommandResult ourLog = our(() -> ours.runUntil(oneLogLine, "clusterRT", "-a", "3", "-p", "true", "-m",
            "room1", "-c", MqadminScenario.CLUSTER));
        CommandResult theirLog = their(() -> apache.runUntil(oneLogLine, "clusterRT", "-a", "3", "-p", "true",
            "-m", "room1", "-c", MqadminScenario.CLUSTER));
        assertEquals(MqadminOutput.withoutTimes(theirLog.stdoutLines().subList(0, 1)),
            MqadminOutput.withoutTimes(ourLog.stdoutLines().subList(0, 1)));
        assertTrue(ourLog.stdoutLines().get(0).contains("|room1|" + MqadminScenario.CLUSTER + "|"
            + cluster.brokerName() + "|"), ourLog.describe());
    }

    @Test
    void exportMetadataWritesTheSameFiles() throws Exception {
        List<List<String>> runs = List.of(List.of("-c", MqadminScenario.CLUSTER), List.of("-b",
            cluster.brokerAddr(), "-t", "-s"), List.of("-b", cluster.brokerAddr(), "-g"));
        for (List<String> args : runs) {
            ExportRun run = exportBoth("exportMetadata", args);
            Map<String, Object> their = MqadminOutput.parseJson(run.theirFile());
            Map<String, Object> our = MqadminOutput.parseJson(run.ourFile());
            // named exception: the export time is the moment of each run
            their.remove("exportTime");
            our.remove("exportTime");
            assertEquals(their, our, args.toString());
        }
    }

    @Test
    void exportConfigsWritesTheSameFile() throws Exception {
        ExportRun run = exportBoth("exportConfigs", List.of("-c", MqadminScenario.CLUSTER));
        Map<String, Object> our = MqadminOutput.parseJson(run.ourFile());
        if (!Files.exists(run.theirFile())) {
            // named exception, CometMQ broker only: 4.9.7's tool fails (NullPointerException) on a broker that does
            // not report every key it exports; the broker side is another branch's part of issue 16
            assertTrue(cometBroker(), run.their().describe());
            assertTrue(run.their().describe().contains("NullPointerException"), run.their().describe());
            assertTrue(((Map<?, ?>) our.get("brokerConfigs")).values().stream()
                .anyMatch(keys -> ((Map<?, ?>) keys).size() < 16), our.toString());
            return;
        }
        assertEquals(MqadminOutput.parseJson(run.theirFile()), our);
    }

    @Test
    void exportMetricsWritesTheSameReport() throws Exception {
        ExportRun run = exportBoth("exportMetrics", List.of("-c", MqadminScenario.CLUSTER));
        assertTrue(Files.exists(run.theirFile()), run.their().describe());
        Map<String, Object> our = MqadminOutput.withoutMovingMetrics(MqadminOutput.parseJson(run.ourFile()));
        assertEquals(MqadminOutput.withoutMovingMetrics(MqadminOutput.parseJson(run.theirFile())), our);
        Map<?, ?> broker = (Map<?, ?>) ((Map<?, ?>) our.get("evaluateReport")).get(cluster.brokerName());
        assertEquals(Map.of("rocketmqVersion", "V4_9_7", "clientInfo", List.of("JAVA%V4_9_7")),
            broker.get("runtimeVersion"), our.toString());
    }

    @Test
    void consumeMessagePrintsTheSameLinesInTheSameOrder() {
        // at least 5 messages in each of the 4 queues: -c 3 cuts the first queue (in hash order) short
        String[] args = {"-t", TOPIC, "-g", "MaintReader", "-c", "3"};
        CommandResult our = our(() -> ours.run("consumeMessage", args));
        CommandResult their = their(() -> apache.run("consumeMessage", args));
        assertEquals(0, our.exitCode(), our.describe());
        assertEquals(their.stdoutLines(), our.stdoutLines());
        assertTrue(our.stdoutLines().get(0).matches("The older 3 message of the \\d queue will be provided"),
            our.describe());
        assertEquals(List.of("Consume ok"), our.stdoutLines().subList(1, 2));
        assertEquals(5, our.stdoutLines().size(), our.describe());
    }

    @Test
    void startMonitoringLogsTheSameFirstRound() {
        // both monitors run at once: their first rounds (20 s after each start) see the same cluster
        Predicate<String> oneRound = log -> log.contains("[MONITOR] =========================================endRound");
        CompletableFuture<CommandResult> theirRun = CompletableFuture.supplyAsync(
            () -> apache.runUntilLogged(oneRound, "startMonitoring"));
        String ourBefore = ToolProcess.read(ours.toolsLog());
        CommandResult our = ours.runUntilLogged(oneRound, "startMonitoring");
        CommandResult their = theirRun.join();
        // named exception: both print nothing and run until stopped; the round is in each tool's log
        assertEquals("", our.stdout(), our.describe());
        assertEquals("", their.stdout(), their.describe());
        List<String> ourRound = MqadminOutput.firstMonitorRound(ToolProcess.read(ours.toolsLog())
            .substring(ourBefore.length()));
        assertEquals(MqadminOutput.firstMonitorRound(ToolProcess.read(apache.clientLog())), ourRound);
        assertTrue(ourRound.contains("[MONITOR] reportUndoneMsgs: UndoneMsgs [consumerGroup=" + GROUP + ", topic="
            + TOPIC + ", undoneMsgsTotal=0, undoneMsgsSingleMQ=0, undoneMsgsDelayTimeMills=0]"), ourRound.toString());
    }

    /** Runs an export with both tools into two folders; their files are where each said, named alike. */
    private ExportRun exportBoth(String command, List<String> args) throws Exception {
        Path ourDir = Files.createTempDirectory(ours.workDir(), "export");
        Path theirDir = Files.createTempDirectory(apache.workDir(), "export");
        CommandResult our = our(() -> ours.run(command, withFilePath(args, ourDir)));
        CommandResult their = their(() -> apache.run(command, withFilePath(args, theirDir)));
        assertEquals(0, our.exitCode(), our.describe());
        Path ourFile = Path.of(MqadminOutput.exportedPath(our.stdout()));
        assertEquals(ourDir, ourFile.getParent(), our.describe());
        Path theirFile = theirDir.resolve(ourFile.getFileName());
        if (Files.exists(theirFile)) {
            // named exception: 4.9.7 ends this line only for a cluster's metadata, CometMQ always
            assertEquals(their.stdout().trim().replace(theirDir.toString(), ourDir.toString()), our.stdout().trim());
        }
        return new ExportRun(their, ourFile, theirFile);
    }

    private static String[] withFilePath(List<String> args, Path dir) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("-f", dir.toString()));
        return all.toArray(String[]::new);
    }

    private record ExportRun(CommandResult their, Path ourFile, Path theirFile) {
    }
}
