package org.cometmq.test.tools;

import static org.cometmq.test.tools.MqadminComparison.EACH;
import static org.cometmq.test.tools.MqadminComparison.OURS;
import static org.cometmq.test.tools.MqadminComparison.THEIRS;
import static org.cometmq.test.tools.MqadminComparison.exact;
import static org.cometmq.test.tools.MqadminComparison.replacing;
import static org.cometmq.test.tools.Patiently.our;
import static org.cometmq.test.tools.Patiently.their;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.message.Message;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.admin.TopicOffset;
import org.cometmq.common.subscription.SubscriptionGroupConfig;
import org.cometmq.test.harness.ApacheClients;
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
 * Every one of 4.9.7's 57 mqadmin sub-commands, run with Apache 4.9.7's mqadmin and CometMQ's (the two runs of a
 * command at once) on one prepared cluster: topics and groups to change, messages with keys from an online traced
 * producer, an online push consumer that consumed them. The outputs must be equal line for line after
 * {@link MqadminComparison} normalised what must differ, or differ only as the table's named exceptions say.
 * Subclasses choose whose servers run.
 */
@CrossProcess
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AllSubCommandsScenario {
    private static final String TOPIC = "AllTopic";
    private static final String GROUP = "AllGroup";
    private static final String PRODUCER_GROUP = "AllProducer";
    private static final String KEY = "AllKey";
    private static final String NAMESPACE = "AllNamespace";
    /** A trace topic of the test's own: RMQ_SYS_TRACE_TOPIC exists only on a broker with traceTopicEnable. */
    private static final String TRACE_TOPIC = "AllTraceTopic";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MESSAGES = 8;
    private static final String PROPERTIES = "4.9.7 prints the message's properties map in hash order, CometMQ by"
        + " name: the entries are compared sorted";
    private static final String QUEUE_ROWS = "4.9.7 prints a row per queue in hash order, CometMQ in queue order";
    private static final String SETTINGS = "4.9.7 prints the server's properties in hash order, CometMQ by name";
    /**
     * Rows that only read state no other row of their stretch changes, and start no client another reader would
     * see (a producer, a push consumer, a monitor): a stretch of them runs {@value #CONCURRENT_ROWS} rows at a
     * time, so each sees the state the sequential order would show it. Every other row runs alone; so does
     * {@code producer}, which lists every client of the broker, another reader's tool among them. The ACL rows are
     * readers here because the broker runs without ACL: each is refused or unanswered and changes nothing.
     */
    private static final Set<String> READERS = Set.of("topicRoute", "topicStatus", "topicClusterList",
        "brokerStatus", "queryMsgById", "queryMsgByKey", "queryMsgByUniqueKey", "queryMsgByOffset",
        "queryMsgTraceById", "printMsg", "printMsgByQueue", "brokerConsumeStats", "producerConnection",
        "consumerConnection", "consumerProgress", "consumerStatus", "clusterList", "topicList",
        "statsAll", "allocateMQ", "getNamesrvConfig", "getBrokerConfig", "getConsumerConfig", "queryCq",
        "updateAclConfig", "deleteAclConfig", "clusterAclConfigVersion", "updateGlobalWhiteAddr", "getAclConfig",
        "exportMetadata", "exportConfigs", "exportMetrics");
    /** Two rows are four tool JVMs: more only queue for the two cores a CI machine has. */
    private static final int CONCURRENT_ROWS = 2;
    /** Longer than a row's two runs can take: each run, and its one repetition, is bounded by ToolProcess. */
    private static final Duration ROW_BOUND = Duration.ofMinutes(4);
    private static final String NO_ACL = "the broker runs without ACL: 4.9.7's broker refuses the three changes"
        + " and leaves clusterAclConfigVersion and getAclConfig unanswered (so does CometMQ's); on a refusal 4.9.7's"
        + " mqadmin prints the stack and exits 0, CometMQ's prints one line and exits 1: the refusals (code,"
        + " description) or the missing answer are compared";

    protected abstract OneBrokerCluster startCluster();

    private OneBrokerCluster cluster;
    private DefaultMQAdminExt admin;
    private DefaultMQProducer producer;
    private DefaultMQPushConsumer consumer;
    private SendResult first;
    private CometMqadmin ours;
    private ApacheMqadmin apache;

    @BeforeAll
    void prepare() throws Exception {
        cluster = startCluster();
        admin = new DefaultMQAdminExt(5_000);
        admin.setNamesrvAddr(cluster.namesrvAddr());
        admin.setInstanceName("all_commands_it_" + ProcessHandle.current().pid());
        admin.start();
        for (String topic : List.of(TOPIC, TRACE_TOPIC, "AllDelete" + OURS, "AllDelete" + THEIRS, "AllPerm" + OURS,
            "AllPerm" + THEIRS)) {
            createTopic(topic);
        }
        for (String side : List.of(OURS, THEIRS)) {
            SubscriptionGroupConfig group = new SubscriptionGroupConfig();
            group.setGroupName("AllDeleteGroup" + side);
            admin.createAndUpdateSubscriptionGroupConfig(cluster.brokerAddr(), group);
            admin.createAndUpdateKvConfig(NAMESPACE, "AllDelete" + side, "gone soon");
        }
        producer = tracedProducer();
        first = producer.send(new Message(TOPIC, "AllTag", KEY, "all-0".getBytes(StandardCharsets.UTF_8)));
        for (int i = 1; i < MESSAGES; i++) {
            producer.send(new Message(TOPIC, "AllTag", KEY, ("all-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        Await.until("the trace of the first message", TIMEOUT, () -> admin.examineTopicStats(TRACE_TOPIC),
            stats -> stats.getOffsetTable().values().stream().mapToLong(TopicOffset::getMaxOffset).sum() > 0);
        consumer = onlineConsumer();
        Await.until("committed offsets of " + GROUP, TIMEOUT, () -> admin.examineConsumeStats(GROUP, TOPIC),
            stats -> stats.computeTotalDiff() == 0);
        ours = new CometMqadmin(cluster.namesrvAddr());
        apache = new ApacheMqadmin(cluster.namesrvAddr());
    }

    private void createTopic(String topic) {
        Await.until("route of " + topic, TIMEOUT, () -> {
            admin.createAndUpdateTopicConfig(cluster.brokerAddr(), new TopicConfig(topic, 4, 4, 6));
            return admin.examineTopicRouteInfo(topic);
        }, route -> route.getQueueDatas() != null && !route.getQueueDatas().isEmpty());
    }

    /** A producer with 4.9.7's message trace on: its sends leave Pub records in the trace topic created above. */
    private DefaultMQProducer tracedProducer() throws Exception {
        DefaultMQProducer started = new DefaultMQProducer(PRODUCER_GROUP, true, TRACE_TOPIC);
        started.setNamesrvAddr(cluster.namesrvAddr());
        started.setVipChannelEnabled(false);
        // the first send fetches the route too: 3 s is short on a machine shared with a CI run
        started.setSendMsgTimeout(15_000);
        started.setInstanceName("all_commands_p_" + ProcessHandle.current().pid());
        started.start();
        return started;
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
    void everySubCommandPrintsWhatApachesPrints() throws Exception {
        List<MqadminComparison> rows = comparisons();
        assertEquals(SubCommands.ORDER, rows.stream().map(MqadminComparison::command).toList(),
            "a sub-command without a row in the comparison table");
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_ROWS);
        try {
            List<Future<String>> differences = new ArrayList<>();
            for (MqadminComparison row : rows) {
                if (READERS.contains(row.command())) {
                    differences.add(pool.submit(() -> compare(row)));
                } else {
                    // a row that changes state waits for the readers before it and runs alone
                    String all = collect(differences);
                    differences.clear();
                    differences.add(CompletableFuture.completedFuture(all + compare(row)));
                }
            }
            assertEquals("", collect(differences));
        } finally {
            pool.shutdownNow();
        }
        theChangesTookEffect();
    }

    /** Runs both tools on one row at once: "" when the outputs agree, else both outputs. */
    private String compare(MqadminComparison row) {
        CompletableFuture<CommandResult> theirRun = CompletableFuture.supplyAsync(
            () -> their(() -> row.runWith(apache, THEIRS)));
        CommandResult our = our(() -> row.runWith(ours, OURS));
        CommandResult their = theirRun.join();
        List<String> ourLines = row.lines(our, OURS);
        List<String> theirLines = row.lines(their, THEIRS);
        if (ourLines.equals(theirLines)) {
            return "";
        }
        return "=== " + row.command() + " (" + row.exception() + ")\n--- Apache:\n" + String.join("\n", theirLines)
            + "\n--- CometMQ:\n" + String.join("\n", ourLines) + "\n--- CometMQ stderr:\n" + our.stderr()
            + "--- Apache stderr:\n" + their.stderr() + "\n";
    }

    /** The differences of the rows run so far, in row order; each row's two runs are bounded by ToolProcess. */
    private static String collect(List<Future<String>> differences) throws Exception {
        StringBuilder all = new StringBuilder();
        for (Future<String> difference : differences) {
            all.append(difference.get(ROW_BOUND.toSeconds(), TimeUnit.SECONDS));
        }
        return all.toString();
    }

    /** What the state-changing rows did, seen through the admin API: each tool changed its own object. */
    private void theChangesTookEffect() throws Exception {
        for (String side : List.of(OURS, THEIRS)) {
            assertEquals(2, admin.examineTopicRouteInfo("AllNew" + side).getQueueDatas().get(0).getReadQueueNums());
            assertThrows(MQClientException.class, () -> admin.examineTopicRouteInfo("AllDelete" + side));
            // the broker's config: addWritePerm later gave every route of the broker RW until its next register
            assertEquals(4, admin.examineTopicConfig(cluster.brokerAddr(), "AllPerm" + side).getPerm());
            assertEquals("value", admin.getKVConfig(NAMESPACE, "AllNew" + side));
            assertThrows(MQClientException.class, () -> admin.getKVConfig(NAMESPACE, "AllDelete" + side));
            assertEquals("AllSub" + side, admin.examineSubscriptionGroupConfig(cluster.brokerAddr(), "AllSub" + side)
                .getGroupName());
        }
    }

    /** The comparison table: one row per sub-command, in the order of 4.9.7's command list. */
    private List<MqadminComparison> comparisons() {
        List<MqadminComparison> rows = new ArrayList<>(topicAndGroupRows());
        rows.addAll(messageRows());
        rows.addAll(clientAndNameServerRows());
        rows.addAll(maintenanceRows());
        rows.addAll(configAclAndExportRows());
        return rows;
    }

    private List<MqadminComparison> topicAndGroupRows() {
        String cluster = MqadminScenario.CLUSTER;
        return List.of(
            exact("updateTopic", "-c", cluster, "-t", "AllNew" + EACH, "-r", "2", "-w", "2"),
            exact("deleteTopic", "-c", cluster, "-t", "AllDelete" + EACH),
            exact("updateSubGroup", "-c", cluster, "-g", "AllSub" + EACH),
            exact("deleteSubGroup", "-c", cluster, "-g", "AllDeleteGroup" + EACH),
            exact("updateBrokerConfig", "-b", this.cluster.brokerAddr(), "-k", "rejectTransactionMessage", "-v",
                "false"),
            exact("updateTopicPerm", "-c", cluster, "-t", "AllPerm" + EACH, "-p", "4"),
            exact("topicRoute", "-t", TOPIC),
            exact("topicStatus", "-t", TOPIC),
            exact("topicClusterList", "-t", TOPIC),
            exact("brokerStatus", "-b", this.cluster.brokerAddr())
                .except("running figures (times, counts, rates) move between two looks: the keys are compared",
                    lines -> lines.stream().map(line -> line.split(":")[0].trim()).toList()));
    }

    private List<MqadminComparison> messageRows() {
        String queue = Integer.toString(first.getMessageQueue().getQueueId());
        String offset = Long.toString(first.getQueueOffset());
        return List.of(
            exact("queryMsgById", "-i", first.getOffsetMsgId())
                .except(PROPERTIES, AllSubCommandsScenario::sortedProperties),
            exact("queryMsgByKey", "-t", TOPIC, "-k", KEY),
            exact("queryMsgByUniqueKey", "-t", TOPIC, "-i", first.getMsgId())
                .except(PROPERTIES, AllSubCommandsScenario::sortedProperties),
            exact("queryMsgByOffset", "-t", TOPIC, "-b", cluster.brokerName(), "-i", queue, "-o", offset)
                .except(PROPERTIES, AllSubCommandsScenario::sortedProperties),
            exact("queryMsgTraceById", "-i", first.getMsgId(), "-t", TRACE_TOPIC),
            exact("printMsg", "-t", TOPIC)
                .except("4.9.7 walks the topic's queues in hash order, CometMQ in queue order",
                    MqadminComparison::sorted),
            exact("printMsgByQueue", "-t", TOPIC, "-a", cluster.brokerName(), "-i", queue),
            exact("sendMsgStatus", "-b", cluster.brokerName(), "-c", "2", "-s", "16")
                .except("each run sends its own messages: their ids, queues, offsets and round trips differ",
                    replacing("rt=\\d+ms|msgId=[0-9A-F]+|offsetMsgId=[0-9A-F]+|queueId=\\d+|queueOffset=\\d+",
                        "<sent>")),
            exact("brokerConsumeStats", "-b", cluster.brokerAddr()));
    }

    private List<MqadminComparison> clientAndNameServerRows() {
        return List.of(
            exact("producerConnection", "-g", PRODUCER_GROUP, "-t", TOPIC),
            exact("consumerConnection", "-g", GROUP),
            exact("consumerProgress", "-g", GROUP)
                .except("the consume TPS is a rate of the last minute, sampled by each run",
                    lines -> lines.stream().filter(line -> !line.startsWith("Consume TPS: ")).toList()),
            exact("consumerStatus", "-g", GROUP)
                .except("each run saves the reports in a folder named after its millisecond",
                    MqadminOutput::withoutSaveTime),
            exact("cloneGroupOffset", "-s", GROUP, "-d", "AllClone" + EACH, "-t", TOPIC),
            exact("producer", "-b", cluster.brokerAddr())
                .except("a producer's last heartbeat is a moment; 4.9.7 prints the groups in hash order",
                    lines -> MqadminComparison.sorted(replacing("lastUpdateTimestamp=\\d+", "lastUpdateTimestamp=T")
                        .apply(lines))),
            exact("clusterList")
                .except("TPS, hours since the oldest message and disk use move: the first five columns are compared",
                    lines -> lines.stream().map(line -> String.join(" ", List.of(line.trim().split("\\s+"))
                        .subList(0, Math.min(5, line.trim().split("\\s+").length)))).toList()),
            exact("topicList")
                .except("4.9.7 prints the name server's topic set in hash order", MqadminComparison::sorted),
            exact("updateKvConfig", "-s", NAMESPACE, "-k", "AllNew" + EACH, "-v", "value"),
            exact("deleteKvConfig", "-s", NAMESPACE, "-k", "AllDelete" + EACH),
            exact("wipeWritePerm", "-b", cluster.brokerName()),
            exact("addWritePerm", "-b", cluster.brokerName()));
    }

    private List<MqadminComparison> maintenanceRows() {
        String cluster = MqadminScenario.CLUSTER;
        return List.of(
            exact("resetOffsetByTime", "-g", "AllClone" + EACH, "-t", TOPIC, "-s", "0")
                .except(QUEUE_ROWS, MqadminComparison::sorted),
            exact("skipAccumulatedMessage", "-g", "AllClone" + EACH, "-t", TOPIC)
                .except(QUEUE_ROWS, MqadminComparison::sorted),
            exact("updateOrderConf", "-t", "AllOrder" + EACH, "-m", "put", "-v", this.cluster.brokerName() + ":4"),
            exact("cleanExpiredCQ", "-b", this.cluster.brokerAddr()),
            exact("deleteExpiredCommitLog"),
            exact("cleanUnusedTopic", "-c", cluster),
            exact("startMonitoring")
                .until("it runs until stopped and prints nothing; its first round (20 s after start) is compared in"
                    + " MaintenanceCommandsScenario: here each tool runs until its log shows it started",
                    log -> !log.isEmpty(), true),
            exact("statsAll", "-t", TOPIC)
                .except("put and consume TPS are sampled rates that move between the two runs",
                    replacing("\\d+\\.\\d\\d", "<tps>")),
            exact("allocateMQ", "-t", TOPIC, "-i", "10.0.0.1,10.0.0.2,10.0.0.3"),
            exact("checkMsgSendRT", "-t", TOPIC, "-a", "4", "-s", "16")
                .except("each send's round trip is measured", MqadminOutput::withoutTimes),
            exact("clusterRT", "-a", "3", "-i", "1")
                .until("it probes every interval until stopped: each tool runs until its first row is complete (a"
                    + " stop in the middle of a row would cut it)", out -> out.chars().filter(c -> c == '\n').count()
                    >= 2, false)
                .except("the first row's round trips are measured",
                    lines -> MqadminOutput.withoutTimes(lines.subList(0, Math.min(2, lines.size())))));
    }

    private List<MqadminComparison> configAclAndExportRows() {
        String cluster = MqadminScenario.CLUSTER;
        return List.of(
            exact("getNamesrvConfig").except(SETTINGS, MqadminComparison::sorted),
            exact("updateNamesrvConfig", "-k", "orderMessageEnable", "-v", "false"),
            exact("getBrokerConfig", "-b", this.cluster.brokerAddr()).except(SETTINGS, MqadminComparison::sorted),
            exact("getConsumerConfig", "-g", GROUP),
            exact("queryCq", "-t", TOPIC, "-q", "0", "-i", "0", "-c", "2"),
            exact("sendMessage", "-t", TOPIC, "-b", this.cluster.brokerName(), "-i", "0", "-p", "all-sent", "-k",
                KEY, "-c", "AllTag")
                .except("each run sends its own message: its id differs", replacing("[0-9A-F]{32,}", "<msgId>")),
            exact("consumeMessage", "-t", TOPIC, "-g", "AllReader", "-c", "3"),
            exact("updateAclConfig", "-a", "AllAccess" + EACH, "-s", "AllSecret1", "-c", cluster).refusedAlike(NO_ACL),
            exact("deleteAclConfig", "-a", "AllAccess" + EACH, "-c", cluster).refusedAlike(NO_ACL),
            exact("clusterAclConfigVersion", "-c", cluster).refusedAlike(NO_ACL),
            exact("updateGlobalWhiteAddr", "-g", "10.10.10.10", "-c", cluster).refusedAlike(NO_ACL),
            exact("getAclConfig", "-c", cluster).refusedAlike(NO_ACL),
            exact("exportMetadata", "-c", cluster, "-f", "export-metadata"),
            exact("exportConfigs", "-c", cluster, "-f", "export-configs"),
            exact("exportMetrics", "-c", cluster, "-f", "export-metrics"));
    }

    /** A {@code Properties:} line with the map's entries sorted by name. */
    private static List<String> sortedProperties(List<String> lines) {
        return lines.stream().map(line -> {
            if (!line.startsWith("Properties:")) {
                return line;
            }
            int open = line.indexOf('{');
            List<String> entries = new ArrayList<>(List.of(line.substring(open + 1, line.length() - 1).split(", ")));
            entries.sort(null);
            return line.substring(0, open) + "{" + String.join(", ", entries) + "}";
        }).toList();
    }
}
