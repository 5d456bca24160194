package org.cometmq.namesrv.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.cometmq.common.DataVersion;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.protocol.body.ClusterInfo;
import org.cometmq.common.protocol.body.KVTable;
import org.cometmq.common.protocol.body.RegisterBrokerBody;
import org.cometmq.common.protocol.body.TopicConfigSerializeWrapper;
import org.cometmq.common.protocol.body.TopicList;
import org.cometmq.common.protocol.route.BrokerData;
import org.cometmq.common.protocol.route.QueueData;
import org.cometmq.common.protocol.route.TopicRouteData;
import org.cometmq.remoting.protocol.RemotingSerializable;
import org.junit.jupiter.api.Test;

/** Name-server JSON bodies against the example strings of spec sections 5.1-5.3, 5.9 and 5.10.1. */
class NamesrvBodyJsonTest {
    private static final String ROUTE_STANDARD = "{\"brokerDatas\":[{\"brokerAddrs\":{\"0\":\"10.0.0.1:10911\","
        + "\"1\":\"10.0.0.2:10911\"},\"brokerName\":\"broker-a\",\"cluster\":\"DefaultCluster\"}],"
        + "\"filterServerTable\":{},\"queueDatas\":[{\"brokerName\":\"broker-a\",\"perm\":6,\"readQueueNums\":4,"
        + "\"topicSysFlag\":0,\"writeQueueNums\":4}]}";
    private static final String CLUSTER_LEGACY = "{\"brokerAddrTable\":{\"broker-a\":{\"brokerAddrs\":"
        + "{0:\"10.0.0.1:10911\",1:\"10.0.0.2:10911\"},\"brokerName\":\"broker-a\",\"cluster\":\"DefaultCluster\"}},"
        + "\"clusterAddrTable\":{\"DefaultCluster\":[\"broker-a\"]}}";
    private static final String TOPIC_CONFIG = "{\"order\":false,\"perm\":6,\"readQueueNums\":4,"
        + "\"topicFilterType\":\"SINGLE_TAG\",\"topicName\":\"TopicTest\",\"topicSysFlag\":0,\"writeQueueNums\":4}";

    static BrokerData brokerA() {
        HashMap<Long, String> addrs = new HashMap<>();
        addrs.put(0L, "10.0.0.1:10911");
        addrs.put(1L, "10.0.0.2:10911");
        return new BrokerData("DefaultCluster", "broker-a", addrs);
    }

    static TopicRouteData route() {
        TopicRouteData route = new TopicRouteData();
        route.setBrokerDatas(new ArrayList<>(List.of(brokerA())));
        route.setQueueDatas(new ArrayList<>(List.of(new QueueData("broker-a", 4, 4, 6, 0))));
        route.setFilterServerTable(new HashMap<>());
        return route;
    }

    static DataVersion version(long timestamp, long counter) {
        DataVersion v = new DataVersion();
        v.setTimestamp(timestamp);
        v.setCounter(new AtomicLong(counter));
        return v;
    }

    @Test
    void routeEncodesInTheStandardFormExactly() {
        assertEquals(ROUTE_STANDARD, new String(route().encode(), StandardCharsets.UTF_8));
        assertEquals(ROUTE_STANDARD, route().toJson());
    }

    @Test
    void routeDecodesBothStandardAndLegacyForms() {
        String legacy = ROUTE_STANDARD.replace("\"0\":", "0:").replace("\"1\":", "1:");
        for (String json : List.of(ROUTE_STANDARD, legacy)) {
            TopicRouteData decoded = RemotingSerializable.fromJson(json, TopicRouteData.class);
            assertEquals(route(), decoded);
            assertEquals(Long.class, decoded.getBrokerDatas().get(0).getBrokerAddrs().keySet().iterator().next()
                .getClass());
        }
    }

    @Test
    void routeWithOrderConfAndFilterServers() {
        TopicRouteData route = route();
        route.setOrderTopicConf("broker-a:4");
        route.getFilterServerTable().put("10.0.0.1:10911", List.of("10.0.0.1:30000"));
        String json = route.toJson();
        assertTrue(json.contains("\"filterServerTable\":{\"10.0.0.1:10911\":[\"10.0.0.1:30000\"]}"), json);
        assertTrue(json.contains("\"orderTopicConf\":\"broker-a:4\""), json);
        assertEquals(route, RemotingSerializable.fromJson(json, TopicRouteData.class));
        assertEquals(route, route.cloneTopicRouteData());
    }

    @Test
    void clusterInfoEncodesWithQuotedKeysAndParsesTheLegacyForm() {
        ClusterInfo info = new ClusterInfo();
        info.setBrokerAddrTable(new HashMap<>(Map.of("broker-a", brokerA())));
        info.setClusterAddrTable(new HashMap<>(Map.of("DefaultCluster", Set.of("broker-a"))));
        String quoted = CLUSTER_LEGACY.replace("{0:", "{\"0\":").replace(",1:", ",\"1\":");
        assertEquals(quoted, new String(info.encode(), StandardCharsets.UTF_8));

        ClusterInfo decoded = RemotingSerializable.fromJson(CLUSTER_LEGACY, ClusterInfo.class);
        assertEquals(Map.of("broker-a", brokerA()), decoded.getBrokerAddrTable());
        assertEquals(Map.of("DefaultCluster", Set.of("broker-a")), decoded.getClusterAddrTable());
        assertEquals(Set.of("10.0.0.1:10911", "10.0.0.2:10911"), Set.of(decoded.retrieveAllAddrByCluster("DefaultCluster")));
        assertArrayEquals(new String[] {"DefaultCluster"}, decoded.retrieveAllClusterNames());
    }

