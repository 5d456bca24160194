package org.cometmq.test.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.cometmq.client.consumer.DefaultMQPushConsumer;
import org.cometmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.cometmq.client.consumer.listener.MessageListenerConcurrently;
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.common.consumer.ConsumeFromWhere;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageExt;
import org.cometmq.test.harness.CrossProcess;
import org.cometmq.test.harness.OneBrokerCluster;
import org.cometmq.test.tools.CometMqadmin;
import org.cometmq.test.tools.CommandResult;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The dashboard end to end: {@code bin/mqdashboard} against a real cluster, driven in headless Chromium. Written
 * once and run against a CometMQ and an Apache 4.9.7 cluster: the dashboard uses only the admin API, so it must
 * work against both. Each test saves a screenshot of the page it checked (test/target/dashboard-screenshots/,
 * named after the cluster kind).
 */
@CrossProcess
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DashboardScenario {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    static final String CLUSTER = "DashboardCluster";

    private OneBrokerCluster cluster;
    private DashboardProcess dashboard;
    private DashboardBrowser browser;
    private DefaultMQProducer producer;

    protected abstract OneBrokerCluster startCluster();

    @BeforeAll
    void startClusterDashboardAndBrowser() throws Exception {
        cluster = startCluster();
        dashboard = DashboardProcess.start(cluster.namesrvAddr(), Map.of());
        browser = DashboardBrowser.start();
        producer = new DefaultMQProducer("dashboard_it_producer");
        producer.setNamesrvAddr(cluster.namesrvAddr());
        producer.start();
    }

    @AfterAll
    void stopAll() {
        if (producer != null) {
            producer.shutdown();
        }
        for (AutoCloseable closeable : new AutoCloseable[] {browser, dashboard, cluster}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // keep closing the rest
            }
        }
    }

    private static String unique(String prefix) {
        return prefix + "_" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }

    private void createTopic(String topic) {
        CommandResult result = new CometMqadmin(cluster.namesrvAddr()).run("updateTopic", "-b", cluster.brokerAddr(),
            "-t", topic, "-r", "4", "-w", "4");
        assertEquals(0, result.exitCode(), result.describe());
    }

    private String send(String topic, String key, String body) throws Exception {
        Message message = new Message(topic, "TagD", key, body.getBytes(StandardCharsets.UTF_8));
        return producer.send(message).getMsgId();
    }

    @Test
    void theOverviewShowsTheBrokerWithItsRoleAndVersion() {
        browser.open(dashboard.url() + "#overview");
                String table = browser.textWhen("broker-table", text -> text.contains(cluster.brokerAddr()));
        assertTrue(table.contains("MASTER"), table);
        assertTrue(table.contains("V4_9"), "the version the broker reports: " + table);
        browser.screenshot(cluster.kind() + "-overview");
    }

    @Test
    void aTopicCreatedInThePageIsListedByMqadmin() {
        String topic = unique("DashCreated");
        browser.open(dashboard.url() + "#topics");
        browser.type("topic-create-name", topic);
        browser.type("topic-create-queues", "3");
        browser.click("topic-create-submit");
        browser.clickRow("topic-table", topic);
        browser.textWhen("topic-offsets", text -> text.lines().count() == 4);
        browser.screenshot(cluster.kind() + "-topic-created");

        CommandResult list = new CometMqadmin(cluster.namesrvAddr()).run("topicList");
        assertEquals(0, list.exitCode(), list.describe());
        assertTrue(list.stdoutLines().contains(topic), list.describe());
    }

    @Test
    void aLaggingGroupShowsItsLag() throws Exception {
        String topic = unique("DashLag");
        String group = unique("dash_lag_group");
        createTopic(topic);
        for (int i = 0; i < 5; i++) {
            send(topic, "k" + i, "first-" + i);
        }
        AtomicInteger consumed = new AtomicInteger();
        DefaultMQPushConsumer consumer = consumer(group, topic, -1, (msgs, context) -> {
            consumed.addAndGet(msgs.size());
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        Await.until("5 consumed", TIMEOUT, consumed::get, n -> n == 5);
        browser.open(dashboard.url() + "#groups");
        browser.type("group-filter", group);
        browser.clickRow("group-table", group);
        // the consumer commits its offsets every 5 s; the page refreshes every 5 s
        assertEquals("0", browser.textWhen("group-lag-total", "0"::equals));
        consumer.shutdown();
        for (int i = 0; i < 7; i++) {
            send(topic, "late" + i, "late-" + i);
        }
        assertEquals("7", browser.textWhen("group-lag-total", "7"::equals));
        String queues = browser.textWhen("group-queues", text -> text.contains(topic));
        assertTrue(queues.contains(topic), queues);
        browser.screenshot(cluster.kind() + "-group-lag");
    }

    @Test
    void aMessageFoundByKeyShowsItsBody() throws Exception {
        String topic = unique("DashFind");
        createTopic(topic);
        String key = unique("order");
        send(topic, key, "the body of " + key);

        browser.open(dashboard.url() + "#messages");
        browser.type("msg-topic", topic);
        browser.type("msg-key", key);
        browser.click("msg-search-submit");
        browser.clickRow("msg-results", key);
        String body = "the body of " + key;
        assertEquals(body, browser.textWhen("msg-detail-body", body::equals));
        browser.screenshot(cluster.kind() + "-message-by-key");
    }

    @Test
    void aDlqMessageResentFromThePageIsConsumedAgain() throws Exception {
        String topic = unique("DashDlq");
        String group = unique("dash_dlq_group");
        createTopic(topic);
        Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        // with no reconsume allowed, the first RECONSUME_LATER sends the message to the group's DLQ
        DefaultMQPushConsumer consumer = consumer(group, topic, 0, (msgs, context) -> {
            for (MessageExt msg : msgs) {
                int seen = deliveries.computeIfAbsent(msg.getKeys(), k -> new AtomicInteger()).incrementAndGet();
                if (seen == 1) {
                    return ConsumeConcurrentlyStatus.RECONSUME_LATER;
                }
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        try {
            String key = unique("poison");
            send(topic, key, "dead letter " + key);
            Await.until("the first delivery", TIMEOUT, () -> deliveries.containsKey(key), Boolean::booleanValue);

            browser.open(dashboard.url() + "#messages");
            String dlq = "%DLQ%" + group;
            browser.type("msg-topic", dlq);
            browser.type("msg-key", key);
            Await.until("the message in " + dlq, TIMEOUT, () -> {
                browser.click("msg-search-submit");
                Thread.sleep(500);
                return browser.until(d -> browser.find("msg-results").getText()).contains(key);
            }, Boolean::booleanValue);
            browser.clickRow("msg-results", key);
            browser.textWhen("msg-detail-body", text -> text.equals("dead letter " + key));
            browser.type("msg-resend-group", group);
            browser.click("msg-resend-submit");
            String result = browser.textWhen("msg-resend-result", text -> !text.isEmpty());
            assertTrue(result.contains("CR_SUCCESS"), result);
            assertEquals(2, deliveries.get(key).get(), "delivered once, then once more from the DLQ");
            browser.screenshot(cluster.kind() + "-dlq-resent");
        } finally {
            consumer.shutdown();
        }
    }

    private DefaultMQPushConsumer consumer(String group, String topic, int maxReconsumeTimes,
                                                  MessageListenerConcurrently listener) throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        consumer.setMaxReconsumeTimes(maxReconsumeTimes);
        consumer.setNamesrvAddr(cluster.namesrvAddr());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener(listener);
        consumer.start();
        return consumer;
    }
}
