package org.cometmq.tools.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.common.MQVersion;
import org.cometmq.common.consumer.ConsumeFromWhere;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.body.Connection;
import org.cometmq.common.admin.ConsumeStats;
import org.cometmq.common.protocol.body.ConsumerConnection;
import org.cometmq.common.protocol.body.ConsumerRunningInfo;
import org.cometmq.common.admin.OffsetWrapper;
import org.cometmq.common.protocol.body.ProcessQueueInfo;
import org.cometmq.common.protocol.body.ProducerConnection;
import org.cometmq.common.protocol.body.TopicList;
import org.cometmq.common.protocol.heartbeat.ConsumeType;
import org.cometmq.common.protocol.heartbeat.MessageModel;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;
import org.cometmq.common.subscription.SubscriptionGroupConfig;
import org.cometmq.remoting.protocol.LanguageCode;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class ConsumerCommandsTest {
    private static final String PAD = " ".repeat(64);
    private final CommandRunner runner = new CommandRunner();

    @Test
    void consumerProgressShowsEachQueueTheDiffAndTotals() throws Exception {
        ConsumeStats stats = new ConsumeStats();
        stats.getOffsetTable().put(new MessageQueue("T", "broker-a", 1), wrapper(10, 4, 0));
        stats.getOffsetTable().put(new MessageQueue("T", "broker-a", 0), wrapper(12, 12, 1_700_000_000_000L));
        stats.setConsumeTps(2.345);
        when(runner.admin.examineConsumeStats("cg")).thenReturn(stats);

        assertEquals(0, runner.run("consumerProgress", "-g", "cg"));
        assertEquals(List.of(
            "#Topic" + pad(58) + "  #Broker Name" + pad(20) + "  #QID  #Broker Offset        #Consumer Offset    "
                + "  #Diff                 #LastTime",
            "T" + pad(63) + "  broker-a" + pad(24) + "  0     12                    12                    0"
                + pad(19) + "  " + Formats.dateTime(1_700_000_000_000L),
            "T" + pad(63) + "  broker-a" + pad(24) + "  1     10                    4                     6"
                + pad(19) + "  N/A",
            "",
            "Consume TPS: 2.35",
            "Diff Total: 6",
            ""), runner.outLines());
        assertEquals(19, Formats.dateTime(1_700_000_000_000L).length());
    }

    @Test
    void consumerProgressWithClientIpShowsTheAssignedClient() throws Exception {
        ConsumeStats stats = new ConsumeStats();
        MessageQueue q0 = new MessageQueue("T", "broker-a", 0);
        stats.getOffsetTable().put(q0, wrapper(5, 5, 0));
        stats.getOffsetTable().put(new MessageQueue("T", "broker-a", 1), wrapper(5, 3, 0));
        when(runner.admin.examineConsumeStats("cg")).thenReturn(stats);
        when(runner.admin.examineConsumerConnectionInfo("cg")).thenReturn(connection("10.0.0.9@1"));
        ConsumerRunningInfo info = new ConsumerRunningInfo();
        info.getMqTable().put(q0, new ProcessQueueInfo());
        when(runner.admin.getConsumerRunningInfo("cg", "10.0.0.9@1", false)).thenReturn(info);

        assertEquals(0, runner.run("consumerProgress", "-g", "cg", "-s", "true"));
        List<String> lines = runner.outLines();
        assertEquals("#Topic" + pad(58) + "  #Broker Name" + pad(20) + "  #QID  #Broker Offset        #Consumer Offset"
            + "      #Client IP           #Diff                 #LastTime", lines.get(0));
        assertEquals("T" + pad(63) + "  broker-a" + pad(24) + "  0     5                     5                     "
            + "10.0.0.9             0                     N/A", lines.get(1));
        assertEquals("T" + pad(63) + "  broker-a" + pad(24) + "  1     5                     3                     "
            + "N/A                  2                     N/A", lines.get(2));
    }

    @Test
    void consumerProgressOfUnknownGroupSaysSo() throws Exception {
        when(runner.admin.examineConsumeStats("ghost")).thenThrow(
            new MQClientException(ResponseCode.TOPIC_NOT_EXIST, "No topic route info in name server"));
        assertEquals(1, runner.run("consumerProgress", "-g", "ghost"));
        assertEquals("mqadmin: no route info for consumer group 'ghost' (its topic %RETRY%ghost does not exist: has"
            + " the group ever consumed?)\n", runner.err());
    }

    @Test
    void consumerProgressWithoutGroupSummarisesEveryGroup() throws Exception {
        TopicList topics = new TopicList();
        topics.setTopicList(new HashSet<>(Set.of("T", "%RETRY%online", "%RETRY%offline", "%DLQ%offline")));
        when(runner.admin.fetchAllTopicList()).thenReturn(topics);
        ConsumeStats stats = new ConsumeStats();
        stats.getOffsetTable().put(new MessageQueue("T", "broker-a", 0), wrapper(9, 2, 0));
        stats.setConsumeTps(3.9);
        when(runner.admin.examineConsumeStats("online")).thenReturn(stats);
        when(runner.admin.examineConsumerConnectionInfo("online")).thenReturn(connection("10.0.0.9@1"));
        when(runner.admin.examineConsumeStats("offline"))
            .thenThrow(new MQClientException(ResponseCode.CONSUMER_NOT_ONLINE, "no stats"));
        when(runner.admin.examineConsumerConnectionInfo("offline"))
            .thenThrow(new MQClientException(ResponseCode.CONSUMER_NOT_ONLINE, "not online"));

        assertEquals(0, runner.run("consumerProgress"));
        assertEquals(List.of(
            "#Group" + pad(58) + "  #Count  #Version                 #Type  #Model          #TPS     #Diff Total",
            "offline" + pad(57) + "  0       OFFLINE                                         0        0",
            "online" + pad(58) + "  1       V4_9_7                   PUSH   CLUSTERING      3        7",
            ""), runner.outLines());
    }

    @Test
    void consumerConnectionListsClientsSubscriptionsAndSettings() throws Exception {
        when(runner.admin.examineConsumerConnectionInfo("cg")).thenReturn(connection("10.0.0.9@1"));
        assertEquals(0, runner.run("consumerConnection", "-g", "cg"));
        assertEquals(List.of(
            "#ClientId                            #ClientAddr            #Language  #Version",
            "10.0.0.9@1                           10.0.0.9:54321         JAVA       V4_9_7",
            "",
            "Below is subscription:",
            "#Topic               #SubExpression",
            "%RETRY%cg            *",
            "T                    TagA || TagB",
            "",
            "ConsumeType: CONSUME_PASSIVELY",
            "MessageModel: CLUSTERING",
            "ConsumeFromWhere: CONSUME_FROM_FIRST_OFFSET",
            ""), runner.outLines());
    }

    @Test
    void consumerConnectionOnOneBrokerUsesIt() throws Exception {
        when(runner.admin.examineConsumerConnectionInfo("cg", "127.0.0.1:10911")).thenReturn(connection("a@1"));
        assertEquals(0, runner.run("consumerConnection", "-g", "cg", "-b", "127.0.0.1:10911"));
        assertEquals("a@1                                  10.0.0.9:54321         JAVA       V4_9_7",
            runner.outLines().get(1));
    }

    @Test
    void consumerConnectionOfAnOfflineGroup() throws Exception {
        when(runner.admin.examineConsumerConnectionInfo("cg"))
            .thenThrow(new MQClientException(ResponseCode.CONSUMER_NOT_ONLINE,
                "Not found the consumer group connection"));
        assertEquals(1, runner.run("consumerConnection", "-g", "cg"));
        assertEquals("mqadmin: consumer group 'cg': Not found the consumer group connection (is a consumer of the group"
            + " running? try mqadmin consumerConnection)\n", runner.err());
    }

    @Test
    void producerConnectionNumbersTheClients() throws Exception {
        ProducerConnection producers = new ProducerConnection();
        producers.getConnectionSet().add(client("10.0.0.9@2", "10.0.0.9:1002"));
        producers.getConnectionSet().add(client("10.0.0.9@1", "10.0.0.9:1001"));
        when(runner.admin.examineProducerConnectionInfo("pg", "T")).thenReturn(producers);
        assertEquals(0, runner.run("producerConnection", "-g", "pg", "-t", "T"));
        assertEquals(List.of(
            "0001  10.0.0.9@1                       10.0.0.9:1001          JAVA     V4_9_7",
            "0002  10.0.0.9@2                       10.0.0.9:1002          JAVA     V4_9_7",
            ""), runner.outLines());
    }

    @Test
    void updateSubGroupOnClusterUsesToolDefaults() throws Exception {
        when(runner.admin.examineBrokerClusterInfo()).thenReturn(Fixtures.clusterInfo());
        assertEquals(0, runner.run("updateSubGroup", "-c", "C1", "-g", "cg", "-r", "3"));
        ArgumentCaptor<SubscriptionGroupConfig> config = ArgumentCaptor.forClass(SubscriptionGroupConfig.class);
        verify(runner.admin).createAndUpdateSubscriptionGroupConfig(eq(Fixtures.MASTER_A), config.capture());
        verify(runner.admin).createAndUpdateSubscriptionGroupConfig(eq(Fixtures.MASTER_B), any());
        assertEquals("cg", config.getValue().getGroupName());
        assertEquals(3, config.getValue().getRetryMaxTimes());
        assertEquals(false, config.getValue().isConsumeBroadcastEnable());
        assertEquals(false, config.getValue().isConsumeFromMinEnable());
        assertEquals(true, config.getValue().isConsumeEnable());
        assertEquals(List.of("create subscription group to 127.0.0.1:10911 success.",
            "create subscription group to 127.0.0.1:20911 success.", config.getValue().toString(), ""),
            runner.outLines());
    }

    @Test
    void deleteSubGroupOnClusterAlsoDeletesRetryAndDlqTopics() throws Exception {
        when(runner.admin.examineBrokerClusterInfo()).thenReturn(Fixtures.clusterInfo());
        assertEquals(0, runner.run("deleteSubGroup", "-c", "C1", "-g", "cg", "-r", "true"));
        verify(runner.admin).deleteSubscriptionGroup(Fixtures.MASTER_A, "cg", true);
        verify(runner.admin).deleteSubscriptionGroup(Fixtures.MASTER_B, "cg", true);
        Set<String> all = Set.of(Fixtures.MASTER_A, Fixtures.SLAVE_A, Fixtures.MASTER_B);
        verify(runner.admin).deleteTopicInBroker(all, "%RETRY%cg");
        verify(runner.admin).deleteTopicInBroker(all, "%DLQ%cg");
        assertEquals(List.of(
            "delete subscription group [cg] from broker [127.0.0.1:10911] in cluster [C1] success.",
            "delete subscription group [cg] from broker [127.0.0.1:20911] in cluster [C1] success.",
            "delete topic [%RETRY%cg] from cluster [C1] success.",
            "delete topic [%RETRY%cg] from NameServer success.",
            "delete topic [%DLQ%cg] from cluster [C1] success.",
            "delete topic [%DLQ%cg] from NameServer success.",
            ""), runner.outLines());
    }

    static OffsetWrapper wrapper(long brokerOffset, long consumerOffset, long lastTimestamp) {
        OffsetWrapper wrapper = new OffsetWrapper();
        wrapper.setBrokerOffset(brokerOffset);
        wrapper.setConsumerOffset(consumerOffset);
        wrapper.setLastTimestamp(lastTimestamp);
        return wrapper;
    }

    private static Connection client(String clientId, String addr) {
        Connection connection = new Connection();
        connection.setClientId(clientId);
        connection.setClientAddr(addr);
        connection.setLanguage(LanguageCode.JAVA);
        connection.setVersion(MQVersion.CURRENT_VERSION);
        return connection;
    }

    private static ConsumerConnection connection(String clientId) {
        ConsumerConnection connection = new ConsumerConnection();
        connection.getConnectionSet().add(client(clientId, "10.0.0.9:54321"));
        SubscriptionData topic = new SubscriptionData();
        topic.setTopic("T");
        topic.setSubString("TagA || TagB");
        SubscriptionData retry = new SubscriptionData();
        retry.setTopic("%RETRY%cg");
        retry.setSubString("*");
        connection.getSubscriptionTable().put("T", topic);
        connection.getSubscriptionTable().put("%RETRY%cg", retry);
        connection.setConsumeType(ConsumeType.CONSUME_PASSIVELY);
        connection.setMessageModel(MessageModel.CLUSTERING);
        connection.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        return connection;
    }

    private static String pad(int n) {
        return " ".repeat(n);
    }
}
