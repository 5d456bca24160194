package org.cometmq.tools.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.body.GroupList;
import org.cometmq.common.protocol.body.TopicList;
import org.cometmq.common.admin.TopicOffset;
import org.cometmq.common.admin.TopicStatsTable;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class TopicCommandsTest {
    private final CommandRunner runner = new CommandRunner();

    @Test
    void topicStatusPrintsQueuesSortedWithEmptyTimeForEmptyQueues() throws Exception {
        TopicStatsTable stats = new TopicStatsTable();
        stats.getOffsetTable().put(new MessageQueue("T", "broker-b", 0), offset(0, 0, 0));
        stats.getOffsetTable().put(new MessageQueue("T", "broker-a", 1), offset(3, 17, 0));
        stats.getOffsetTable().put(new MessageQueue("T", "broker-a", 0), offset(0, 12, 0));
        when(runner.admin.examineTopicStats("T")).thenReturn(stats);

        assertEquals(0, runner.run("topicStatus", "-t", "T"));
        assertEquals(List.of(
            "#Broker Name                      #QID  #Min Offset           #Max Offset             #Last Updated",
            "broker-a                          0     0                     12                      ",
            "broker-a                          1     3                     17                      ",
            "broker-b                          0     0                     0                       ",
            ""), runner.outLines());
    }

    @Test
    void topicStatusShowsTheLastUpdateTimeInLocalTime() throws Exception {
        TopicStatsTable stats = new TopicStatsTable();
        long storeTime = 1_700_000_000_123L;
        stats.getOffsetTable().put(new MessageQueue("T", "broker-a", 0), offset(0, 1, storeTime));
        when(runner.admin.examineTopicStats("T")).thenReturn(stats);

        assertEquals(0, runner.run("topicStatus", "-t", "T"));
        assertEquals("broker-a                          0     0                     1                       "
            + Formats.humanTime(storeTime), runner.outLines().get(1));
        assertEquals(23, Formats.humanTime(storeTime).length());
    }

    @Test
    void topicListPrintsSortedNames() throws Exception {
        TopicList topics = new TopicList();
        topics.setTopicList(new HashSet<>(Set.of("b", "TBW102", "a")));
        when(runner.admin.fetchAllTopicList()).thenReturn(topics);
        assertEquals(0, runner.run("topicList"));
        assertEquals("TBW102\na\nb\n", runner.out());
    }

    @Test
    void topicListClusterModeShowsClusterTopicAndGroupsWithoutRetryAndDlq() throws Exception {
        TopicList topics = new TopicList();
        topics.setTopicList(new HashSet<>(Set.of("T", "%RETRY%g1", "%DLQ%g1", "Lonely")));
        when(runner.admin.fetchAllTopicList()).thenReturn(topics);
        when(runner.admin.examineBrokerClusterInfo()).thenReturn(Fixtures.clusterInfo());
        when(runner.admin.examineTopicRouteInfo(any())).thenReturn(Fixtures.route());
        GroupList groups = new GroupList();
        groups.getGroupList().addAll(Set.of("g2", "g1"));
        when(runner.admin.queryTopicConsumeByWho("T")).thenReturn(groups);
        when(runner.admin.queryTopicConsumeByWho("Lonely")).thenReturn(new GroupList());

        assertEquals(0, runner.run("topicList", "-c"));
        String pad64 = " ".repeat(62);
        assertEquals(List.of(
            "#Cluster Name         #Topic                                            #Consumer Group"
                + " ".repeat(33),
            "C1                    Lonely" + " ".repeat(58) + "  " + " ".repeat(64),
            "C1                    T" + " ".repeat(63) + "  g1" + pad64,
            "C1                    T" + " ".repeat(63) + "  g2" + pad64,
            ""), runner.outLines());
    }

    @Test
    void topicRouteListFormatTotalsQueues() throws Exception {
        when(runner.admin.examineTopicRouteInfo("T")).thenReturn(Fixtures.route());
        assertEquals(0, runner.run("topicRoute", "-t", "T", "-l"));
        List<String> lines = runner.outLines();
        assertEquals(String.format("%-45s %-32s %-50s %-10s %-11s %-5s", "#ClusterName", "#BrokerName",
            "#BrokerAddrs", "#ReadQueue", "#WriteQueue", "#Perm"), lines.get(0));
        assertEquals("C1" + " ".repeat(44) + "broker-a" + " ".repeat(25)
            + "{0=127.0.0.1:10911, 1=127.0.0.1:10921}" + " ".repeat(13) + "4          4           6    ", lines.get(1));
        assertEquals("C1" + " ".repeat(44) + "broker-b" + " ".repeat(25) + "{0=127.0.0.1:20911}" + " ".repeat(32)
            + "2          3           4    ", lines.get(2));
        assertEquals("-".repeat(158), lines.get(3));
        assertEquals("Total:" + " ".repeat(40) + "2" + " ".repeat(32) + " ".repeat(51) + "6          7           "
            + "     ", lines.get(4));
    }

    @Test
    void topicRouteDefaultIsPrettyJson() throws Exception {
        when(runner.admin.examineTopicRouteInfo("T")).thenReturn(Fixtures.route());
        assertEquals(0, runner.run("topicRoute", "-t", "T"));
        assertEquals(Fixtures.route().toJson(true) + "\n", runner.out());
        assertEquals('{', runner.out().charAt(0));
    }

    @Test
    void updateTopicOnClusterCreatesOnEveryMasterAndSetsOrderConf() throws Exception {
        when(runner.admin.examineBrokerClusterInfo()).thenReturn(Fixtures.clusterInfo());
        assertEquals(0, runner.run("updateTopic", "-c", "C1", "-t", "Orders", "-r", "4", "-w", "4", "-o", "true"));
        ArgumentCaptor<TopicConfig> config = ArgumentCaptor.forClass(TopicConfig.class);
        verify(runner.admin).createAndUpdateTopicConfig(eq(Fixtures.MASTER_A), config.capture());
        verify(runner.admin).createAndUpdateTopicConfig(eq(Fixtures.MASTER_B), any());
        verify(runner.admin, never()).createAndUpdateTopicConfig(eq(Fixtures.SLAVE_A), any());
        verify(runner.admin).createOrUpdateOrderConf("Orders", "broker-a:4;broker-b:4", true);
        assertEquals(List.of(
            "create topic to 127.0.0.1:10911 success.",
            "create topic to 127.0.0.1:20911 success.",
            "set cluster orderConf. isOrder=true, orderConf=[broker-a:4;broker-b:4]",
            "TopicConfig [topicName=Orders, readQueueNums=4, writeQueueNums=4, perm=RW-, topicFilterType=SINGLE_TAG,"
                + " topicSysFlag=0, order=true]",
            ""), runner.outLines());
        assertEquals(6, config.getValue().getPerm());
    }

    @Test
    void updateTopicOnBrokerDefaultsToEightQueues() throws Exception {
        assertEquals(0, runner.run("updateTopic", "-b", "127.0.0.1:10911", "-t", "T", "-p", "4"));
        ArgumentCaptor<TopicConfig> config = ArgumentCaptor.forClass(TopicConfig.class);
        verify(runner.admin).createAndUpdateTopicConfig(eq("127.0.0.1:10911"), config.capture());
        assertEquals(8, config.getValue().getReadQueueNums());
        assertEquals(8, config.getValue().getWriteQueueNums());
        assertEquals(4, config.getValue().getPerm());
        assertEquals("create topic to 127.0.0.1:10911 success.", runner.outLines().get(0));
        verify(runner.admin, never()).createOrUpdateOrderConf(any(), any(), eq(false));
    }

    @Test
    void updateTopicOnUnknownClusterNamesTheKnownOnes() throws Exception {
        when(runner.admin.examineBrokerClusterInfo()).thenReturn(Fixtures.clusterInfo());
        assertEquals(1, runner.run("updateTopic", "-c", "Nope", "-t", "T"));
        assertEquals("mqadmin: cluster 'Nope' is not known to the name server (known: C1; try mqadmin clusterList)\n",
            runner.err());
    }

    @Test
    void updateTopicNeedsBrokerOrCluster() {
        assertEquals(1, runner.run("updateTopic", "-t", "T"));
        assertEquals("mqadmin: updateTopic: Missing required option: [-b create topic to which broker, -c create topic"
            + " to which cluster] (see 'mqadmin help updateTopic')\n", runner.err());
    }

    @Test
    void deleteTopicRemovesFromAllBrokersThenNameServers() throws Exception {
        when(runner.admin.examineBrokerClusterInfo()).thenReturn(Fixtures.clusterInfo());
        assertEquals(0, runner.run("deleteTopic", "-c", "C1", "-t", "T"));
        verify(runner.admin).deleteTopicInBroker(Set.of(Fixtures.MASTER_A, Fixtures.SLAVE_A, Fixtures.MASTER_B), "T");
        verify(runner.admin).deleteTopicInNameServer(null, "C1", "T");
        assertEquals("delete topic [T] from cluster [C1] success.\ndelete topic [T] from NameServer success.\n",
            runner.out());
    }

    @Test
    void updateTopicPermKeepsQueueCountsOfTheBroker() throws Exception {
        when(runner.admin.examineTopicRouteInfo("T")).thenReturn(Fixtures.route());
        assertEquals(0, runner.run("updateTopicPerm", "-b", Fixtures.MASTER_B, "-t", "T", "-p", "6"));
        ArgumentCaptor<TopicConfig> config = ArgumentCaptor.forClass(TopicConfig.class);
        verify(runner.admin).createAndUpdateTopicConfig(eq(Fixtures.MASTER_B), config.capture());
        assertEquals(2, config.getValue().getReadQueueNums());
        assertEquals(3, config.getValue().getWriteQueueNums());
        assertEquals("update topic perm from 4 to 6 in 127.0.0.1:20911 success.\n", runner.out());
    }

    @Test
    void updateTopicPermToTheSamePermChangesNothing() throws Exception {
        when(runner.admin.examineTopicRouteInfo("T")).thenReturn(Fixtures.route());
        assertEquals(0, runner.run("updateTopicPerm", "-b", Fixtures.MASTER_A, "-t", "T", "-p", "6"));
        assertEquals("new perm equals to the old one!\n", runner.out());
        verify(runner.admin, never()).createAndUpdateTopicConfig(any(), any());
    }

    @Test
    void updateTopicPermOnASlaveAddressFails() throws Exception {
        when(runner.admin.examineTopicRouteInfo("T")).thenReturn(Fixtures.route());
        assertEquals(1, runner.run("updateTopicPerm", "-b", Fixtures.SLAVE_A, "-t", "T", "-p", "4"));
        assertEquals("mqadmin: no master broker at 127.0.0.1:10921 serves topic 'T' (try mqadmin topicRoute -t T)\n",
            runner.err());
    }

    @Test
    void topicClusterListPrintsSortedClusters() throws Exception {
        when(runner.admin.getTopicClusterList("T")).thenReturn(new HashSet<>(Set.of("C2", "C1")));
        assertEquals(0, runner.run("topicClusterList", "-t", "T"));
        assertEquals("C1\nC2\n", runner.out());
    }

    private static TopicOffset offset(long min, long max, long lastUpdate) {
        TopicOffset offset = new TopicOffset();
        offset.setMinOffset(min);
        offset.setMaxOffset(max);
        offset.setLastUpdateTimestamp(lastUpdate);
        return offset;
    }
}
