package org.cometmq.test.namesrv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.protocol.body.ClusterInfo;
import org.apache.rocketmq.common.protocol.body.TopicList;
import org.apache.rocketmq.common.protocol.route.BrokerData;
import org.apache.rocketmq.common.protocol.route.QueueData;
import org.apache.rocketmq.common.protocol.route.TopicRouteData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.cometmq.test.harness.ApacheBroker;
import org.cometmq.test.harness.ApacheClients;
import org.cometmq.test.harness.ApacheRoundTrip;
import org.cometmq.test.harness.CrossProcess;
import org.cometmq.test.harness.NameServerProcess;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One name server process, one Apache 4.9.7 broker registered with it, and Apache's admin and clients
 * talking to the name server. Subclasses choose whose name server runs; the assertions are the same, so
 * the Apache-on-Apache run documents the behaviour the CometMQ name server must match.
 */
@CrossProcess
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrokerOnNameServerScenario {
    static final String CLUSTER = "CompatCluster";
    static final String BROKER_NAME = "compat-broker-a";
    static final int QUEUES = 8;
    static final int PERM_READ_WRITE = 6;
    static final Duration ROUTE_TIMEOUT = Duration.ofSeconds(20);
    static final Duration CONSUME_TIMEOUT = Duration.ofSeconds(60);
    static final int ROUND_TRIP_MESSAGES = 100;

    private NameServerProcess nameServer;
    private ApacheBroker broker;
    private DefaultMQAdminExt admin;

    /** Starts the name server under test on a free port and returns when it accepts connections. */
    protected abstract NameServerProcess startNameServer(String name);

    @BeforeAll
    void startServers() throws Exception {
        nameServer = startNameServer(getClass().getSimpleName() + "-namesrv");
        broker = ApacheBroker.builder(BROKER_NAME).clusterName(CLUSTER).namesrvAddr(nameServer.address()).start();
        admin = ApacheClients.startedAdmin(nameServer.address());
    }

    @AfterAll
    void stopServers() {
        try {
            if (admin != null) {
                admin.shutdown();
            }
        } finally {
            try {
                if (broker != null) {
                    broker.close();
                }
            } finally {
                if (nameServer != null) {
                    nameServer.close();
                }
            }
        }
    }

    @Test
    void clusterInfoListsTheBrokerWithItsAddress() throws Exception {
        ClusterInfo info = Await.until("broker in cluster info", ROUTE_TIMEOUT, admin::examineBrokerClusterInfo,
            ci -> ci.getBrokerAddrTable().containsKey(BROKER_NAME));

        BrokerData brokerData = info.getBrokerAddrTable().get(BROKER_NAME);
        assertEquals(CLUSTER, brokerData.getCluster());
        assertEquals(BROKER_NAME, brokerData.getBrokerName());
        assertEquals(Map.of(0L, broker.address()), Map.copyOf(brokerData.getBrokerAddrs()));
        assertEquals(Set.of(BROKER_NAME), Set.copyOf(info.getClusterAddrTable().get(CLUSTER)));
    }

    @Test
    void routeOfCreatedTopicHasItsQueueCountsAndPerm() throws Exception {
        String topic = createTopic("RouteTopic");

        TopicRouteData route = awaitRoute(topic);
        assertEquals(1, route.getQueueDatas().size());
        QueueData queueData = route.getQueueDatas().get(0);
        assertEquals(BROKER_NAME, queueData.getBrokerName());
        assertEquals(QUEUES, queueData.getReadQueueNums());
        assertEquals(QUEUES, queueData.getWriteQueueNums());
        assertEquals(PERM_READ_WRITE, queueData.getPerm());
        assertEquals(0, queueData.getTopicSysFlag());
        assertEquals(1, route.getBrokerDatas().size());
        BrokerData brokerData = route.getBrokerDatas().get(0);
        assertEquals(CLUSTER, brokerData.getCluster());
        assertEquals(Map.of(0L, broker.address()), Map.copyOf(brokerData.getBrokerAddrs()));
    }

    @Test
    void allTopicListContainsCreatedTopicAndBrokerDefaults() throws Exception {
        String topic = createTopic("ListedTopic");
        awaitRoute(topic);

        TopicList topics = admin.fetchAllTopicList();
        Set<String> names = new TreeSet<>(topics.getTopicList());
        assertTrue(names.containsAll(List.of(topic, "TBW102", BROKER_NAME, CLUSTER)), "topic list: " + names);
    }

    @Test
    void hundredMessagesRoundTripThroughBrokerFoundViaNameServer() throws Exception {
        String topic = createTopic("RoundTripTopic");
        awaitRoute(topic);
        List<String> bodies = ApacheRoundTrip.bodies(topic, ROUND_TRIP_MESSAGES);

        DefaultMQProducer producer = ApacheClients.startedProducer("compat_producer", nameServer.address());
        try {
            ApacheRoundTrip.send(producer, topic, bodies);
        } finally {
            producer.shutdown();
        }
        Map<String, Integer> received = ApacheRoundTrip.consume(nameServer.address(), "compat_consumer_" + topic,
            topic, ROUND_TRIP_MESSAGES, CONSUME_TIMEOUT);

        Map<String, Integer> expected = new TreeMap<>();
        bodies.forEach(body -> expected.put(body, 1));
        assertEquals(expected, received);
    }

    /** Creates {@code prefix_<nanos>} on the broker with 8 read / 8 write queues and perm 6. */
    private String createTopic(String prefix) throws Exception {
        String topic = prefix + "_" + System.nanoTime();
        TopicConfig config = new TopicConfig(topic, QUEUES, QUEUES, PERM_READ_WRITE);
        admin.createAndUpdateTopicConfig(broker.address(), config);
        return topic;
    }

    private TopicRouteData awaitRoute(String topic) {
        TopicRouteData route = Await.until("route of " + topic, ROUTE_TIMEOUT,
            () -> admin.examineTopicRouteInfo(topic), r -> r != null && !r.getQueueDatas().isEmpty());
        assertNotNull(route);
        return route;
    }
}
