package org.cometmq.test.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.client.consumer.PullStatus;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.cometmq.test.broker.CometBroker;
import org.cometmq.test.harness.ApacheClients;
import org.cometmq.test.harness.CometNamesrv;
import org.cometmq.test.harness.CrossProcess;
import org.cometmq.test.harness.FreePorts;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A CometMQ name server and broker with {@code metricsExporterType=PROM} on free ports, driven by the Apache
 * 4.9.7 client through a scripted workload: 20 messages into a 2-queue topic, all consumed by one group, 5
 * pulled and 3 committed by a lagging group, and one message sent to a DLQ by a group with
 * {@code maxReconsumeTimes=0}. Each metric of issue 18 then has the value the workload implies. (Apache 4.9.7
 * has no metrics endpoint, so there is no Apache twin of this test.)
 */
@CrossProcess
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsIT {
    private static final String CLUSTER = "MetricsCluster";
    private static final String TOPIC = "MetricsTopic";
    private static final String DLQ_TOPIC = "MetricsDlqTopic";
    private static final String ALL = "metrics_all";
    private static final String LAGGING = "metrics_lagging";
    private static final String DEAD = "metrics_dead";
    private static final int PER_QUEUE = 10;
    private static final Duration WAIT = Duration.ofSeconds(60);

    private CometNamesrv namesrv;
    private CometBroker broker;
    private DefaultMQAdminExt admin;
    private String brokerMetrics;
    private String namesrvMetrics;
    private final List<AutoCloseable> clients = new CopyOnWriteArrayList<>();
    private final Map<String, MessageExt> consumed = new ConcurrentHashMap<>();

    @BeforeAll
    void startCluster() throws Exception {
        int namesrvPort = FreePorts.namesrvPort();
        namesrvMetrics = "127.0.0.1:" + namesrvPort;
        namesrv = CometNamesrv.start("metrics-namesrv", List.of(), Map.of("metricsExporterType", "PROM",
            "metricsPromExporterHost", "127.0.0.1", "metricsPromExporterPort", Integer.toString(namesrvPort)));
        int brokerPort = FreePorts.brokerPort();
        brokerMetrics = "127.0.0.1:" + brokerPort;
        broker = CometBroker.builder("metrics-broker").clusterName(CLUSTER).namesrvAddr(namesrv.address())
            .property("metricsExporterType", "PROM").property("metricsPromExporterPort", Integer.toString(brokerPort))
            .start();
        admin = ApacheClients.startedAdmin(namesrv.address());
        clients.add(admin::shutdown);
        runWorkload();
    }

    @AfterAll
    void stopCluster() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (namesrv != null) {
            namesrv.close();
        }
    }

    private void runWorkload() throws Exception {
        admin.createAndUpdateTopicConfig(broker.address(), new TopicConfig(TOPIC, 2, 2, 6));
        admin.createAndUpdateTopicConfig(broker.address(), new TopicConfig(DLQ_TOPIC, 1, 1, 6));
        for (String topic : List.of(TOPIC, DLQ_TOPIC)) {
            Await.until("route of " + topic, WAIT, () -> admin.examineTopicRouteInfo(topic),
                r -> r != null && !r.getQueueDatas().isEmpty());
        }
        DefaultMQProducer producer = ApacheClients.startedProducer("metrics_producer", namesrv.address());
        clients.add(producer::shutdown);
        for (int queue = 0; queue < 2; queue++) {
            for (int i = 0; i < PER_QUEUE; i++) {
                Message message = new Message(TOPIC, ("body-" + queue + "-" + i).getBytes(StandardCharsets.UTF_8));
                assertEquals(SendStatus.SEND_OK, producer.send(message, queue(TOPIC, queue)).getSendStatus());
            }
        }
        assertEquals(SendStatus.SEND_OK, producer.send(new Message(DLQ_TOPIC, bytes("dead"))).getSendStatus());
        // both push consumers rebalance and consume at once; each wait below is bounded
        startConsumingAll();
        startConsumingIntoDlq();
        pullFiveAndCommitThree();
        Await.untilTrue("group " + ALL + " to consume and commit everything", WAIT,
            () -> consumed.size() == 2 * PER_QUEUE && committed(ALL, 0) == PER_QUEUE && committed(ALL, 1) == PER_QUEUE);
        Await.untilTrue("the message in %DLQ%" + DEAD, WAIT, () -> admin.maxOffset(queue("%DLQ%" + DEAD, 0)) == 1);
    }

    private MessageQueue queue(String topic, int id) {
        return new MessageQueue(topic, broker.brokerName(), id);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void startConsumingAll() throws Exception {
        DefaultMQPushConsumer consumer = ApacheClients.pushConsumer(ALL, namesrv.address());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setPersistConsumerOffsetInterval(1000);
        consumer.subscribe(TOPIC, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> consumed.put(m.getMsgId(), m));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        clients.add(consumer::shutdown);
    }

    private long committed(String group, int queueId) throws Exception {
        return admin.examineConsumeStats(group).getOffsetTable().getOrDefault(queue(TOPIC, queueId),
            new org.apache.rocketmq.common.admin.OffsetWrapper()).getConsumerOffset();
    }

    /** The lagging group: pulls 5 of queue 0 and commits 3 there and 0 on queue 1. */
    private void pullFiveAndCommitThree() throws Exception {
        DefaultMQPullConsumer consumer = new DefaultMQPullConsumer(LAGGING);
        consumer.setNamesrvAddr(namesrv.address());
        consumer.setInstanceName(LAGGING + System.nanoTime());
        consumer.setVipChannelEnabled(false);
        consumer.start();
        clients.add(consumer::shutdown);
        PullResult pulled = consumer.pull(queue(TOPIC, 0), "*", 0, 5);
        assertEquals(PullStatus.FOUND, pulled.getPullStatus());
        assertEquals(5, pulled.getMsgFoundList().size());
        admin.updateConsumeOffset(broker.address(), LAGGING, queue(TOPIC, 0), 3);
        admin.updateConsumeOffset(broker.address(), LAGGING, queue(TOPIC, 1), 0);
    }

    private void startConsumingIntoDlq() throws Exception {
        DefaultMQPushConsumer consumer = ApacheClients.pushConsumer(DEAD, namesrv.address());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setMaxReconsumeTimes(0);
        consumer.subscribe(DLQ_TOPIC, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) ->
            ConsumeConcurrentlyStatus.RECONSUME_LATER);
        consumer.start();
        clients.add(consumer::shutdown);
    }

    private static final String[] NODE = {"cluster", CLUSTER, "node_type", "broker", "node_id", "metrics-broker"};

    private static String[] labels(String... more) {
        String[] all = java.util.Arrays.copyOf(NODE, NODE.length + more.length);
        System.arraycopy(more, 0, all, NODE.length, more.length);
        return all;
    }

    @Test
    void messagesInAndOutAreCountedExactly() throws Exception {
        PromPage page = PromPage.scrape(brokerMetrics);
        long storedBytes = consumed.values().stream().mapToLong(MessageExt::getStoreSize).sum();
        String[] in = labels("topic", TOPIC, "message_type", "normal", "is_system", "false");
        assertEquals(2 * PER_QUEUE, page.value("rocketmq_messages_in_total", in));
        assertEquals(storedBytes, page.value("rocketmq_throughput_in_total", in));
        assertEquals(2 * PER_QUEUE, page.value("rocketmq_message_size_count", in));
        assertEquals(storedBytes, page.value("rocketmq_message_size_sum", in));
        assertEquals(2 * PER_QUEUE, page.value("rocketmq_message_size_bucket", labels("topic", TOPIC, "le", "1024.0")));
        assertEquals(1, page.value("rocketmq_messages_in_total", labels("topic", DLQ_TOPIC)));
        String[] all = labels("topic", TOPIC, "consumer_group", ALL, "is_system", "false");
        assertEquals(2 * PER_QUEUE, page.value("rocketmq_messages_out_total", all));
        assertEquals(storedBytes, page.value("rocketmq_throughput_out_total", all));
        assertEquals(5, page.value("rocketmq_messages_out_total", labels("topic", TOPIC, "consumer_group", LAGGING)));
        assertEquals(1, page.value("rocketmq_messages_out_total", labels("topic", DLQ_TOPIC, "consumer_group", DEAD)));
        assertEquals(1, page.value("rocketmq_send_to_dlq_messages_total",
            labels("topic", DLQ_TOPIC, "consumer_group", DEAD, "is_system", "false")));
        assertEquals(2 * PER_QUEUE + 1, page.value("rocketmq_rpc_latency_count", labels("protocol_type", "remoting",
            "request_code", "send_message_v2", "response_code", "success")));
        assertEquals(1, page.value("rocketmq_rpc_latency_count", labels("request_code", "consumer_send_msg_back",
            "response_code", "success")));
    }

    @Test
    void theLaggingGroupShowsMaxMinusCommittedPerQueue() throws Exception {
        long oldestUnconsumed = storeTime(0, 3);
        long oldestUnpulled = Math.min(storeTime(0, 5), storeTime(1, 0));
        long before = System.currentTimeMillis();
        PromPage page = PromPage.scrape(brokerMetrics);
        long after = System.currentTimeMillis();
        String[] lagging = labels("topic", TOPIC, "consumer_group", LAGGING, "is_retry", "false", "is_system", "false");
        assertEquals((PER_QUEUE - 3) + (PER_QUEUE - 0), page.value("rocketmq_consumer_lag_messages", lagging));
        assertEquals(5 - 3, page.value("rocketmq_consumer_inflight_messages", lagging));
        assertEquals((PER_QUEUE - 5) + PER_QUEUE, page.value("rocketmq_consumer_ready_messages", lagging));
        double lagLatency = page.value("rocketmq_consumer_lag_latency", lagging);
        assertTrue(lagLatency >= before - oldestUnconsumed && lagLatency <= after - oldestUnconsumed, "lag latency "
            + lagLatency + " is the age of queue 0's offset 3, the oldest unconsumed message");
        double queueing = page.value("rocketmq_consumer_queueing_latency", lagging);
        assertTrue(queueing >= before - oldestUnpulled && queueing <= after - oldestUnpulled, "queueing " + queueing);
        String[] caughtUp = labels("topic", TOPIC, "consumer_group", ALL);
        assertEquals(0, page.value("rocketmq_consumer_lag_messages", caughtUp));
        assertEquals(0, page.value("rocketmq_consumer_lag_latency", caughtUp));
        assertEquals(0, page.value("rocketmq_consumer_inflight_messages", caughtUp));
        assertEquals(0, page.value("rocketmq_consumer_ready_messages", caughtUp));
        assertEquals(0, page.value("rocketmq_consumer_queueing_latency", caughtUp));
    }

    private long storeTime(int queueId, long offset) {
        return consumed.values().stream().filter(m -> m.getQueueId() == queueId && m.getQueueOffset() == offset)
            .findFirst().orElseThrow().getStoreTimestamp();
    }

    @Test
    void brokerStateClientsAndStore() throws Exception {
        // ASYNC_FLUSH forces the commit log on its own schedule (at the latest after 10 s), so wait for one flush
        PromPage page = Await.until("a commit-log flush", Duration.ofSeconds(30),
            () -> PromPage.scrape(brokerMetrics), p -> p.value("rocketmq_storage_flush_latency_count", NODE) >= 1);
        assertEquals(6, page.value("rocketmq_broker_permission", NODE));
        assertEquals(admin.getAllTopicConfig(broker.address(), 10_000).getTopicConfigTable().size(),
            page.value("rocketmq_topic_number", NODE));
        assertEquals(admin.getAllSubscriptionGroup(broker.address(), 10_000).getSubscriptionGroupTable().size(),
            page.value("rocketmq_consumer_group_number", NODE));
        assertEquals(0, page.value("rocketmq_processor_watermark", labels("processor", "send")));
        assertEquals(1, page.value("rocketmq_consumer_connections", labels("consumer_group", ALL, "language", "java",
            "version", "v4_9_7", "consume_mode", "push", "protocol_type", "remoting", "is_system", "false")));
        assertTrue(page.value("rocketmq_producer_connections", labels("language", "java", "version", "v4_9_7",
            "protocol_type", "remoting")) >= 1);
        assertEquals(64 * 1024 * 1024, page.value("rocketmq_storage_commitlog_size", NODE));
        assertTrue(page.value("rocketmq_storage_consumequeue_size", NODE) > 0);
        assertTrue(page.value("rocketmq_storage_size", labels("storage_type", "local", "storage_medium", "disk"))
            > 64 * 1024 * 1024);
        assertTrue(page.value("rocketmq_storage_put_latency_count", NODE) >= 2 * PER_QUEUE + 2);
        assertTrue(page.value("rocketmq_storage_flush_latency_count", NODE) >= 1);
        assertTrue(page.has("rocketmq_storage_flush_behind_bytes") && page.has("rocketmq_storage_dispatch_behind_bytes")
            && page.has("rocketmq_storage_message_reserve_time"));
        assertTrue(page.value("jvm_memory_used_bytes", labels("area", "heap")) > 0);
    }

    @Test
    void theLibraryParsesBothPagesAndTheyAgree() throws Exception {
        PromPage brokerPage = PromPage.scrape(brokerMetrics);
        // kept with the broker's logs: the page a reader of this test can look at
        java.nio.file.Files.writeString(broker.logDir().resolveSibling("metrics-page.txt"), brokerPage.text);
        assertTrue(brokerPage.crossCheck() > 50, "points checked");
        for (String name : List.of("rocketmq_messages_in", "rocketmq_messages_out", "rocketmq_throughput_in",
            "rocketmq_throughput_out", "rocketmq_message_size", "rocketmq_rpc_latency", "rocketmq_topic_number",
            "rocketmq_consumer_group_number", "rocketmq_consumer_lag_messages", "rocketmq_consumer_lag_latency",
            "rocketmq_consumer_inflight_messages", "rocketmq_consumer_queueing_latency",
            "rocketmq_consumer_ready_messages", "rocketmq_send_to_dlq_messages", "rocketmq_processor_watermark",
            "rocketmq_broker_permission", "rocketmq_producer_connections", "rocketmq_consumer_connections",
            "rocketmq_storage_commitlog_size", "rocketmq_storage_consumequeue_size", "rocketmq_storage_put_latency",
            "rocketmq_storage_flush_latency")) {
            assertTrue(brokerPage.has(name) || brokerPage.has(name + "_total"), name + " is on the page");
        }
        PromPage namesrvPage = PromPage.scrape(namesrvMetrics);
        java.nio.file.Files.writeString(broker.logDir().resolveSibling("namesrv-metrics-page.txt"), namesrvPage.text);
        assertTrue(namesrvPage.crossCheck() > 10);
        assertTrue(namesrvPage.value("rocketmq_rpc_latency_count", "node_type", "nameserver", "request_code",
            "register_broker", "response_code", "success") >= 1);
        assertTrue(namesrvPage.value("rocketmq_rpc_latency_count", "request_code", "get_routeinfo_by_topic",
            "response_code", "success") >= 1);
        assertTrue(namesrvPage.has("jvm_threads_current"));
    }

    /** The sample Grafana dashboard charts only metrics the servers export. */
    @Test
    void theSampleDashboardUsesExportedNames() throws Exception {
        PromPage brokerPage = PromPage.scrape(brokerMetrics);
        PromPage namesrvPage = PromPage.scrape(namesrvMetrics);
        String dashboard = java.nio.file.Files.readString(org.cometmq.test.harness.TestEnvironment.distributionDir()
            .resolve("conf").resolve("grafana-dashboard.json"));
        java.util.regex.Matcher names = java.util.regex.Pattern.compile("\\b((?:rocketmq|jvm)_[a-z_]+)\\b")
            .matcher(dashboard);
        int found = 0;
        while (names.find()) {
            String name = names.group(1).replaceAll("_(bucket|count|sum)$", "");
            assertTrue(brokerPage.has(name) || namesrvPage.has(name), name + " of the dashboard is exported");
            found++;
        }
        assertTrue(found > 20, "names found in the dashboard: " + found);
    }
}