    @Test
    void topicListAndKvTableMatchTheSpec() {
        TopicList list = new TopicList();
        list.setTopicList(new LinkedHashSet<>(List.of("TopicTest", "TBW102")));
        assertEquals("{\"topicList\":[\"TopicTest\",\"TBW102\"]}", list.toJson());
        TopicList system = new TopicList();
        system.setTopicList(new TreeSet<>(Set.of("SELF_TEST_TOPIC")));
        system.setBrokerAddr("10.0.0.1:10911");
        assertEquals("{\"brokerAddr\":\"10.0.0.1:10911\",\"topicList\":[\"SELF_TEST_TOPIC\"]}", system.toJson());
        assertEquals(Set.of("TopicTest", "TBW102"),
            RemotingSerializable.fromJson("{\"topicList\":[\"TopicTest\",\"TBW102\"]}", TopicList.class).getTopicList());

        KVTable kv = new KVTable();
        kv.getTable().put("k1", "v1");
        kv.getTable().put("k2", "v2");
        assertEquals("{\"table\":{\"k1\":\"v1\",\"k2\":\"v2\"}}", kv.toJson());
    }

    @Test
    void topicConfigDataVersionAndWrapperMatchTheSpec() {
        assertEquals(TOPIC_CONFIG, RemotingSerializable.toJson(new TopicConfig("TopicTest", 4, 4, 6), false));
        assertEquals(new TopicConfig("TopicTest", 4, 4, 6), RemotingSerializable.fromJson(TOPIC_CONFIG, TopicConfig.class));
        assertEquals("{\"counter\":1,\"timestamp\":1700000000000}", version(1700000000000L, 1).toJson());
        assertEquals(version(1700000000000L, 1),
            RemotingSerializable.fromJson("{\"counter\":1,\"timestamp\":1700000000000}", DataVersion.class));

        TopicConfigSerializeWrapper wrapper = new TopicConfigSerializeWrapper();
        wrapper.setDataVersion(version(1700000000000L, 3));
        wrapper.getTopicConfigTable().put("TopicTest", new TopicConfig("TopicTest", 4, 4, 6));
        assertEquals("{\"dataVersion\":{\"counter\":3,\"timestamp\":1700000000000},\"topicConfigTable\":{\"TopicTest\":"
            + TOPIC_CONFIG + "}}", wrapper.toJson());
    }

    @Test
    void registerBodyJsonFormMatchesTheSpec() throws Exception {
        RegisterBrokerBody body = new RegisterBrokerBody();
        body.getTopicConfigSerializeWrapper().setDataVersion(version(1700000000000L, 3));
        body.getTopicConfigSerializeWrapper().getTopicConfigTable().put("TopicTest", new TopicConfig("TopicTest", 4, 4, 6));
        String expected = "{\"filterServerList\":[],\"topicConfigSerializeWrapper\":{\"dataVersion\":"
            + "{\"counter\":3,\"timestamp\":1700000000000},\"topicConfigTable\":{\"TopicTest\":" + TOPIC_CONFIG + "}}}";
        assertEquals(expected, new String(body.encode(false), StandardCharsets.UTF_8));

        RegisterBrokerBody decoded = RegisterBrokerBody.decode(expected.getBytes(StandardCharsets.UTF_8), false);
        assertEquals(version(1700000000000L, 3), decoded.getTopicConfigSerializeWrapper().getDataVersion());
        assertEquals(Map.of("TopicTest", new TopicConfig("TopicTest", 4, 4, 6)),
            decoded.getTopicConfigSerializeWrapper().getTopicConfigTable());
        assertEquals(List.of(), decoded.getFilterServerList());
    }

    @Test
    void largeFastjson1RegistrationBodyParses() throws Exception {
        StringBuilder json = new StringBuilder("{\"filterServerList\":[],\"topicConfigSerializeWrapper\":"
            + "{\"dataVersion\":{\"counter\":42,\"timestamp\":1700000000123},\"topicConfigTable\":{");
        int topics = 5000;
        for (int i = 0; i < topics; i++) {
            json.append(i == 0 ? "" : ",").append("\"Topic").append(i).append("\":{\"order\":").append(i % 2 == 0)
                .append(",\"perm\":7,\"readQueueNums\":8,\"topicFilterType\":\"MULTI_TAG\",\"topicName\":\"Topic")
                .append(i).append("\",\"topicSysFlag\":1,\"writeQueueNums\":8}");
        }
        json.append("}}}");

        RegisterBrokerBody body = RegisterBrokerBody.decode(json.toString().getBytes(StandardCharsets.UTF_8), false);
        Map<String, TopicConfig> table = body.getTopicConfigSerializeWrapper().getTopicConfigTable();
        assertEquals(topics, table.size());
        TopicConfig expected = new TopicConfig("Topic4999", 8, 8, 7, 1);
        expected.setTopicFilterType(org.cometmq.common.TopicFilterType.MULTI_TAG);
        assertEquals(expected, table.get("Topic4999"));
        assertTrue(table.get("Topic0").isOrder());
        assertEquals(version(1700000000123L, 42), body.getTopicConfigSerializeWrapper().getDataVersion());
    }
}
