package org.cometmq.tools.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.consumer.PullResult;
import org.cometmq.client.consumer.PullStatus;
import org.cometmq.client.producer.SendResult;
import org.cometmq.client.producer.SendStatus;
import org.cometmq.common.admin.RollbackStats;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.body.BrokerStatsData;
import org.cometmq.common.protocol.body.BrokerStatsItem;
import org.cometmq.common.protocol.body.ConsumeQueueData;
import org.cometmq.common.protocol.body.GroupList;
import org.cometmq.common.protocol.body.ProducerInfo;
import org.cometmq.common.protocol.body.ProducerTableInfo;
import org.cometmq.common.protocol.body.QueryConsumeQueueResponseBody;
import org.cometmq.common.protocol.body.TopicList;
import org.cometmq.common.subscription.SubscriptionGroupConfig;
import org.cometmq.remoting.protocol.LanguageCode;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * Output of getConsumerConfig, producer, sendMsgStatus, updateOrderConf, skipAccumulatedMessage, queryCq, statsAll,
 * printMsgByQueue.
 */
class OperationsCommandsTest {
    private final CommandRunner runner = new CommandRunner();

    @Test
    void getConsumerConfigPrintsOneBlockPerBrokerThatHasTheGroup() throws Exception {
        when(runner.admin.examineBrokerClusterInfo()).thenReturn(Fixtures.clusterInfo());
        SubscriptionGroupConfig config = new SubscriptionGroupConfig();
        config.setGroupName("cg");
        config.setRetryMaxTimes(3);
        when(runner.admin.examineSubscriptionGroupConfig(Fixtures.MASTER_A, "cg")).thenReturn(config);

        assertEquals(0, runner.run("getConsumerConfig", "-g", "cg"));
        String bar = "=============================";
        assertEquals(List.of(bar + "C1:broker-a" + bar,
            row("groupName", "cg"), row("consumeEnable", "true"), row("consumeFromMinEnable", "true"),
            row("consumeBroadcastEnable", "true"), row("retryQueueNums", "1"), row("retryMaxTimes", "3"),
            row("brokerId", "0"), row("whichBrokerWhenConsumeSlowly", "1"),
            row("notifyConsumerIdsChangedEnable", "true"), ""), runner.outLines());
        verify(runner.admin).examineSubscriptionGroupConfig(Fixtures.MASTER_B, "cg");
    }

    private static String row(String name, String value) {
        return String.format("%-40s=  %s", name, value);
    }

    @Test
    void producerPrintsEveryInstanceOfEveryGroup() throws Exception {
        Map<String, List<ProducerInfo>> data = new HashMap<>();
        data.put("pg", List.of(new ProducerInfo("10.0.0.1@1", "10.0.0.1:5000", LanguageCode.JAVA, 413, 1700L)));
        data.put("empty", List.of());
        when(runner.admin.getAllProducerInfo(Fixtures.MASTER_A)).thenReturn(new ProducerTableInfo(data));

        assertEquals(0, runner.run("producer", "-b", Fixtures.MASTER_A));
        assertEquals(Set.of("producer group (empty) instances are empty",
            "producer group (pg) instance : clientId=10.0.0.1@1,remoteIP=10.0.0.1:5000, language=JAVA, version=413,"
                + " lastUpdateTimestamp=1700", ""), Set.copyOf(runner.outLines()));
    }

    @Test
    void sendMsgStatusWarmsUpThenPrintsEachSendToTheBrokersOwnTopic() throws Exception {
        SendResult result = new SendResult(SendStatus.SEND_OK, "ID", "OFFSET_ID",
            new MessageQueue("broker-a", "broker-a", 0), 7);
        when(runner.producer.send(any(Message.class))).thenReturn(result);

        assertEquals(0, runner.run("sendMsgStatus", "-b", "broker-a", "-s", "12", "-c", "2"));
        List<String> lines = runner.outLines();
        assertEquals(3, lines.size(), runner.out());
        for (String line : lines.subList(0, 2)) {
            assertTrue(line.matches("rt=\\d+ms, SendResult=\\Q" + result + "\\E"), line);
        }
        ArgumentCaptor<Message> sent = ArgumentCaptor.forClass(Message.class);
        verify(runner.producer, org.mockito.Mockito.times(3)).send(sent.capture());
        assertEquals("hello jodiehello jodie", new String(sent.getAllValues().get(0).getBody()));
        assertEquals("hello jodiehello jodie", new String(sent.getAllValues().get(1).getBody()));
        assertEquals("broker-a", sent.getAllValues().get(1).getTopic());
    }

