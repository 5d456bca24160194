package org.cometmq.tools.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.cometmq.client.producer.MessageQueueSelector;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.admin.ConsumeStats;
import org.cometmq.common.admin.OffsetWrapper;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.body.ConsumeStatsList;
import org.cometmq.common.protocol.body.ConsumerConnection;
import org.cometmq.common.protocol.body.ConsumerRunningInfo;
import org.cometmq.common.protocol.body.SubscriptionGroupWrapper;
import org.cometmq.common.protocol.body.TopicConfigSerializeWrapper;
import org.cometmq.common.subscription.SubscriptionGroupConfig;
import org.cometmq.remoting.protocol.RemotingSerializable;
import org.cometmq.tools.command.cluster.CLusterSendMsgRTCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaintenanceCommandsTest {
    private final CommandRunner runner = new CommandRunner();

    @Test
    void storeCleanupsTargetABrokerOrAClusterAndSayWhetherItAgreed() throws Exception {
        when(runner.admin.cleanExpiredConsumerQueueByAddr(Fixtures.MASTER_A)).thenReturn(true);
        assertEquals(0, runner.run("cleanExpiredCQ", "-b", Fixtures.MASTER_A));
        assertEquals("success\n", runner.out());

        CommandRunner cluster = new CommandRunner();
        when(cluster.admin.cleanUnusedTopic("C1")).thenReturn(false);
        assertEquals(0, cluster.run("cleanUnusedTopic", "-c", "C1"));
        assertEquals("false\n", cluster.out());

        CommandRunner everywhere = new CommandRunner();
        when(everywhere.admin.deleteExpiredCommitLog(null)).thenReturn(true);
        assertEquals(0, everywhere.run("deleteExpiredCommitLog"));
        assertEquals("success\n", everywhere.out());
        verify(everywhere.admin, never()).deleteExpiredCommitLogByAddr(any());
    }

    @Test
    void brokerConsumeStatsPrintsConsumedQueuesAboveTheLevelAndTheTotal() throws Exception {
        ConsumeStats stats = new ConsumeStats();
        stats.getOffsetTable().put(new MessageQueue("T", "broker-a", 1), offsets(10, 4, 1_700_000_000_000L));
        stats.getOffsetTable().put(new MessageQueue("T", "broker-a", 0), offsets(5, 5, 1_700_000_000_000L));
        stats.getOffsetTable().put(new MessageQueue("T", "broker-a", 2), offsets(7, 0, 0));
        ConsumeStatsList list = new ConsumeStatsList();
        list.setConsumeStatsList(List.of(Map.of("G", List.of(stats))));
        list.setTotalDiff(13);
        when(runner.admin.fetchConsumeStatsInBroker(Fixtures.MASTER_A, false, 50_000)).thenReturn(list);
        assertEquals(0, runner.run("brokerConsumeStats", "-b", Fixtures.MASTER_A));
        String time = Formats.dateTime(1_700_000_000_000L);
        assertEquals(List.of(
            String.format("%-64s  %-64s  %-32s  %-4s  %-20s  %-20s  %-20s  %s", "#Topic", "#Group", "#Broker Name",
                "#QID", "#Broker Offset", "#Consumer Offset", "#Diff", "#LastTime"),
            String.format("%-64s  %-64s  %-32s  %-4s  %-20s  %-20s  %-20s  %s", "T", "G", "broker-a", 0, 5, 5, 0,
                time),
            String.format("%-64s  %-64s  %-32s  %-4s  %-20s  %-20s  %-20s  %s", "T", "G", "broker-a", 1, 10, 4, 6,
                time),
            "", "Diff Total: 13", ""), runner.outLines());

        CommandRunner level = new CommandRunner();
        when(level.admin.fetchConsumeStatsInBroker(Fixtures.MASTER_A, true, 3_000)).thenReturn(list);
        assertEquals(0, level.run("brokerConsumeStats", "-b", Fixtures.MASTER_A, "-l", "1", "-o", "true", "-t",
            "3000"));
        assertEquals(5, level.outLines().size(), level.out());
        assertEquals(List.of("T", "G", "broker-a", "1"), List.of(level.outLines().get(1).split("\\s+")).subList(0, 4));
    }

    private static OffsetWrapper offsets(long broker, long consumer, long lastTimestamp) {
        OffsetWrapper wrapper = new OffsetWrapper();
        wrapper.setBrokerOffset(broker);
        wrapper.setConsumerOffset(consumer);
        wrapper.setLastTimestamp(lastTimestamp);
        return wrapper;
    }

    @Test
    void cloneGroupOffsetWritesTheSourceOffsetsForTheDestinationGroup() throws Exception {
        ConsumeStats stats = new ConsumeStats();
        MessageQueue queue = new MessageQueue("T", "broker-a", 0);
        stats.getOffsetTable().put(queue, offsets(9, 7, 1));
        stats.getOffsetTable().put(new MessageQueue("T", "broker-b", 0), offsets(9, -1, 1));
        when(runner.admin.examineConsumeStats("S")).thenReturn(stats);
        when(runner.admin.examineTopicRouteInfo("T")).thenReturn(Fixtures.route());
        assertEquals(0, runner.run("cloneGroupOffset", "-s", "S", "-d", "D", "-t", "T"));
        verify(runner.admin).updateConsumeOffset(Fixtures.MASTER_A, "D", queue, 7);
        verify(runner.admin, never()).updateConsumeOffset(eq(Fixtures.MASTER_B), any(), any(), anyLong());
        assertEquals("clone group offset success. srcGroup[S], destGroup=[D], topic[T]\n", runner.out());
    }

    @Test
    void allocateMqSharesTheReadableQueuesInBlocks() throws Exception {
        when(runner.admin.examineTopicRouteInfo("T")).thenReturn(Fixtures.route());
        assertEquals(0, runner.run("allocateMQ", "-t", "T", "-i", "10.0.0.1,10.0.0.2"));
        Map<?, ?> printed = RemotingSerializable.fromJson(runner.out(), Map.class);
        Map<?, ?> result = (Map<?, ?>) printed.get("result");
        assertEquals(Set.of("10.0.0.1", "10.0.0.2"), result.keySet());
        assertEquals(3, ((List<?>) result.get("10.0.0.1")).size());
        assertEquals(3, ((List<?>) result.get("10.0.0.2")).size());
        assertTrue(runner.out().contains("{\"brokerName\":\"broker-a\",\"queueId\":"), runner.out());
    }

    @Test
    void checkMsgSendRtSendsRoundRobinAndAveragesAllButTheFirst() throws Exception {
        List<MessageQueue> queues = List.of(new MessageQueue("T", "broker-a", 0), new MessageQueue("T", "broker-a",
            1));
        when(runner.producer.send(any(Message.class), any(MessageQueueSelector.class), any())).thenAnswer(call -> {
            MessageQueueSelector selector = call.getArgument(1);
            selector.select(queues, call.getArgument(0), call.getArgument(2));
            return null;
        });
        assertEquals(0, runner.run("checkMsgSendRT", "-t", "T", "-a", "3", "-s", "4"));
        List<String> lines = runner.outLines();
        assertEquals(String.format("%-32s  %-4s  %-20s    %s", "#Broker Name", "#QID", "#Send Result", "#RT"),
            lines.get(0));
        assertTrue(lines.get(1).startsWith(String.format("%-32s  %-4s  %-20s    ", "broker-a", 0, true)));
        assertTrue(lines.get(2).startsWith(String.format("%-32s  %-4s  %-20s    ", "broker-a", 1, true)));
        assertTrue(lines.get(3).startsWith(String.format("%-32s  %-4s  %-20s    ", "broker-a", 0, true)));
        assertTrue(lines.get(4).matches("Avg RT: \\d+\\.\\d\\d"), lines.get(4));
    }

    @Test
    void clusterRtSendsToEachBrokerTopicAndPrintsARowPerBroker() throws Exception {
        when(runner.admin.examineBrokerClusterInfo()).thenReturn(Fixtures.clusterInfo());
        List<String> topics = new ArrayList<>();
        when(runner.producer.send(any(Message.class))).thenAnswer(call -> {
            topics.add(((Message) call.getArgument(0)).getTopic());
            return null;
        });
        assertEquals(0, runner.runWith(new CLusterSendMsgRTCommand(1, seconds -> { }), "clusterRT", "-a", "2",
            "-c", "C1"));
        List<String> lines = runner.outLines();
        assertEquals(String.format("%-24s  %-24s  %-4s  %-8s  %-8s", "#Cluster Name", "#Broker Name", "#RT",
            "#successCount", "#failCount"), lines.get(0));
        assertEquals(new TreeSet<>(List.of("broker-a", "broker-b")), new TreeSet<>(topics));
        assertEquals(4, topics.size());
        for (String line : lines.subList(1, 3)) {
            List<String> cells = List.of(line.trim().split("\\s+"));
            assertEquals("C1", cells.get(0));
            assertEquals(List.of("2", "0"), cells.subList(3, 5));
        }

        CommandRunner log = new CommandRunner();
        when(log.admin.examineBrokerClusterInfo()).thenReturn(Fixtures.clusterInfo());
        assertEquals(0, log.runWith(new CLusterSendMsgRTCommand(1, seconds -> { }), "clusterRT", "-a", "2", "-c",
            "C9", "-p", "true"));
        assertEquals("cluster [C9] not exist\n", log.out());
    }

    @Test
    void consumerStatusOfOneClientPrintsItsReport() throws Exception {
        when(runner.admin.examineConsumerConnectionInfo("G")).thenReturn(new ConsumerConnection());
        ConsumerRunningInfo info = new ConsumerRunningInfo();
        info.getProperties().setProperty("PROP_CONSUME_TYPE", "CONSUME_PASSIVELY");
        when(runner.admin.getConsumerRunningInfo("G", "client-1", true)).thenReturn(info);
        assertEquals(0, runner.run("consumerStatus", "-g", "G", "-i", "client-1", "-s"));
        assertEquals(info.formatString(), runner.out());

        CommandRunner all = new CommandRunner();
        when(all.admin.examineConsumerConnectionInfo("G", Fixtures.MASTER_A)).thenReturn(new ConsumerConnection());
        assertEquals(0, all.run("consumerStatus", "-g", "G", "-b", Fixtures.MASTER_A));
        assertEquals(String.format("%-10s %-40s %-20s %s%n", "#Index", "#ClientId", "#Version",
            "#ConsumerRunningInfoFile"), all.out());
    }

    @Test
    void exportConfigsWritesTheClusterScaleAndTheExportedKeysOfEachMaster(@TempDir Path dir) throws Exception {
        when(runner.admin.examineBrokerClusterInfo()).thenReturn(Fixtures.clusterInfo());
        when(runner.admin.getNameServerAddressList()).thenReturn(List.of("127.0.0.1:9876"));
        Properties a = new Properties();
        a.setProperty("brokerName", "broker-a");
        a.setProperty("flushDiskType", "ASYNC_FLUSH");
        a.setProperty("listenPort", "10911");
        Properties b = new Properties();
        b.setProperty("brokerName", "broker-b");
        when(runner.admin.getBrokerConfig(Fixtures.MASTER_A)).thenReturn(a);
        when(runner.admin.getBrokerConfig(Fixtures.MASTER_B)).thenReturn(b);
        assertEquals(0, runner.run("exportConfigs", "-c", "C1", "-f", dir.toString()));
        assertEquals("export " + dir + "/configs.json success\n", runner.out());
        Map<?, ?> json = RemotingSerializable.fromJson(Files.readString(dir.resolve("configs.json")), Map.class);
        assertEquals(Map.of("namesrvSize", 1, "masterBrokerSize", 2, "slaveBrokerSize", 1), json.get("clusterScale"));
        assertEquals(Map.of("broker-a", Map.of("brokerName", "broker-a", "flushDiskType", "ASYNC_FLUSH"),
            "broker-b", Map.of("brokerName", "broker-b")), json.get("brokerConfigs"));
    }

    @Test
    void exportMetadataOfAClusterSumsQueuesOverMasters(@TempDir Path dir) throws Exception {
        when(runner.admin.examineBrokerClusterInfo()).thenReturn(Fixtures.clusterInfo());
        when(runner.admin.getUserTopicConfig(Fixtures.MASTER_A, false, 10_000)).thenReturn(topics(4));
        when(runner.admin.getUserTopicConfig(Fixtures.MASTER_B, false, 10_000)).thenReturn(topics(2));
        when(runner.admin.getUserSubscriptionGroup(any(), anyLong())).thenReturn(groups());
        assertEquals(0, runner.run("exportMetadata", "-c", "C1", "-f", dir.toString()));
        assertEquals("export " + dir + "/metadata.json success\n", runner.out());
        Map<?, ?> json = RemotingSerializable.fromJson(Files.readString(dir.resolve("metadata.json")), Map.class);
        Map<?, ?> topic = (Map<?, ?>) ((Map<?, ?>) json.get("topicConfigTable")).get("T");
        assertEquals(List.of(6, 6), List.of(topic.get("readQueueNums"), topic.get("writeQueueNums")));
        Map<?, ?> group = (Map<?, ?>) ((Map<?, ?>) json.get("subscriptionGroupTable")).get("G");
        assertEquals(2, group.get("retryQueueNums"));
        assertTrue(json.get("exportTime") instanceof Number, json.toString());

        CommandRunner broker = new CommandRunner();
        when(broker.admin.getUserSubscriptionGroup(Fixtures.MASTER_A, 10_000)).thenReturn(groups());
        assertEquals(0, broker.run("exportMetadata", "-b", Fixtures.MASTER_A, "-g", "-f", dir.toString()));
        assertEquals("export " + dir + "/subscriptionGroup.json success\n", broker.out());
        SubscriptionGroupWrapper read = RemotingSerializable.fromJson(
            Files.readString(dir.resolve("subscriptionGroup.json")), SubscriptionGroupWrapper.class);
        assertEquals(Set.of("G"), read.getSubscriptionGroupTable().keySet());

        CommandRunner neither = new CommandRunner();
        assertEquals(1, neither.run("exportMetadata"));
        assertEquals("mqadmin: exportMetadata needs -b <broker address> or -c <cluster name>\n", neither.err());
    }

    private static TopicConfigSerializeWrapper topics(int queues) {
        TopicConfigSerializeWrapper wrapper = new TopicConfigSerializeWrapper();
        ConcurrentHashMap<String, TopicConfig> table = new ConcurrentHashMap<>();
        table.put("T", new TopicConfig("T", queues, queues, 6));
        wrapper.setTopicConfigTable(table);
        return wrapper;
    }

    private static SubscriptionGroupWrapper groups() {
        SubscriptionGroupWrapper wrapper = new SubscriptionGroupWrapper();
        ConcurrentHashMap<String, SubscriptionGroupConfig> table = new ConcurrentHashMap<>();
        SubscriptionGroupConfig config = new SubscriptionGroupConfig();
        config.setGroupName("G");
        table.put("G", config);
        wrapper.setSubscriptionGroupTable(table);
        return wrapper;
    }
}
