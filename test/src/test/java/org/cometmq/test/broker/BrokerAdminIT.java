package org.cometmq.test.broker;

import static org.cometmq.test.broker.BrokerFixture.bytes;
import static org.cometmq.test.broker.BrokerFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.admin.ConsumeStats;
import org.apache.rocketmq.common.admin.TopicOffset;
import org.apache.rocketmq.common.admin.TopicStatsTable;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.protocol.body.ClusterInfo;
import org.apache.rocketmq.common.protocol.body.ConsumerConnection;
import org.apache.rocketmq.common.protocol.body.ConsumerRunningInfo;
import org.apache.rocketmq.common.protocol.body.KVTable;
import org.apache.rocketmq.common.protocol.route.BrokerData;
import org.apache.rocketmq.common.protocol.route.QueueData;
import org.apache.rocketmq.common.protocol.route.TopicRouteData;
import org.cometmq.test.harness.CrossProcess;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The Apache 4.9.7 admin API (what mqadmin runs) against a CometMQ broker and name server. */
@CrossProcess
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerAdminIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private BrokerFixture fixture;

    @BeforeAll
    void startServers() throws Exception {
        fixture = BrokerFixture.start("admin", Map.of());
    }

    @AfterAll
    void stopServers() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void createdTopicHasItsRoute() throws Exception {
        String topic = fixture.createTopic("AdminRoute", 8, 6);
        TopicRouteData route = fixture.awaitRoute(topic);
        assertEquals(1, route.getQueueDatas().size());
        QueueData queueData = route.getQueueDatas().get(0);
        assertEquals(fixture.broker.brokerName(), queueData.getBrokerName());
        assertEquals(8, queueData.getReadQueueNums());
        assertEquals(8, queueData.getWriteQueueNums());
        assertEquals(6, queueData.getPerm());
        BrokerData brokerData = route.getBrokerDatas().get(0);
        assertEquals(BrokerFixture.CLUSTER, brokerData.getCluster());
        assertEquals(Map.of(0L, fixture.broker.address()), Map.copyOf(brokerData.getBrokerAddrs()));
    }

    @Test
    void topicStatusCountsEveryQueue() throws Exception {
        String topic = fixture.createTopic("AdminStatus", 8, 6);
        DefaultMQProducer producer = fixture.producer("status");
        for (int i = 0; i < 16; i++) {
            producer.send(new Message(topic, "TagA", bytes("s-" + i)), (mqs, msg, arg) -> mqs.get((Integer) arg % 8), i);
        }
        TopicStatsTable stats = Await.until("16 messages in the stats of " + topic, TIMEOUT,
            () -> fixture.admin.examineTopicStats(topic),
            t -> t.getOffsetTable().values().stream().mapToLong(TopicOffset::getMaxOffset).sum() == 16);
        assertEquals(8, stats.getOffsetTable().size());
        for (Map.Entry<MessageQueue, TopicOffset> entry : stats.getOffsetTable().entrySet()) {
            assertEquals(topic, entry.getKey().getTopic());
            assertEquals(fixture.broker.brokerName(), entry.getKey().getBrokerName());
            assertEquals(0, entry.getValue().getMinOffset());
            assertEquals(2, entry.getValue().getMaxOffset(), "queue " + entry.getKey().getQueueId());
            assertTrue(entry.getValue().getLastUpdateTimestamp() > 0);
        }
    }

    @Test
    void readOnlyTopicLeavesFreshRoutesButServesCachedProducersAndConsumers() throws Exception {
        String topic = fixture.createTopic("AdminPerm", 4, 6);
        DefaultMQProducer cached = fixture.producerWithCachedRoutes("perm_cached");
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            bodies.add("ro-" + i);
            cached.send(new Message(topic, "TagA", bytes("ro-" + i)));
        }
        fixture.admin.createAndUpdateTopicConfig(fixture.broker.address(), new TopicConfig(topic, 4, 4, 4));
        Await.until("perm 4 in the route of " + topic, TIMEOUT, () -> fixture.admin.examineTopicRouteInfo(topic),
            r -> r.getQueueDatas().get(0).getPerm() == 4);

        DefaultMQProducer fresh = fixture.producer("perm_fresh");
        MQClientException noRoute = assertThrows(MQClientException.class,
            () -> fresh.send(new Message(topic, "TagA", bytes("refused"))));
        assertTrue(noRoute.getMessage().contains("No route info"), noRoute.getMessage());

        // 4.9.7's broker checks no topic permission on send, so a producer holding the old route is served
        bodies.add("ro-cached");
        assertEquals(SendStatus.SEND_OK, cached.send(new Message(topic, "TagA", bytes("ro-cached"))).getSendStatus());

        Map<String, Integer> received = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = fixture.pushConsumer(BrokerFixture.unique("perm_cg"));
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> received.merge(text(m.getBody()), 1, Integer::sum));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        Await.until("the 9 messages of the read-only topic", TIMEOUT, received::size, n -> n >= 9);
        Map<String, Integer> expected = new TreeMap<>();
        bodies.forEach(b -> expected.put(b, 1));
        assertEquals(expected, new TreeMap<>(received));
    }

    @Test
    void consumerProgressShowsNoLagAfterConsumption() throws Exception {
        String topic = fixture.createTopic("AdminProgress", 4, 6);
        String group = BrokerFixture.unique("progress_cg");
        DefaultMQProducer producer = fixture.producer("progress");
        for (int i = 0; i < 20; i++) {
            producer.send(new Message(topic, "TagA", bytes("p-" + i)));
        }
        Map<String, Integer> received = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = fixture.pushConsumer(group);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> received.merge(text(m.getBody()), 1, Integer::sum));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        Await.until("20 messages", TIMEOUT, received::size, n -> n >= 20);
        ConsumeStats stats = Await.until("consumer progress with diff 0", TIMEOUT,
            () -> fixture.admin.examineConsumeStats(group, topic), s -> s.computeTotalDiff() == 0);
        assertEquals(4, stats.getOffsetTable().size());
        assertEquals(20, stats.getOffsetTable().values().stream().mapToLong(o -> o.getConsumerOffset()).sum());
        ConsumerConnection connection = fixture.admin.examineConsumerConnectionInfo(group);
        assertEquals(1, connection.getConnectionSet().size());
        assertNotNull(connection.getSubscriptionTable().get(topic));
    }

    @Test
    void runningInfoAndOffsetResetReachTheConsumerThroughTheBroker() throws Exception {
        String topic = fixture.createTopic("AdminReset", 2, 6);
        String group = BrokerFixture.unique("reset_cg");
        DefaultMQProducer producer = fixture.producer("reset");
        for (int i = 0; i < 10; i++) {
            producer.send(new Message(topic, "TagA", bytes("r-" + i)));
        }
        Map<String, Integer> received = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = fixture.pushConsumer(group);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> received.merge(text(m.getBody()), 1, Integer::sum));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        Await.until("10 messages", TIMEOUT, received::size, n -> n >= 10);
        Await.until("committed offsets of " + group, TIMEOUT, () -> fixture.admin.examineConsumeStats(group, topic),
            s -> s.computeTotalDiff() == 0);

        String clientId = fixture.admin.examineConsumerConnectionInfo(group).getConnectionSet().iterator().next()
            .getClientId();
        ConsumerRunningInfo info = fixture.admin.getConsumerRunningInfo(group, clientId, false);
        assertTrue(info.getSubscriptionSet().stream().anyMatch(sub -> sub.getTopic().equals(topic)));
        assertEquals(2, info.getMqTable().keySet().stream().filter(mq -> mq.getTopic().equals(topic)).count());

        Map<MessageQueue, Long> reset = fixture.admin.resetOffsetByTimestamp(topic, group, 0, true);
        assertEquals(2, reset.size());
        reset.forEach((mq, offset) -> assertEquals(0L, offset, "reset of " + mq));
        Await.until("every message consumed a second time", TIMEOUT,
            () -> received.values().stream().filter(n -> n >= 2).count(), n -> n == 10);
    }

    @Test
    void clusterListShowsTheBrokerAndItsRuntimeInfo() throws Exception {
        ClusterInfo info = Await.until("the broker in the cluster info", TIMEOUT, fixture.admin::examineBrokerClusterInfo,
            ci -> ci.getBrokerAddrTable().containsKey(fixture.broker.brokerName()));
        assertEquals(List.of(fixture.broker.brokerName()),
            new ArrayList<>(info.getClusterAddrTable().get(BrokerFixture.CLUSTER)));
        assertEquals(fixture.broker.address(), info.getBrokerAddrTable().get(fixture.broker.brokerName())
            .getBrokerAddrs().get(0L));
        KVTable runtime = fixture.admin.fetchBrokerRuntimeStats(fixture.broker.address());
        for (String key : List.of("msgPutTotalTodayNow", "msgGetTotalTodayNow", "msgPutTotalYesterdayMorning",
            "msgGetTotalYesterdayMorning", "msgPutTotalTodayMorning", "msgGetTotalTodayMorning")) {
            Long.parseLong(runtime.getTable().get(key));
        }
        Double.parseDouble(runtime.getTable().get("putTps").split(" ")[0]);
        Double.parseDouble(runtime.getTable().get("getTransferedTps").split(" ")[0]);
        Double.parseDouble(runtime.getTable().get("commitLogDiskRatio"));
        assertEquals("V4_9_7", runtime.getTable().get("brokerVersionDesc"));
    }
}