    @Test
    void updateOrderConfPutsGetsAndDeletesWithoutAFinalNewline() throws Exception {
        assertEquals(0, runner.run("updateOrderConf", "-t", "T", "-m", "put", "-v", "broker-a:4"));
        verify(runner.admin).createOrUpdateOrderConf("T", "broker-a:4", true);
        when(runner.admin.getKVConfig("ORDER_TOPIC_CONFIG", "T")).thenReturn("broker-a:4");
        assertEquals(0, runner.run("updateOrderConf", "-t", "T", "-m", "get"));
        assertEquals(0, runner.run("updateOrderConf", "-t", "T", "-m", "delete"));
        verify(runner.admin).deleteKvConfig("ORDER_TOPIC_CONFIG", "T");
        assertEquals("update orderConf success. topic=[T], orderConf=[broker-a:4]"
            + "get orderConf success. topic=[T], orderConf=[broker-a:4] "
            + "delete orderConf success. topic=[T]", runner.out());

        assertEquals(1, runner.run("updateOrderConf", "-t", "T", "-m", "put"));
        assertEquals(1, runner.run("updateOrderConf", "-t", "T", "-m", "list"));
        verify(runner.admin, never()).createOrUpdateOrderConf(eq("T"), eq(null), any(Boolean.class));
    }

    @Test
    void skipAccumulatedMessageMovesToTheEndOnlineOrOffline() throws Exception {
        Map<MessageQueue, Long> offsets = new HashMap<>();
        offsets.put(new MessageQueue("T", "broker-a", 1), 9L);
        offsets.put(new MessageQueue("T", "broker-a", 0), 5L);
        when(runner.admin.resetOffsetByTimestamp("T", "cg", -1, true)).thenReturn(offsets);
        assertEquals(0, runner.run("skipAccumulatedMessage", "-g", "cg", "-t", "T"));
        assertEquals(List.of(String.format("%-40s  %-40s  %-40s", "#brokerName", "#queueId", "#offset"),
            String.format("%-40s  %-40d  %-40d", "broker-a", 0, 5), String.format("%-40s  %-40d  %-40d", "broker-a",
                1, 9), ""), runner.outLines());

        CommandRunner offline = new CommandRunner();
        when(offline.admin.resetOffsetByTimestamp("T", "cg", -1, false))
            .thenThrow(new MQClientException(ResponseCode.CONSUMER_NOT_ONLINE, "not online"));
        RollbackStats stats = new RollbackStats();
        stats.setBrokerName("broker-a");
        stats.setBrokerOffset(8);
        stats.setConsumerOffset(3);
        stats.setTimestampOffset(8);
        stats.setRollbackOffset(8);
        when(offline.admin.resetOffsetByTimestampOld("cg", "T", -1, false)).thenReturn(List.of(stats));
        assertEquals(0, offline.run("skipAccumulatedMessage", "-g", "cg", "-t", "T", "-f", "false"));
        String six = "%-20s  %-20s  %-20s  %-20s  %-20s  %-20s";
        assertEquals(List.of(String.format(six, "#brokerName", "#queueId", "#brokerOffset", "#consumerOffset",
            "#timestampOffset", "#rollbackOffset"), String.format(six, "broker-a", 0, 8, 3, 8, 8), ""),
            offline.outLines());
    }

    @Test
    void queryCqPrintsTheSubscriptionTheBoundsAndEachEntry() throws Exception {
        QueryConsumeQueueResponseBody body = new QueryConsumeQueueResponseBody();
        body.setMaxQueueIndex(3);
        body.setMinQueueIndex(0);
        ConsumeQueueData entry = new ConsumeQueueData();
        entry.setPhysicOffset(100);
        entry.setPhysicSize(200);
        entry.setTagsCode(42);
        body.setQueueData(List.of(entry));
        when(runner.admin.examineTopicRouteInfo("T")).thenReturn(Fixtures.route());
        when(runner.admin.queryConsumeQueue(Fixtures.MASTER_B, "T", 1, 2, 10, null)).thenReturn(body);

        assertEquals(0, runner.run("queryCq", "-t", "T", "-q", "1", "-i", "2"));
        String bar = "======================================";
        assertEquals(List.of("Queue data: ", "max: 3, min: 0", bar, "idx: 2",
            "ConsumeQueueData{physicOffset=100, physicSize=200, tagsCode=42, extendDataJson='null', bitMap='null',"
                + " eval=false, msg='null'}", bar, ""), runner.outLines());
    }

