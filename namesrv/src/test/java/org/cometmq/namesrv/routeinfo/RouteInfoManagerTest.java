package org.cometmq.namesrv.routeinfo;

import static org.cometmq.namesrv.routeinfo.RouteFixtures.version;
import static org.cometmq.namesrv.routeinfo.RouteFixtures.wrapper;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.namesrv.RegisterBrokerResult;
import org.cometmq.common.protocol.body.ClusterInfo;
import org.cometmq.common.protocol.body.TopicList;
import org.cometmq.common.protocol.route.BrokerData;
import org.cometmq.common.protocol.route.QueueData;
import org.cometmq.common.protocol.route.TopicRouteData;
import org.cometmq.testkit.ManualClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RouteInfoManagerTest {
    private static final String CLUSTER = "DefaultCluster";
    private static final String A = "127.0.0.1:10911";
    private static final String A_HA = "127.0.0.1:10912";
    private static final String B = "127.0.0.2:10911";
    private static final String B_HA = "127.0.0.2:10912";
    private static final String C = "127.0.0.3:10911";

    private final ManualClock now = new ManualClock(1_000_000);
    private RouteInfoManager manager;

    @BeforeEach
    void setUp() {
        manager = new RouteInfoManager(120_000, now);
    }

    private static Map<Long, String> addrs(Object... idAddr) {
        Map<Long, String> map = new HashMap<>();
        for (int i = 0; i < idAddr.length; i += 2) {
            map.put(((Number) idAddr[i]).longValue(), (String) idAddr[i + 1]);
        }
        return map;
    }

    private static QueueData qd(String brokerName, int queues, int perm, int sysFlag) {
        return new QueueData(brokerName, queues, queues, perm, sysFlag);
    }

    private RegisterBrokerResult registerMasterA(long counter, int queues, String... topics) {
        return manager.registerBroker(CLUSTER, A, "broker-a", 0, A_HA, wrapper(version(1, counter), queues, topics),
            new ArrayList<>(), null);
    }

    @Test
    void firstRegistrationFillsEveryTable() {
        RegisterBrokerResult result = registerMasterA(1, 4, "T1", "T2");

        assertNull(result.getMasterAddr());
        assertNull(result.getHaServerAddr());
        RouteSnapshot s = manager.snapshot();
        assertEquals(Map.of("T1", Map.of("broker-a", qd("broker-a", 4, 6, 0)),
            "T2", Map.of("broker-a", qd("broker-a", 4, 6, 0))), s.topicQueueTable());
        assertEquals(Map.of("broker-a", new BrokerData(CLUSTER, "broker-a", new HashMap<>(addrs(0, A)))),
            s.brokerAddrTable());
        assertEquals(Map.of(CLUSTER, Set.of("broker-a")), s.clusterAddrTable());
        assertEquals(Set.of(A), s.brokerLiveTable().keySet());
        BrokerLiveInfo live = s.brokerLiveTable().get(A);
        assertEquals(1_000_000, live.getLastUpdateTimestamp());
        assertEquals(A_HA, live.getHaServerAddr());
        assertEquals(version(1, 1), live.getDataVersion());
        assertEquals(Map.of(), s.filterServerTable());
    }

    @Test
    void masterTopicsAppliedOnlyWhenDataVersionChanges() {
        registerMasterA(1, 4, "T1", "T2");
        registerMasterA(1, 8, "T1", "T2");
        assertEquals(Map.of("broker-a", qd("broker-a", 4, 6, 0)), manager.snapshot().topicQueueTable().get("T1"));

        registerMasterA(2, 8, "T1");
        RouteSnapshot s = manager.snapshot();
        assertEquals(Map.of("broker-a", qd("broker-a", 8, 6, 0)), s.topicQueueTable().get("T1"));
        // a topic missing from a newer registration is kept, as RocketMQ 4.9 does
        assertEquals(Map.of("broker-a", qd("broker-a", 4, 6, 0)), s.topicQueueTable().get("T2"));
        assertEquals(version(1, 2), s.brokerLiveTable().get(A).getDataVersion());
    }

    @Test
    void slaveGetsMasterAddressesAndNeverChangesTopics() {
        registerMasterA(1, 4, "T1");
        RegisterBrokerResult slave = manager.registerBroker(CLUSTER, B, "broker-a", 1, B_HA,
            wrapper(version(5, 5), 16, "T1", "SLAVE_ONLY"), new ArrayList<>(), null);

        assertEquals(A, slave.getMasterAddr());
        assertEquals(A_HA, slave.getHaServerAddr());
        RouteSnapshot s = manager.snapshot();
        assertEquals(Set.of("T1"), s.topicQueueTable().keySet());
        assertEquals(Map.of("broker-a", qd("broker-a", 4, 6, 0)), s.topicQueueTable().get("T1"));
        assertEquals(addrs(0, A, 1, B), s.brokerAddrTable().get("broker-a").getBrokerAddrs());
        assertEquals(Set.of(A, B), s.brokerLiveTable().keySet());
    }

    @Test
    void slaveBeforeItsMasterGetsNoMasterAddress() {
        RegisterBrokerResult slave = manager.registerBroker(CLUSTER, B, "broker-a", 1, B_HA,
            wrapper(version(5, 5), 4, "T1"), null, null);
        assertNull(slave.getMasterAddr());
        assertNull(slave.getHaServerAddr());
        assertEquals(Map.of(), manager.snapshot().topicQueueTable());
    }

    @Test
    void addressRegisteringUnderAnotherIdReplacesItsOldEntry() {
        registerMasterA(1, 4, "T1");
        manager.registerBroker(CLUSTER, B, "broker-a", 1, B_HA, wrapper(version(5, 5), 4, "T1"), null, null);
        // the slave is promoted: same address, id 0
        manager.registerBroker(CLUSTER, B, "broker-a", 0, B_HA, wrapper(version(6, 6), 2, "T1"), null, null);

        RouteSnapshot s = manager.snapshot();
        assertEquals(addrs(0, B), s.brokerAddrTable().get("broker-a").getBrokerAddrs());
        assertEquals(Map.of("broker-a", qd("broker-a", 2, 6, 0)), s.topicQueueTable().get("T1"));
    }

    @Test
    void filterServersAreStoredRoutedAndClearedByEmptyList() {
        manager.registerBroker(CLUSTER, A, "broker-a", 0, A_HA, wrapper(version(1, 1), 4, "T1"),
            List.of("127.0.0.1:20000"), null);
        assertEquals(Map.of(A, List.of("127.0.0.1:20000")), manager.snapshot().filterServerTable());
        assertEquals(Map.of(A, List.of("127.0.0.1:20000")), manager.pickupTopicRouteData("T1").getFilterServerTable());

        manager.registerBroker(CLUSTER, A, "broker-a", 0, A_HA, wrapper(version(1, 1), 4, "T1"), List.of(), null);
        assertEquals(Map.of(), manager.snapshot().filterServerTable());
        assertEquals(Map.of(), manager.pickupTopicRouteData("T1").getFilterServerTable());
    }

    @Test
    void unregisterSlaveKeepsBrokerAndUnregisterMasterRemovesEverything() {
        registerMasterA(1, 4, "T1");
        manager.registerBroker(CLUSTER, B, "broker-a", 1, B_HA, null, null, null);
        manager.registerBroker(CLUSTER, C, "broker-c", 0, "x:1", wrapper(version(1, 1), 4, "T1", "TC"), null, null);

        manager.unregisterBroker(CLUSTER, B, "broker-a", 1);
        RouteSnapshot s = manager.snapshot();
        assertEquals(addrs(0, A), s.brokerAddrTable().get("broker-a").getBrokerAddrs());
        assertEquals(Set.of(A, C), s.brokerLiveTable().keySet());

        manager.unregisterBroker(CLUSTER, A, "broker-a", 0);
        s = manager.snapshot();
        assertEquals(Set.of("broker-c"), s.brokerAddrTable().keySet());
        assertEquals(Map.of(CLUSTER, Set.of("broker-c")), s.clusterAddrTable());
        assertEquals(Map.of("T1", Map.of("broker-c", qd("broker-c", 4, 6, 0)),
            "TC", Map.of("broker-c", qd("broker-c", 4, 6, 0))), s.topicQueueTable());
        assertEquals(Set.of(C), s.brokerLiveTable().keySet());

        manager.unregisterBroker(CLUSTER, C, "broker-c", 0);
        s = manager.snapshot();
        assertEquals(Map.of(), s.clusterAddrTable());
        assertEquals(Map.of(), s.brokerAddrTable());
        assertEquals(Map.of(), s.topicQueueTable());
        assertEquals(Map.of(), s.brokerLiveTable());
    }

    @Test
    void channelDestroyCleansEveryTableByChannelOrByAddress() {
        EmbeddedChannel channelA = new EmbeddedChannel();
        manager.registerBroker(CLUSTER, A, "broker-a", 0, A_HA, wrapper(version(1, 1), 4, "T1"),
            List.of("127.0.0.1:20000"), channelA);
        manager.registerBroker("OtherCluster", C, "broker-c", 0, "x:1", wrapper(version(1, 1), 4, "TC"), null, null);

        manager.onChannelDestroy("127.0.0.1:54321", channelA);
        RouteSnapshot s = manager.snapshot();
        assertEquals(Map.of("OtherCluster", Set.of("broker-c")), s.clusterAddrTable());
        assertEquals(Set.of("broker-c"), s.brokerAddrTable().keySet());
        assertEquals(Set.of("TC"), s.topicQueueTable().keySet());
        assertEquals(Set.of(C), s.brokerLiveTable().keySet());
        assertEquals(Map.of(), s.filterServerTable());

        manager.onChannelDestroy(C, new EmbeddedChannel());
        s = manager.snapshot();
        assertEquals(Map.of(), s.clusterAddrTable());
        assertEquals(Map.of(), s.brokerAddrTable());
        assertEquals(Map.of(), s.topicQueueTable());
        assertEquals(Map.of(), s.brokerLiveTable());
    }

    @Test
    void channelDestroyOfSlaveKeepsMasterAndTopics() {
        registerMasterA(1, 4, "T1");
        EmbeddedChannel slaveChannel = new EmbeddedChannel();
        manager.registerBroker(CLUSTER, B, "broker-a", 1, B_HA, null, null, slaveChannel);

        manager.onChannelDestroy("127.0.0.2:40000", slaveChannel);
        RouteSnapshot s = manager.snapshot();
        assertEquals(addrs(0, A), s.brokerAddrTable().get("broker-a").getBrokerAddrs());
        assertEquals(Set.of("T1"), s.topicQueueTable().keySet());
        assertEquals(Set.of(A), s.brokerLiveTable().keySet());
    }

    @Test
    void routeHoldsQueueAndBrokerDatasOfEveryBrokerOfTheTopic() {
        registerMasterA(1, 4, "T1");
        manager.registerBroker(CLUSTER, B, "broker-a", 1, B_HA, null, null, null);
        manager.registerBroker(CLUSTER, C, "broker-c", 0, "x:1", wrapper(version(1, 1), 8, "T1"), null, null);

        TopicRouteData route = manager.pickupTopicRouteData("T1");
        List<QueueData> queueDatas = new ArrayList<>(route.getQueueDatas());
        queueDatas.sort(Comparator.naturalOrder());
        assertEquals(List.of(qd("broker-a", 4, 6, 0), qd("broker-c", 8, 6, 0)), queueDatas);
        List<BrokerData> brokerDatas = new ArrayList<>(route.getBrokerDatas());
        brokerDatas.sort(Comparator.naturalOrder());
        assertEquals(List.of(new BrokerData(CLUSTER, "broker-a", new HashMap<>(addrs(0, A, 1, B))),
            new BrokerData(CLUSTER, "broker-c", new HashMap<>(addrs(0, C)))), brokerDatas);
        assertEquals(Map.of(), route.getFilterServerTable());
        assertNull(route.getOrderTopicConf());
        assertNull(manager.pickupTopicRouteData("NO_SUCH_TOPIC"));
    }

    @Test
    void routeIsACopyThatLaterChangesDoNotTouch() {
        registerMasterA(1, 4, "T1");
        TopicRouteData before = manager.pickupTopicRouteData("T1");
        manager.wipeWritePermOfBrokerByLock("broker-a");
        manager.registerBroker(CLUSTER, B, "broker-a", 1, B_HA, null, null, null);

        assertEquals(6, before.getQueueDatas().get(0).getPerm());
        assertEquals(addrs(0, A), before.getBrokerDatas().get(0).getBrokerAddrs());
        assertEquals(4, manager.pickupTopicRouteData("T1").getQueueDatas().get(0).getPerm());
    }

    @Test
    void clusterInfoListsEveryBrokerAndCluster() {
        registerMasterA(1, 4, "T1");
        manager.registerBroker(CLUSTER, B, "broker-a", 1, B_HA, null, null, null);
        manager.registerBroker("c2", C, "broker-c", 0, "x:1", null, null, null);

        ClusterInfo info = manager.getAllClusterInfo();
        assertEquals(Map.of("broker-a", new BrokerData(CLUSTER, "broker-a", new HashMap<>(addrs(0, A, 1, B))),
            "broker-c", new BrokerData("c2", "broker-c", new HashMap<>(addrs(0, C)))), info.getBrokerAddrTable());
        assertEquals(Map.of(CLUSTER, Set.of("broker-a"), "c2", Set.of("broker-c")), info.getClusterAddrTable());
    }

    @Test
    void deleteTopicEverywhereOrOnlyInOneCluster() {
        manager.registerBroker("c1", A, "broker-a", 0, A_HA, wrapper(version(1, 1), 4, "T", "KEEP"), null, null);
        manager.registerBroker("c2", C, "broker-c", 0, "x:1", wrapper(version(1, 1), 4, "T"), null, null);

        manager.deleteTopic("T", "no-such-cluster");
        assertEquals(Set.of("broker-a", "broker-c"), manager.snapshot().topicQueueTable().get("T").keySet());
        manager.deleteTopic("T", "c1");
        assertEquals(Map.of("broker-c", qd("broker-c", 4, 6, 0)), manager.snapshot().topicQueueTable().get("T"));
        manager.deleteTopic("T", "c2");
        assertEquals(Set.of("KEEP"), manager.snapshot().topicQueueTable().keySet());
        manager.deleteTopic("KEEP");
        assertEquals(Map.of(), manager.snapshot().topicQueueTable());
        assertEquals(Set.of("broker-a", "broker-c"), manager.snapshot().brokerAddrTable().keySet());
    }

    @Test
    void wipeAndAddWritePermissionCountTopicsOfThatBrokerOnly() {
        manager.registerBroker(CLUSTER, A, "broker-a", 0, A_HA, wrapper(version(1, 1),
            new TopicConfig("T1", 4, 4, 6), new TopicConfig("T2", 4, 4, 7)), null, null);
        manager.registerBroker(CLUSTER, C, "broker-c", 0, "x:1", wrapper(version(1, 1), 4, "T1"), null, null);

        assertEquals(2, manager.wipeWritePermOfBrokerByLock("broker-a"));
        RouteSnapshot s = manager.snapshot();
        assertEquals(4, s.topicQueueTable().get("T1").get("broker-a").getPerm());
        assertEquals(5, s.topicQueueTable().get("T2").get("broker-a").getPerm());
        assertEquals(6, s.topicQueueTable().get("T1").get("broker-c").getPerm());

        assertEquals(2, manager.addWritePermOfBrokerByLock("broker-a"));
        s = manager.snapshot();
        assertEquals(6, s.topicQueueTable().get("T1").get("broker-a").getPerm());
        assertEquals(6, s.topicQueueTable().get("T2").get("broker-a").getPerm());
        assertEquals(0, manager.wipeWritePermOfBrokerByLock("no-such-broker"));
    }

    @Test
    void topicListsAllByClusterAndSystem() {
        manager.registerBroker("c1", A, "broker-a", 0, A_HA, wrapper(version(1, 1), 4, "TA", "SHARED"), null, null);
        manager.registerBroker("c2", C, "broker-c", 0, "x:1", wrapper(version(1, 1), 4, "TC", "SHARED"), null, null);

        assertEquals(Set.of("TA", "TC", "SHARED"), manager.getAllTopicList().getTopicList());
        assertNull(manager.getAllTopicList().getBrokerAddr());
        assertEquals(Set.of("TA", "SHARED"), manager.getTopicsByCluster("c1").getTopicList());
        assertEquals(Set.of("TC", "SHARED"), manager.getTopicsByCluster("c2").getTopicList());
        assertEquals(Set.of(), manager.getTopicsByCluster("nope").getTopicList());

        TopicList system = manager.getSystemTopicList();
        assertEquals(Set.of("c1", "c2", "broker-a", "broker-c"), system.getTopicList());
        assertTrue(Set.of(A, C).contains(system.getBrokerAddr()));
        assertNull(new RouteInfoManager().getSystemTopicList().getBrokerAddr());
    }

    @Test
    void unitTopicListsFollowTheSysFlagBits() {
        manager.registerBroker(CLUSTER, A, "broker-a", 0, A_HA, wrapper(version(1, 1),
            new TopicConfig("NONE", 4, 4, 6, 0), new TopicConfig("UNIT", 4, 4, 6, 1),
            new TopicConfig("SUB", 4, 4, 6, 2), new TopicConfig("BOTH", 4, 4, 6, 3)), null, null);

        assertEquals(Set.of("UNIT", "BOTH"), manager.getUnitTopics().getTopicList());
        assertEquals(Set.of("SUB", "BOTH"), manager.getHasUnitSubTopicList().getTopicList());
        assertEquals(Set.of("SUB"), manager.getHasUnitSubUnUnitTopicList().getTopicList());
    }

    @Test
    void dataVersionQueriesAndTimestampRefresh() {
        registerMasterA(3, 4, "T1");
        assertFalse(manager.isBrokerTopicConfigChanged(A, version(1, 3)));
        assertTrue(manager.isBrokerTopicConfigChanged(A, version(1, 4)));
        assertTrue(manager.isBrokerTopicConfigChanged(B, version(1, 3)));
        assertEquals(version(1, 3), manager.queryBrokerTopicConfig(A));
        assertNull(manager.queryBrokerTopicConfig(B));

        manager.updateBrokerInfoUpdateTimestamp(A, 2_000_000);
        manager.updateBrokerInfoUpdateTimestamp(B, 2_000_000);
        assertEquals(2_000_000, manager.snapshot().brokerLiveTable().get(A).getLastUpdateTimestamp());
        assertEquals(Set.of(A), manager.snapshot().brokerLiveTable().keySet());
    }

    @Test
    void registrationWithoutTopicWrapperRegistersBrokerOnly() {
        manager.registerBroker(CLUSTER, A, "broker-a", 0, A_HA, null, null, null);
        RouteSnapshot s = manager.snapshot();
        assertEquals(Map.of(), s.topicQueueTable());
        assertEquals(addrs(0, A), s.brokerAddrTable().get("broker-a").getBrokerAddrs());
        assertEquals(Set.of(A), s.brokerLiveTable().keySet());
    }
}
