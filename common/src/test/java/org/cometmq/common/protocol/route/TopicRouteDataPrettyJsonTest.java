package org.cometmq.common.protocol.route;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code mqadmin topicRoute} prints the route as 4.9.7 does: the texts below are 4.9.7's output for the routes. */
class TopicRouteDataPrettyJsonTest {
    /** The last entry of both routes: one broker's queues. */
    private static final String QUEUE_DATAS = "\t\"queueDatas\":[\n"
        + "\t\t{\n"
        + "\t\t\t\"brokerName\":\"broker-a\",\n"
        + "\t\t\t\"perm\":6,\n"
        + "\t\t\t\"readQueueNums\":4,\n"
        + "\t\t\t\"topicSysFlag\":0,\n"
        + "\t\t\t\"writeQueueNums\":4\n"
        + "\t\t}\n"
        + "\t]\n"
        + "}";

    @Test
    void numberKeysStayOnTheLineAndAnEmptyMapIsBraces() {
        TopicRouteData route = new TopicRouteData();
        route.setBrokerDatas(new ArrayList<>(List.of(
            new BrokerData("c1", "broker-a", new HashMap<>(Map.of(0L, "127.0.0.1:10911"))),
            new BrokerData("c1", "broker-b", new HashMap<>(Map.of(0L, "127.0.0.1:10911", 1L, "127.0.0.1:10921"))))));
        route.setQueueDatas(new ArrayList<>(List.of(new QueueData("broker-a", 4, 4, 6, 0))));
        route.setFilterServerTable(new HashMap<>());
        assertEquals("{\n"
            + "\t\"brokerDatas\":[\n"
            + "\t\t{\n"
            + "\t\t\t\"brokerAddrs\":{0:\"127.0.0.1:10911\"\n"
            + "\t\t\t},\n"
            + "\t\t\t\"brokerName\":\"broker-a\",\n"
            + "\t\t\t\"cluster\":\"c1\"\n"
            + "\t\t},\n"
            + "\t\t{\n"
            + "\t\t\t\"brokerAddrs\":{0:\"127.0.0.1:10911\",1:\"127.0.0.1:10921\"\n"
            + "\t\t\t},\n"
            + "\t\t\t\"brokerName\":\"broker-b\",\n"
            + "\t\t\t\"cluster\":\"c1\"\n"
            + "\t\t}\n"
            + "\t],\n"
            + "\t\"filterServerTable\":{},\n"
            + QUEUE_DATAS, route.toJson(true));
    }

    @Test
    void stringKeysAndListsOpenALineEachAndAnEmptyListIsBrackets() {
        TopicRouteData route = new TopicRouteData();
        route.setOrderTopicConf("broker-a:4");
        route.setBrokerDatas(new ArrayList<>());
        route.setQueueDatas(new ArrayList<>(List.of(new QueueData("broker-a", 4, 4, 6, 0))));
        HashMap<String, List<String>> filters = new HashMap<>();
        filters.put("127.0.0.1:10911", List.of("x", "y"));
        route.setFilterServerTable(filters);
        assertEquals("{\n"
            + "\t\"brokerDatas\":[],\n"
            + "\t\"filterServerTable\":{\n"
            + "\t\t\"127.0.0.1:10911\":[\n"
            + "\t\t\t\"x\",\n"
            + "\t\t\t\"y\"\n"
            + "\t\t]\n"
            + "\t},\n"
            + "\t\"orderTopicConf\":\"broker-a:4\",\n"
            + QUEUE_DATAS, route.toJson(true));
    }

    @Test
    void anObjectWithNoFieldSetOpensAnEmptyLine() {
        assertEquals("{\n\t\n}", new TopicRouteData().toJson(true));
    }
}
