package org.cometmq.tools.command.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.protocol.body.BrokerStatsData;
import org.cometmq.common.protocol.body.BrokerStatsItem;
import org.cometmq.common.protocol.body.Connection;
import org.cometmq.common.protocol.body.ConsumerConnection;
import org.cometmq.common.protocol.body.KVTable;
import org.cometmq.common.protocol.body.SubscriptionGroupWrapper;
import org.cometmq.common.protocol.body.TopicConfigSerializeWrapper;
import org.cometmq.common.subscription.SubscriptionGroupConfig;
import org.cometmq.remoting.protocol.LanguageCode;
import org.cometmq.remoting.protocol.RemotingSerializable;
import org.cometmq.tools.command.CommandRunner;
import org.cometmq.tools.command.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportMetricsCommandTest {
    private final CommandRunner runner = new CommandRunner();

    @Test
    void writesEachMastersReportAndTheClusterTotals(@TempDir Path dir) throws Exception {
        when(runner.admin.examineBrokerClusterInfo()).thenReturn(Fixtures.clusterInfo());
        stubBroker(Fixtures.MASTER_A, "12.50 10.00 8.00", "3.00 2.00 1.00", 40, 25);
        stubBroker(Fixtures.MASTER_B, "1.50 1.00 1.00", "0.50 0.20 0.10", 10, 5);
        BrokerStatsData half = new BrokerStatsData();
        half.setStatsMinute(item(2.0, 3));
        half.setStatsHour(item(0, 30));
        half.setStatsDay(item(0, 0));
        // the stubs of stubBroker throw: replaced without calling them
        doReturn(half).when(runner.admin).viewBrokerStatsData(Fixtures.MASTER_A, "TOPIC_PUT_NUMS",
            "RMQ_SYS_TRANS_HALF_TOPIC");
        when(runner.admin.examineConsumerConnectionInfo("G")).thenReturn(connections(LanguageCode.JAVA, 407));
        when(runner.admin.examineConsumerConnectionInfo("Offline")).thenThrow(new MQClientException(206, "offline"));

        assertEquals(0, runner.run("exportMetrics", "-c", "C1", "-f", dir.toString()));
        assertEquals("export " + dir + "/metrics.json success\n", runner.out());
        Map<?, ?> json = RemotingSerializable.fromJson(Files.readString(dir.resolve("metrics.json")), Map.class);
        Map<?, ?> a = (Map<?, ?>) ((Map<?, ?>) json.get("evaluateReport")).get("broker-a");
        assertEquals(Map.of("cpuNum", "8"), a.get("runtimeEnv"));
        Map<?, ?> quota = (Map<?, ?>) a.get("runtimeQuota");
        assertEquals(Map.of("commitLogDiskRatio", "0.25", "consumeQueueDiskRatio", "0.25"), quota.get("diskRatio"));
        assertEquals(Map.of("normalInTps", 12.5, "normalOutTps", 3.0, "transInTps", 2.0, "scheduleInTps", 0.0),
            doubles((Map<?, ?>) quota.get("tps")));
        assertEquals(Map.of("normalOneDayInNum", 40, "normalOneDayOutNum", 25, "transOneDayInNum", 30,
            "scheduleOneDayInNum", 0), quota.get("oneDayNum"));
        assertEquals(List.of("120", 1, 2), List.of(quota.get("messageAverageSize"), quota.get("topicSize"),
            quota.get("groupSize")));
        assertEquals(Map.of("rocketmqVersion", "V4_9_7", "clientInfo", List.of("JAVA%V4_9_7")),
            a.get("runtimeVersion"));
        Map<?, ?> totals = (Map<?, ?>) json.get("totalData");
        assertEquals(Map.of("totalNormalInTps", 14.0, "totalNormalOutTps", 3.5, "totalTransInTps", 2.0,
            "totalScheduleInTps", 0.0), doubles((Map<?, ?>) totals.get("totalTps")));
        assertEquals(Map.of("normalOneDayInNum", 50, "normalOneDayOutNum", 30, "transOneDayInNum", 30,
            "scheduleOneDayInNum", 0), totals.get("totalOneDayNum"));
    }

    @Test
    void aBrokerWithoutTheFiguresTheSumsNeedFailsTheExportNamingTheFigure(@TempDir Path dir) throws Exception {
        when(runner.admin.examineBrokerClusterInfo()).thenReturn(Fixtures.clusterInfo());
        stubBroker(Fixtures.MASTER_A, "1.00 1.00 1.00", "1.00 1.00 1.00", 1, 1);
        stubBroker(Fixtures.MASTER_B, "1.00 1.00 1.00", "1.00 1.00 1.00", 1, 1);
        KVTable bare = new KVTable();
        bare.setTable(new HashMap<>(Map.of("putTps", "1.00 1.00 1.00")));
        when(runner.admin.fetchBrokerRuntimeStats(Fixtures.MASTER_B)).thenReturn(bare);
        assertEquals(1, runner.run("exportMetrics", "-c", "C1", "-f", dir.toString()));
        assertEquals("mqadmin: the broker does not report getTransferedTps in its runtime info (mqadmin brokerStatus"
            + " shows what it reports)\n", runner.err());

        CommandRunner unknown = new CommandRunner();
        when(unknown.admin.examineBrokerClusterInfo()).thenReturn(Fixtures.clusterInfo());
        assertEquals(1, unknown.run("exportMetrics", "-c", "C9"));
        assertEquals("mqadmin: no cluster 'C9' is registered with the name server (try mqadmin clusterList)\n",
            unknown.err());
    }

    private void stubBroker(String addr, String putTps, String getTps, long putToday, long getToday)
        throws Exception {
        HashMap<String, String> table = new HashMap<>();
        table.put("putTps", putTps);
        table.put("getTransferedTps", getTps);
        table.put("msgPutTotalYesterdayMorning", "100");
        table.put("msgPutTotalTodayMorning", String.valueOf(100 + putToday));
        table.put("msgGetTotalYesterdayMorning", "7");
        table.put("msgGetTotalTodayMorning", String.valueOf(7 + getToday));
        table.put("commitLogDiskRatio", "0.25");
        table.put("consumeQueueDiskRatio", "0.25");
        table.put("putMessageAverageSize", "120");
        KVTable runtime = new KVTable();
        runtime.setTable(table);
        when(runner.admin.fetchBrokerRuntimeStats(addr)).thenReturn(runtime);
        Properties config = new Properties();
        config.setProperty("clientCallbackExecutorThreads", "8");
        when(runner.admin.getBrokerConfig(addr)).thenReturn(config);
        TopicConfigSerializeWrapper topics = new TopicConfigSerializeWrapper();
        topics.setTopicConfigTable(new ConcurrentHashMap<>(Map.of("T", new TopicConfig("T", 4, 4, 6))));
        when(runner.admin.getUserTopicConfig(addr, false, 10_000)).thenReturn(topics);
        SubscriptionGroupWrapper groups = new SubscriptionGroupWrapper();
        ConcurrentHashMap<String, SubscriptionGroupConfig> table2 = new ConcurrentHashMap<>();
        for (String name : List.of("G", "Offline")) {
            SubscriptionGroupConfig group = new SubscriptionGroupConfig();
            group.setGroupName(name);
            table2.put(name, group);
        }
        groups.setSubscriptionGroupTable(table2);
        when(runner.admin.getUserSubscriptionGroup(org.mockito.ArgumentMatchers.eq(addr), anyLong()))
            .thenReturn(groups);
        when(runner.admin.viewBrokerStatsData(addr, "TOPIC_PUT_NUMS", "RMQ_SYS_TRANS_HALF_TOPIC"))
            .thenThrow(new MQClientException(1, "no stats"));
        when(runner.admin.viewBrokerStatsData(addr, "TOPIC_PUT_NUMS", "SCHEDULE_TOPIC_XXXX"))
            .thenThrow(new MQClientException(1, "no stats"));
    }

    private static BrokerStatsItem item(double tps, long sum) {
        BrokerStatsItem item = new BrokerStatsItem();
        item.setTps(tps);
        item.setSum(sum);
        return item;
    }

    private static ConsumerConnection connections(LanguageCode language, int version) {
        Connection connection = new Connection();
        connection.setClientId("c1");
        connection.setLanguage(language);
        connection.setVersion(version);
        ConsumerConnection consumers = new ConsumerConnection();
        consumers.setConnectionSet(new HashSet<>(List.of(connection)));
        return consumers;
    }

    /** JSON numbers read back as Integer or BigDecimal; compared as doubles. */
    private static Map<Object, Double> doubles(Map<?, ?> map) {
        Map<Object, Double> doubles = new HashMap<>();
        map.forEach((key, value) -> doubles.put(key, ((Number) value).doubleValue()));
        return doubles;
    }
}