    @Test
    void statsAllPrintsTopicsInNameOrderWithTheirGroupsAndSkipsRetryTopics() throws Exception {
        TopicList topics = new TopicList();
        topics.setTopicList(Set.of("T2", "T1", "%RETRY%cg"));
        when(runner.admin.fetchAllTopicList()).thenReturn(topics);
        when(runner.admin.examineTopicRouteInfo(any())).thenReturn(Fixtures.route());
        GroupList groups = new GroupList();
        groups.setGroupList(new java.util.HashSet<>(Set.of("cg")));
        when(runner.admin.queryTopicConsumeByWho("T1")).thenReturn(groups);
        when(runner.admin.queryTopicConsumeByWho("T2")).thenReturn(new GroupList());
        when(runner.admin.viewBrokerStatsData(Fixtures.MASTER_A, "TOPIC_PUT_NUMS", "T1")).thenReturn(stats(1.5, 30));
        when(runner.admin.viewBrokerStatsData(Fixtures.MASTER_A, "GROUP_GET_NUMS", "T1@cg")).thenReturn(stats(0.5, 10));

        assertEquals(0, runner.run("statsAll"));
        assertEquals(List.of(
            String.format("%-64s  %-64s %12s %11s %11s %14s %14s", "#Topic", "#Consumer Group", "#Accumulation",
                "#InTPS", "#OutTPS", "#InMsg24Hour", "#OutMsg24Hour"),
            String.format("%-64s  %-64s %12d %11.2f %11.2f %14d %14d", "T1", "cg", 0, 1.5, 0.5, 30, 10),
            String.format("%-64s  %-64s %12d %11.2f %11s %14d %14s", "T2", "", 0, 0.0, "", 0, "NO_CONSUMER"), ""),
            runner.outLines());

        CommandRunner active = new CommandRunner();
        when(active.admin.fetchAllTopicList()).thenReturn(topics);
        when(active.admin.examineTopicRouteInfo(any())).thenReturn(Fixtures.route());
        when(active.admin.queryTopicConsumeByWho(any())).thenReturn(new GroupList());
        assertEquals(0, active.run("statsAll", "-a"));
        assertEquals(2, active.outLines().size(), active.out());
    }

    @Test
    void printMsgByQueueCountsTagsMostFrequentFirstAndPrintsMessagesOnRequest() throws Exception {
        MessageQueue mq = new MessageQueue("T", "broker-a", 1);
        when(runner.admin.minOffset(mq)).thenReturn(0L);
        when(runner.admin.maxOffset(mq)).thenReturn(3L);
        when(runner.puller.pull(mq, "*", 0, 32)).thenReturn(new PullResult(PullStatus.FOUND, 3, 0, 3,
            List.of(message("B", "one"), message("A", "two"), message("B", "three"))));

        assertEquals(0, runner.run("printMsgByQueue", "-t", "T", "-a", "broker-a", "-i", "1", "-f", "true"));
        assertEquals(List.of(String.format("Tag: %-30s Count: %s", "B", 2), String.format("Tag: %-30s Count: %s", "A",
            1), ""), runner.outLines());

        CommandRunner printing = new CommandRunner();
        when(printing.admin.minOffset(mq)).thenReturn(2L);
        when(printing.admin.maxOffset(mq)).thenReturn(3L);
        when(printing.puller.pull(mq, "TagB", 2, 32)).thenReturn(new PullResult(PullStatus.FOUND, 3, 0, 3,
            List.of(message("B", "three"))));
        assertEquals(0, printing.run("printMsgByQueue", "-t", "T", "-a", "broker-a", "-i", "1", "-s", "TagB", "-p",
            "true", "-d", "true"));
        assertEquals(2, printing.outLines().size(), printing.out());
        assertTrue(printing.outLines().get(0).startsWith("MSGID: "), printing.out());
        assertTrue(printing.outLines().get(0).endsWith(" BODY: three"), printing.out());
    }

    private static MessageExt message(String tag, String body) {
        MessageExt msg = new MessageExt();
        msg.setTopic("T");
        msg.setTags(tag);
        msg.setBody(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return msg;
    }

    private static BrokerStatsData stats(double minuteTps, long daySum) {
        BrokerStatsData data = new BrokerStatsData();
        data.setStatsMinute(item(minuteTps, 0));
        data.setStatsHour(item(0, 0));
        data.setStatsDay(item(0, daySum));
        return data;
    }

    private static BrokerStatsItem item(double tps, long sum) {
        BrokerStatsItem item = new BrokerStatsItem();
        item.setTps(tps);
        item.setSum(sum);
        return item;
    }
}
