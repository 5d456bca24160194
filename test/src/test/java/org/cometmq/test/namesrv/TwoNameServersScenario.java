package org.cometmq.test.namesrv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.TopicConfig;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two name servers that never talk to each other, one Apache 4.9.7 broker registered with both
 * ({@code namesrvAddr "a;b"}). Both serve the broker's routes; after one stops, clients configured with
 * both, or with the survivor only, keep working. The methods run in order: the later ones stop a server.
 */
@CrossProcess
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class TwoNameServersScenario {
    private static final String CLUSTER = "TwoNsCluster";
    private static final String BROKER_NAME = "two-ns-broker";
    private static final int QUEUES = 8;
    private static final int PERM_READ_WRITE = 6;
    private static final int MESSAGES_AFTER_LOSS = 10;
    private static final Duration ROUTE_TIMEOUT = Duration.ofSeconds(20);

    private NameServerProcess first;
    private NameServerProcess second;
    private ApacheBroker broker;
    private final String topic = "TwoNsTopic_" + System.nanoTime();

    protected abstract NameServerProcess startNameServer(String name);

    @BeforeAll
    void startServers() {
        first = startNameServer(getClass().getSimpleName() + "-ns1");
        second = startNameServer(getClass().getSimpleName() + "-ns2");
        broker = ApacheBroker.builder(BROKER_NAME).clusterName(CLUSTER)
            .namesrvAddr(first.address() + ";" + second.address()).start();
    }

    @AfterAll
    void stopServers() {
        try {
            if (broker != null) {
                broker.close();
            }
        } finally {
            try {
                if (first != null) {
                    first.close();
                }
            } finally {
                if (second != null) {
                    second.close();
                }
            }
        }
    }

    @Test
    @Order(1)
    void bothNameServersReturnTheRouteOfATopicCreatedOnTheBroker() throws Exception {
        DefaultMQAdminExt firstAdmin = ApacheClients.startedAdmin(first.address());
        DefaultMQAdminExt secondAdmin = ApacheClients.startedAdmin(second.address());
        try {
            firstAdmin.createAndUpdateTopicConfig(broker.address(), new TopicConfig(topic, QUEUES, QUEUES, PERM_READ_WRITE));
            assertRouteServed(awaitRoute(firstAdmin));
            assertRouteServed(awaitRoute(secondAdmin));
        } finally {
            firstAdmin.shutdown();
            secondAdmin.shutdown();
        }
    }

    @Test
    @Order(2)
    void afterOneNameServerStopsProducerWithBothAddressesStillSends() throws Exception {
        first.stop();
        assertFalse(first.process().isAlive());

        DefaultMQProducer producer = ApacheClients.startedProducer("two_ns_producer",
            first.address() + ";" + second.address());
        try {
            // Each send checks SEND_OK; the route has to come from the surviving name server.
            ApacheRoundTrip.send(producer, topic, ApacheRoundTrip.bodies("after-loss", MESSAGES_AFTER_LOSS));
        } finally {
            producer.shutdown();
        }
    }

    @Test
    @Order(3)
    void survivingNameServerStillReturnsTheRoute() throws Exception {
        DefaultMQAdminExt admin = ApacheClients.startedAdmin(second.address());
        try {
            assertRouteServed(awaitRoute(admin));
        } finally {
            admin.shutdown();
        }
    }

    private TopicRouteData awaitRoute(DefaultMQAdminExt admin) {
        return Await.until("route of " + topic, ROUTE_TIMEOUT, () -> admin.examineTopicRouteInfo(topic),
            r -> r != null && !r.getQueueDatas().isEmpty());
    }

    private void assertRouteServed(TopicRouteData route) {
        List<QueueData> queueDatas = route.getQueueDatas();
        assertEquals(1, queueDatas.size());
        assertEquals(BROKER_NAME, queueDatas.get(0).getBrokerName());
        assertEquals(QUEUES, queueDatas.get(0).getReadQueueNums());
        assertEquals(QUEUES, queueDatas.get(0).getWriteQueueNums());
        assertEquals(PERM_READ_WRITE, queueDatas.get(0).getPerm());
        assertEquals(1, route.getBrokerDatas().size());
        assertEquals(Map.of(0L, broker.address()), Map.copyOf(route.getBrokerDatas().get(0).getBrokerAddrs()));
    }
}
