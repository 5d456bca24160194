package org.cometmq.test.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.protocol.body.ClusterInfo;
import org.cometmq.common.protocol.body.KVTable;
import org.cometmq.common.admin.TopicStatsTable;
import org.cometmq.common.protocol.route.QueueData;
import org.cometmq.common.protocol.route.TopicRouteData;
import org.cometmq.remoting.protocol.RemotingSerializable;
import org.cometmq.test.harness.ApacheClients;
import org.cometmq.test.harness.ApacheRoundTrip;
import org.cometmq.test.harness.CrossProcess;
import org.cometmq.test.harness.OneBrokerCluster;
import org.cometmq.testkit.Await;
import org.cometmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * CometMQ's admin API and {@code bin/mqadmin} against one name server and one broker, with Apache 4.9.7's own
 * mqadmin run on the same cluster as the reference: where both print the same data, their output must be the
 * same line for line. Subclasses choose whose servers run.
 */
@CrossProcess
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MqadminScenario {
    static final String CLUSTER = "ToolsCluster";
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    protected abstract OneBrokerCluster startCluster();

    private OneBrokerCluster cluster;
    private DefaultMQAdminExt admin;
    private DefaultMQProducer producer;
    CometMqadmin mqadmin;
    ApacheMqadmin apacheMqadmin;

    @BeforeAll
    void start() throws Exception {
        cluster = startCluster();
        admin = new DefaultMQAdminExt(5_000);
        admin.setNamesrvAddr(cluster.namesrvAddr());
        admin.setInstanceName("tools_it_" + ProcessHandle.current().pid() + "_" + INSTANCES.incrementAndGet());
        admin.start();
        producer = ApacheClients.startedProducer("ToolsItProducer", cluster.namesrvAddr());
        mqadmin = new CometMqadmin(cluster.namesrvAddr());
        apacheMqadmin = new ApacheMqadmin(cluster.namesrvAddr());
    }

    @AfterAll
    void stop() {
        try {
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

    // ------------------------------------------------------------------ admin API

    @Test
    void adminApiSeesTheClusterAndTheBroker() throws Exception {
        ClusterInfo info = admin.examineBrokerClusterInfo();
        assertEquals(Set.of(cluster.brokerName()), info.getClusterAddrTable().get(CLUSTER));
        assertEquals(Map.of(0L, cluster.brokerAddr()),
            Map.copyOf(info.getBrokerAddrTable().get(cluster.brokerName()).getBrokerAddrs()));
        KVTable runtime = admin.fetchBrokerRuntimeStats(cluster.brokerAddr());
        assertTrue(runtime.getTable().get("brokerVersionDesc").startsWith("V"), runtime.getTable().toString());
        Long.parseLong(runtime.getTable().get("msgPutTotalTodayNow"));
        assertEquals(cluster.brokerName(), admin.getBrokerConfig(cluster.brokerAddr()).getProperty("brokerName"));
    }

    @Test
    void adminApiCreatesATopicAndReadsItsRouteStatsAndClusters() throws Exception {
        String topic = "ToolsApiTopic";
        admin.createAndUpdateTopicConfig(cluster.brokerAddr(), new TopicConfig(topic, 4, 4, 6));
        TopicRouteData route = awaitRoute(topic);
        QueueData queueData = route.getQueueDatas().get(0);
        assertEquals(List.of(cluster.brokerName(), 4, 4, 6), List.of(queueData.getBrokerName(),
            queueData.getReadQueueNums(), queueData.getWriteQueueNums(), queueData.getPerm()));
        assertTrue(admin.fetchAllTopicList().getTopicList().contains(topic));
        assertTrue(admin.fetchTopicsByCLuster(CLUSTER).getTopicList().contains(topic));
        assertEquals(Set.of(CLUSTER), admin.getTopicClusterList(topic));
        TopicStatsTable stats = admin.examineTopicStats(topic);
        assertEquals(4, stats.getOffsetTable().size());
        assertEquals(4, admin.examineTopicConfig(cluster.brokerAddr(), topic).getReadQueueNums());
    }

    @Test
    void adminApiWritesAndDeletesKvConfigOnTheNameServer() throws Exception {
        admin.createAndUpdateKvConfig("TOOLS_IT", "key", "value-1");
        assertEquals("value-1", admin.getKVConfig("TOOLS_IT", "key"));
        assertEquals(Map.of("key", "value-1"), Map.copyOf(admin.getKVListByNamespace("TOOLS_IT").getTable()));
        admin.deleteKvConfig("TOOLS_IT", "key");
        MQClientException e = assertThrows(MQClientException.class, () -> admin.getKVConfig("TOOLS_IT", "key"));
        assertEquals(22, e.getResponseCode());
    }

    // ------------------------------------------------------------------ mqadmin, ours and Apache's

    @Test
    void updateTopicThenTopicListAndTopicRoute() throws Exception {
        CommandResult created = mqadmin.run("updateTopic", "-c", CLUSTER, "-t", "ToolsCliTopic", "-r", "4", "-w",
            "4");
        assertEquals(0, created.exitCode(), created.describe());
        assertEquals("create topic to " + cluster.brokerAddr() + " success.\nTopicConfig [topicName=ToolsCliTopic,"
            + " readQueueNums=4, writeQueueNums=4, perm=RW-, topicFilterType=SINGLE_TAG, topicSysFlag=0,"
            + " order=false]\n",
            created.stdout());
        assertEquals("", created.stderr());
        TopicRouteData route = awaitRoute("ToolsCliTopic");

        CommandResult apacheCreated = apacheMqadmin.run("updateTopic", "-c", CLUSTER, "-t", "ToolsCliTopic2", "-r",
            "4", "-w", "4");
        assertEquals(0, apacheCreated.exitCode(), apacheCreated.describe());
        assertEquals(created.stdout().trim(), apacheCreated.stdout().replace("ToolsCliTopic2", "ToolsCliTopic").trim());
        awaitRoute("ToolsCliTopic2");

        CommandResult list = mqadmin.run("topicList");
        assertEquals(0, list.exitCode(), list.describe());
        assertTrue(list.stdoutLines().containsAll(List.of("ToolsCliTopic", "ToolsCliTopic2")), list.describe());
        CommandResult apacheList = apacheMqadmin.run("topicList");
        assertEquals(new HashSet<>(apacheList.stdoutLines()), new HashSet<>(list.stdoutLines()));

        CommandResult routeOut = mqadmin.run("topicRoute", "-t", "ToolsCliTopic");
        assertEquals(0, routeOut.exitCode(), routeOut.describe());
        assertEquals(route, RemotingSerializable.fromJson(routeOut.stdout(), TopicRouteData.class));
        CommandResult apacheRoute = apacheMqadmin.run("topicRoute", "-t", "ToolsCliTopic");
        assertEquals(route, RemotingSerializable.fromJson(apacheRoute.stdout(), TopicRouteData.class));
    }

    @Test
    void clusterListShowsTheBrokerAsApacheDoes() {
        CommandResult ours = mqadmin.run("clusterList");
        CommandResult apache = apacheMqadmin.run("clusterList");
        assertEquals(0, ours.exitCode(), ours.describe());
        assertEquals(2, ours.stdoutLines().size(), ours.describe());
        assertEquals(apache.stdoutLines().get(0), ours.stdoutLines().get(0));
        List<String> row = List.of(ours.stdoutLines().get(1).trim().split("\\s+"));
        assertEquals(List.of(CLUSTER, cluster.brokerName(), "0", cluster.brokerAddr()), row.subList(0, 4));
        List<String> apacheRow = List.of(apache.stdoutLines().get(1).trim().split("\\s+"));
        assertEquals(apacheRow.subList(0, 5), row.subList(0, 5));

        CommandResult more = mqadmin.run("clusterList", "-m");
        assertEquals(0, more.exitCode(), more.describe());
        assertEquals("#Cluster Name     #Broker Name                       #InTotalYest  #OutTotalYest  #InTotalToday "
            + "#OutTotalToday", more.stdoutLines().get(0));
        assertEquals(List.of(CLUSTER, cluster.brokerName()),
            List.of(more.stdoutLines().get(1).trim().split("\\s+")).subList(0, 2));
    }

    @Test
    void updateTopicPermMakesTheTopicReadOnlyAndBack() throws Exception {
        admin.createAndUpdateTopicConfig(cluster.brokerAddr(), new TopicConfig("ToolsPermTopic", 2, 2, 6));
        awaitRoute("ToolsPermTopic");
        CommandResult readOnly = mqadmin.run("updateTopicPerm", "-c", CLUSTER, "-t", "ToolsPermTopic", "-p", "4");
        assertEquals(0, readOnly.exitCode(), readOnly.describe());
        assertEquals("update topic perm from 6 to 4 in " + cluster.brokerAddr() + " success.\n", readOnly.stdout());
        Await.until("perm 4 in the route of ToolsPermTopic", TIMEOUT,
            () -> admin.examineTopicRouteInfo("ToolsPermTopic").getQueueDatas().get(0).getPerm(), perm -> perm == 4);

        CommandResult back = mqadmin.run("updateTopicPerm", "-b", cluster.brokerAddr(), "-t", "ToolsPermTopic", "-p",
            "6");
        assertEquals(0, back.exitCode(), back.describe());
        assertEquals("update topic perm from 4 to 6 in " + cluster.brokerAddr() + " success.\n", back.stdout());
        Await.until("perm 6 in the route of ToolsPermTopic", TIMEOUT,
            () -> admin.examineTopicRouteInfo("ToolsPermTopic").getQueueDatas().get(0).getPerm(), perm -> perm == 6);
    }

    @Test
    void topicStatusMatchesApachesOutput() throws Exception {
        admin.createAndUpdateTopicConfig(cluster.brokerAddr(), new TopicConfig("ToolsStatusTopic", 4, 4, 6));
        awaitRoute("ToolsStatusTopic");
        ApacheRoundTrip.send(producer, "ToolsStatusTopic", ApacheRoundTrip.bodies("status", 10));

        CommandResult ours = mqadmin.run("topicStatus", "-t", "ToolsStatusTopic");
        assertEquals(0, ours.exitCode(), ours.describe());
        List<String> lines = ours.stdoutLines();
        assertEquals("#Broker Name                      #QID  #Min Offset           #Max Offset             "
            + "#Last Updated", lines.get(0));
        assertEquals(5, lines.size(), ours.describe());
        long total = 0;
        for (int queueId = 0; queueId < 4; queueId++) {
            List<String> cells = List.of(lines.get(queueId + 1).trim().split("\\s+"));
            assertEquals(List.of(cluster.brokerName(), Integer.toString(queueId), "0"), cells.subList(0, 3));
            total += Long.parseLong(cells.get(3));
        }
        assertEquals(10, total);
        CommandResult apache = apacheMqadmin.run("topicStatus", "-t", "ToolsStatusTopic");
        assertEquals(apache.stdout(), ours.stdout());
    }

    @Test
    void consumerProgressShowsNoLagAfterAnApacheConsumerConsumed() throws Exception {
        admin.createAndUpdateTopicConfig(cluster.brokerAddr(), new TopicConfig("ToolsProgressTopic", 2, 2, 6));
        awaitRoute("ToolsProgressTopic");
        List<String> bodies = ApacheRoundTrip.bodies("progress", 20);
        ApacheRoundTrip.send(producer, "ToolsProgressTopic", bodies);
        Map<String, Integer> received = ApacheRoundTrip.consume(cluster.namesrvAddr(), "ToolsProgressGroup",
            "ToolsProgressTopic", bodies.size(), TIMEOUT);
        assertEquals(Set.copyOf(bodies), received.keySet());

        CommandResult ours = awaitNoLag();
        List<String> lines = ours.stdoutLines();
        assertEquals("#Topic" + " ".repeat(58) + "  #Broker Name" + " ".repeat(20) + "  #QID  #Broker Offset        "
            + "#Consumer Offset      #Diff                 #LastTime", lines.get(0));
        long consumed = 0;
        for (String line : lines.subList(1, lines.size() - 3)) {
            List<String> cells = List.of(line.trim().split("\\s+"));
            assertEquals(cells.get(3), cells.get(4), line);
            assertEquals("0", cells.get(5), line);
            if (cells.get(0).equals("ToolsProgressTopic")) {
                consumed += Long.parseLong(cells.get(4));
            }
        }
        assertEquals(20, consumed);
        assertEquals("", lines.get(lines.size() - 3));
        assertTrue(lines.get(lines.size() - 2).startsWith("Consume TPS: "), ours.describe());

        CommandResult apache = apacheMqadmin.run("consumerProgress", "-g", "ToolsProgressGroup");
        assertEquals(0, apache.exitCode(), apache.describe());
        assertEquals(withoutTps(apache.stdoutLines()), withoutTps(lines));
    }

    private CommandResult awaitNoLag() {
        return Await.until("consumerProgress of ToolsProgressGroup with Diff Total: 0", TIMEOUT,
            () -> mqadmin.run("consumerProgress", "-g", "ToolsProgressGroup"),
            result -> result.exitCode() == 0 && result.stdoutLines().contains("Diff Total: 0"));
    }

    private static List<String> withoutTps(List<String> lines) {
        return lines.stream().filter(line -> !line.startsWith("Consume TPS: ")).toList();
    }

    @Test
    void messageCommandsFindWhatSendMessageSent() throws Exception {
        String topic = "ToolsMsgTopic";
        admin.createAndUpdateTopicConfig(cluster.brokerAddr(), new TopicConfig(topic, 1, 1, 6));
        awaitRoute(topic);
        CommandResult sent = mqadmin.run("sendMessage", "-t", topic, "-p", "hello-tools", "-k", "toolsKey", "-c",
            "TagT");
        assertEquals(0, sent.exitCode(), sent.describe());
        assertEquals("#Broker Name                      #QID  #Send Result            #MsgId",
            sent.stdoutLines().get(0));
        List<String> sendCells = List.of(sent.stdoutLines().get(1).trim().split("\\s+"));
        assertEquals(List.of(cluster.brokerName(), "0", "SEND_OK"), sendCells.subList(0, 3));
        String uniqueId = sendCells.get(3);

        CommandResult byKey = mqadmin.run("queryMsgByKey", "-t", topic, "-k", "toolsKey");
        assertEquals(0, byKey.exitCode(), byKey.describe());
        assertEquals(2, byKey.stdoutLines().size(), byKey.describe());
        assertEquals(List.of("0", "0"), List.of(byKey.stdoutLines().get(1).trim().split("\\s+")).subList(1, 3));

        CommandResult byUniqueKey = mqadmin.run("queryMsgByUniqueKey", "-t", topic, "-i", uniqueId);
        assertEquals(0, byUniqueKey.exitCode(), byUniqueKey.describe());
        assertDetails(byUniqueKey, 0, topic);
        String bodyPath = valueOf(byUniqueKey, "Message Body Path:");
        assertEquals("hello-tools", Files.readString(java.nio.file.Paths.get(bodyPath)));

        CommandResult byOffset = mqadmin.run("queryMsgByOffset", "-t", topic, "-b", cluster.brokerName(), "-i", "0",
            "-o", "0");
        assertEquals(0, byOffset.exitCode(), byOffset.describe());
        assertDetails(byOffset, 1, topic);
        String offsetId = valueOf(byOffset, "OffsetID:");
        CommandResult byId = mqadmin.run("queryMsgById", "-i", offsetId);
        assertEquals(0, byId.exitCode(), byId.describe());
        assertEquals(byOffset.stdoutLines().subList(0, 13), byId.stdoutLines().subList(0, 13));

        CommandResult printed = mqadmin.run("printMsg", "-t", topic);
        assertEquals(0, printed.exitCode(), printed.describe());
        assertEquals(1, printed.stdoutLines().stream().filter(line -> line.endsWith(" BODY: hello-tools")).count(),
            printed.describe());
        CommandResult consumed = mqadmin.run("consumeMessage", "-t", topic, "-c", "1");
        assertEquals(0, consumed.exitCode(), consumed.describe());
        assertEquals("Consume ok", consumed.stdoutLines().get(0), consumed.describe());
        assertTrue(consumed.stdoutLines().get(1).endsWith(" BODY: hello-tools"), consumed.describe());
        assertEquals("MessageQueue [topic=" + topic + ", brokerName=" + cluster.brokerName() + ", queueId=0] print msg"
            + " finished. status=NO_NEW_MSG, offset=1", consumed.stdoutLines().get(2));
    }

    private static void assertDetails(CommandResult result, int firstLine, String topic) {
        List<String> lines = result.stdoutLines();
        assertEquals("Topic:               " + topic, lines.get(firstLine), result.describe());
        assertEquals("Tags:                [TagT]", lines.get(firstLine + 1));
        assertEquals("Keys:                [toolsKey]", lines.get(firstLine + 2));
        assertEquals("Queue ID:            0", lines.get(firstLine + 3));
        assertEquals("Queue Offset:        0", lines.get(firstLine + 4));
    }

    private static String valueOf(CommandResult result, String label) {
        return result.stdoutLines().stream().filter(line -> line.startsWith(label)).findFirst()
            .orElseThrow(() -> new AssertionError("no " + label + " in " + result.describe()))
            .substring(20).trim();
    }

    @Test
    void resetOffsetByTimeOfAnOfflineGroupRewritesItsOffsets() throws Exception {
        String topic = "ToolsResetTopic";
        admin.createAndUpdateTopicConfig(cluster.brokerAddr(), new TopicConfig(topic, 1, 1, 6));
        awaitRoute(topic);
        List<String> bodies = ApacheRoundTrip.bodies("reset", 5);
        ApacheRoundTrip.send(producer, topic, bodies);
        assertEquals(Set.copyOf(bodies), ApacheRoundTrip.consume(cluster.namesrvAddr(), "ToolsResetGroup", topic,
            bodies.size(), TIMEOUT).keySet());
        Await.until("committed offset 5 of ToolsResetGroup", TIMEOUT,
            () -> admin.examineConsumeStats("ToolsResetGroup", topic).computeTotalDiff(), diff -> diff == 0);

        CommandResult reset = mqadmin.run("resetOffsetByTime", "-g", "ToolsResetGroup", "-t", topic, "-s", "0");
        assertEquals(0, reset.exitCode(), reset.describe());
        assertEquals(List.of(
            "rollback consumer offset by specified consumerGroup[ToolsResetGroup], topic[ToolsResetTopic], force[true],"
                + " timestamp(string)[0], timestamp(long)[0]",
            "#brokerName           #queueId              #brokerOffset         #consumerOffset       #timestampOffset "
                + "     #rollbackOffset"),
            List.of(reset.stdoutLines().get(0), reset.stdoutLines().get(1).stripTrailing()));
        assertEquals(List.of(cluster.brokerName(), "0", "5", "5", "0", "0"),
            List.of(reset.stdoutLines().get(2).trim().split("\\s+")));
        assertEquals(5, admin.examineConsumeStats("ToolsResetGroup", topic).computeTotalDiff());

        CommandResult deleted = mqadmin.run("deleteTopic", "-c", CLUSTER, "-t", topic);
        assertEquals(0, deleted.exitCode(), deleted.describe());
        assertEquals("delete topic [ToolsResetTopic] from cluster [" + CLUSTER + "] success.\n"
            + "delete topic [ToolsResetTopic] from NameServer success.\n", deleted.stdout());
        assertThrows(MQClientException.class, () -> admin.examineTopicRouteInfo(topic));
    }

    @Test
    void brokerAndNameServerCommands() throws Exception {
        CommandResult status = mqadmin.run("brokerStatus", "-b", cluster.brokerAddr());
        assertEquals(0, status.exitCode(), status.describe());
        String version = admin.fetchBrokerRuntimeStats(cluster.brokerAddr()).getTable().get("brokerVersionDesc");
        assertTrue(status.stdoutLines().contains(String.format("%-32s: %s", "brokerVersionDesc", version)),
            status.describe());

        CommandResult config = mqadmin.run("getNamesrvConfig");
        assertEquals(0, config.exitCode(), config.describe());
        assertEquals("============" + cluster.namesrvAddr() + "============", config.stdoutLines().get(0));
        String port = cluster.namesrvAddr().substring(cluster.namesrvAddr().indexOf(':') + 1);
        assertTrue(config.stdoutLines().contains(String.format("%-50s=  %s", "listenPort", port)), config.describe());

        CommandResult wiped = mqadmin.run("wipeWritePerm", "-b", cluster.brokerName());
        assertEquals(0, wiped.exitCode(), wiped.describe());
        assertTrue(wiped.stdout().startsWith("wipe write perm of broker[" + cluster.brokerName() + "] in name server["
            + cluster.namesrvAddr() + "] OK, "), wiped.describe());
        CommandResult added = mqadmin.run("addWritePerm", "-b", cluster.brokerName());
        assertEquals(0, added.exitCode(), added.describe());
        assertTrue(added.stdout().startsWith("add write perm of broker[" + cluster.brokerName() + "] in name server["
            + cluster.namesrvAddr() + "] OK, "), added.describe());
        assertEquals(6, awaitRoute("TBW102").getQueueDatas().get(0).getPerm() & 6);
    }

    // ------------------------------------------------------------------ failures and the script itself

    @Test
    void failuresAreOneLineOnStderrWithExitCodeOne() {
        CommandResult noRoute = mqadmin.run("topicRoute", "-t", "ToolsNoSuchTopic");
        assertEquals(1, noRoute.exitCode(), noRoute.describe());
        assertEquals("", noRoute.stdout());
        assertEquals("mqadmin: no route info for topic 'ToolsNoSuchTopic' (is the topic created? try mqadmin"
            + " topicList)\n", noRoute.stderr());

        CommandResult noCluster = mqadmin.run("updateTopic", "-c", "NoSuchCluster", "-t", "ToolsX");
        assertEquals(1, noCluster.exitCode(), noCluster.describe());
        assertEquals("mqadmin: cluster 'NoSuchCluster' is not known to the name server (known: " + CLUSTER
            + "; try mqadmin clusterList)\n", noCluster.stderr());

        CommandResult noNamesrv = mqadmin.runWithoutNamesrv("topicList");
        assertEquals(1, noNamesrv.exitCode(), noNamesrv.describe());
        assertEquals("mqadmin: no name server address: pass -n host:port (several separated by ';') or set"
            + " NAMESRV_ADDR\n", noNamesrv.stderr());
    }

    @Test
    void theScriptListsCommandsAndLogsToItsFileOnly() throws Exception {
        CommandResult help = mqadmin.runWithoutNamesrv();
        assertEquals(0, help.exitCode(), help.describe());
        assertEquals("The most commonly used mqadmin commands are:", help.stdoutLines().get(0));
        assertTrue(help.stdoutLines().contains("   consumerProgress     Query consumers's progress, speed"));
        assertEquals("", help.stderr());

        CommandResult list = mqadmin.run("topicList");
        assertEquals("", list.stderr());
        assertNotNull(list.stdoutLines().stream().filter("TBW102"::equals).findFirst().orElse(null),
            list.describe());
        String log = Files.readString(mqadmin.logDir().resolve("tools.log"));
        assertTrue(log.contains("admin admin_ext_group started on client instance"), log);
    }

    private TopicRouteData awaitRoute(String topic) {
        return Await.until("route of " + topic, TIMEOUT, () -> admin.examineTopicRouteInfo(topic),
            route -> route.getQueueDatas() != null && !route.getQueueDatas().isEmpty());
    }
}
