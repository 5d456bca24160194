package org.cometmq.test.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.cometmq.client.consumer.DefaultMQPushConsumer;
import org.cometmq.client.consumer.MessageSelector;
import org.cometmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.cometmq.client.consumer.listener.MessageListenerConcurrently;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.client.producer.SendCallback;
import org.cometmq.client.producer.SendResult;
import org.cometmq.client.producer.SendStatus;
import org.cometmq.client.producer.selector.SelectMessageQueueByHash;
import org.cometmq.common.message.Message;
import org.cometmq.test.client.ApacheQueueReader.Stored;
import org.cometmq.test.harness.ApacheClients;
import org.cometmq.test.harness.CrossProcess;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * CometMQ's producer against one name server and broker (subclasses choose Apache 4.9.7's or CometMQ's): every
 * send mode's SendResult is checked, then the messages are read back with Apache's own pull consumer by exact
 * body, id, queue and offset. The broker runs with default settings, so this is also where a consumer's SQL92
 * subscription must be refused.
 */
@CrossProcess
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProducerScenario {
    private static final int QUEUES = 4;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private ClientCluster cluster;
    private String brokerName;
    private DefaultMQAdminExt admin;
    private DefaultMQProducer producer;
    private ApacheQueueReader reader;

    /** The servers under test, started once for the class. */
    protected abstract ClientCluster startCluster();

    @BeforeAll
    void startServersAndProducer() throws Exception {
        cluster = startCluster();
        brokerName = cluster.brokerName();
        admin = ApacheClients.startedAdmin(cluster.namesrvAddr());
        producer = new DefaultMQProducer("comet_it_producer");
        producer.setNamesrvAddr(cluster.namesrvAddr());
        producer.setInstanceName("comet_it_" + cluster.kind() + "_" + ProcessHandle.current().pid());
        producer.start();
        reader = new ApacheQueueReader(cluster.namesrvAddr());
    }

    @AfterAll
    void stopAll() {
        for (AutoCloseable closeable : new AutoCloseable[] {
            reader, () -> producer.shutdown(), () -> admin.shutdown(), cluster}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // keep closing the rest; the processes are killed by the harness at JVM exit anyway
            }
        }
    }

    @Test
    void syncSendsAreStoredWhereTheResultsSay() throws Exception {
        String topic = createTopic("CometSync");
        List<SendResult> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            byte[] body = ("sync-" + i).getBytes(StandardCharsets.UTF_8);
            results.add(producer.send(new Message(topic, "TagA", "key-" + i, body)));
        }

        assertOkAndPerQueueOffsetsIncrease(results, topic);
        Map<String, Stored> stored = byBody(reader.awaitTopic(topic, brokerName, QUEUES, 8, TIMEOUT));
        assertEquals(8, stored.size());
        for (int i = 0; i < 8; i++) {
            Stored msg = stored.get("sync-" + i);
            SendResult result = results.get(i);
            assertNotNull(msg, "sync-" + i);
            assertEquals(result.getMsgId(), msg.msgId());
            assertEquals(result.getOffsetMsgId(), msg.offsetMsgId());
            assertEquals(result.getMessageQueue().getQueueId(), msg.queueId());
            assertEquals(result.getQueueOffset(), msg.queueOffset());
            assertEquals("TagA", msg.tags());
            assertEquals("key-" + i, msg.keys());
        }
        assertEquals(Set.of(0, 1, 2, 3),
            new TreeSet<>(results.stream().map(r -> r.getMessageQueue().getQueueId()).toList()));
    }

    @Test
    void asyncSendsReportResultsThatMatchTheStore() throws Exception {
        String topic = createTopic("CometAsync");
        List<CompletableFuture<SendResult>> futures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            CompletableFuture<SendResult> future = new CompletableFuture<>();
            producer.send(new Message(topic, ("async-" + i).getBytes(StandardCharsets.UTF_8)), new SendCallback() {
                @Override
                public void onSuccess(SendResult sendResult) {
                    future.complete(sendResult);
                }

                @Override
                public void onException(Throwable e) {
                    future.completeExceptionally(e);
                }
            });
            futures.add(future);
        }
        List<SendResult> results = new ArrayList<>();
        for (CompletableFuture<SendResult> future : futures) {
            results.add(future.get(10, TimeUnit.SECONDS));
        }
        assertOkAndPerQueueOffsetsIncrease(sortedByQueueAndOffset(results), topic);
        Map<String, Stored> stored = byBody(reader.awaitTopic(topic, brokerName, QUEUES, 8, TIMEOUT));
        assertEquals(8, stored.size());
        for (int i = 0; i < 8; i++) {
            assertEquals(results.get(i).getMsgId(), stored.get("async-" + i).msgId());
            assertEquals(results.get(i).getQueueOffset(), stored.get("async-" + i).queueOffset());
        }
    }

    @Test
    void onewaySendsArrive() throws Exception {
        String topic = createTopic("CometOneway");
        Set<String> bodies = new TreeSet<>();
        for (int i = 0; i < 5; i++) {
            bodies.add("oneway-" + i);
            producer.sendOneway(new Message(topic, ("oneway-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        List<Stored> stored = reader.awaitTopic(topic, brokerName, QUEUES, 5, TIMEOUT);
        assertEquals(bodies, new TreeSet<>(stored.stream().map(Stored::body).toList()));
        assertEquals(5, stored.size());
    }

    @Test
    void batchIsStoredAsConsecutiveMessagesOfOneQueue() throws Exception {
        String topic = createTopic("CometBatch");
        List<Message> batch = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            batch.add(new Message(topic, "TagB", ("batch-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        SendResult result = producer.send(batch);

        assertEquals(SendStatus.SEND_OK, result.getSendStatus());
        String[] ids = result.getMsgId().split(",");
        assertEquals(4, ids.length);
        List<Stored> stored = reader.awaitQueue(topic, brokerName, result.getMessageQueue().getQueueId(), 4, TIMEOUT);
        assertEquals(4, stored.size());
        for (int i = 0; i < 4; i++) {
            assertEquals("batch-" + i, stored.get(i).body());
            assertEquals(ids[i], stored.get(i).msgId());
            assertEquals(result.getQueueOffset() + i, stored.get(i).queueOffset());
            assertEquals("TagB", stored.get(i).tags());
        }
    }

    @Test
    void selectorKeepsAnOrderInOneQueue() throws Exception {
        String topic = createTopic("CometOrdered");
        List<SendResult> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            results.add(producer.send(new Message(topic, ("order-7-step-" + i).getBytes(StandardCharsets.UTF_8)),
                new SelectMessageQueueByHash(), 7));
        }
        int queueId = 7 % QUEUES;
        List<Stored> stored = reader.awaitQueue(topic, brokerName, queueId, 6, TIMEOUT);
        assertEquals(6, stored.size());
        for (int i = 0; i < 6; i++) {
            assertEquals(queueId, results.get(i).getMessageQueue().getQueueId());
            assertEquals(i, results.get(i).getQueueOffset());
            assertEquals("order-7-step-" + i, stored.get(i).body());
        }
    }

    @Test
    void largeBodyIsCompressedAndApacheReadsItBack() throws Exception {
        String topic = createTopic("CometLarge");
        char[] text = new char[6000];
        Arrays.fill(text, 'z');
        String body = "large:" + new String(text);
        SendResult result = producer.send(new Message(topic, body.getBytes(StandardCharsets.UTF_8)));
        List<Stored> stored = reader.awaitQueue(topic, brokerName, result.getMessageQueue().getQueueId(), 1, TIMEOUT);
        assertEquals(1, stored.size());
        assertEquals(body, stored.get(0).body());
    }

    @Test
    void unknownTopicIsCreatedThroughTheTemplateTopic() throws Exception {
        String topic = "CometAuto_" + System.nanoTime();
        SendResult first = producer.send(new Message(topic, "auto-0".getBytes(StandardCharsets.UTF_8)));
        assertEquals(SendStatus.SEND_OK, first.getSendStatus());
        assertTrue(first.getMessageQueue().getQueueId() < 4, first.toString());
        assertEquals(0, first.getQueueOffset());
        List<Stored> stored = reader.awaitQueue(topic, brokerName, first.getMessageQueue().getQueueId(), 1, TIMEOUT);
        assertEquals(List.of("auto-0"), stored.stream().map(Stored::body).toList());
    }

    /** The broker runs without enablePropertyFilter: an SQL92 push consumer must not start. */
    @Test
    void sql92PushConsumerIsRefusedByABrokerWithoutPropertyFilter() throws Exception {
        String topic = createTopic("NoSql");
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("no_sql_" + System.nanoTime() % 100_000);
        consumer.setNamesrvAddr(cluster.namesrvAddr());
        consumer.setInstanceName("comet_it_nosql_" + ProcessHandle.current().pid());
        consumer.subscribe(topic, MessageSelector.bySql("a > 1"));
        consumer.registerMessageListener((MessageListenerConcurrently)
            (msgs, ctx) -> ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
        try {
            MQClientException e = assertThrows(MQClientException.class, consumer::start);
            assertTrue(e.getErrorMessage().startsWith("Broker " + brokerName + " (" + cluster.brokerAddr()
                + ") refuses the SQL92 subscription 'a > 1' of topic " + topic), e.getErrorMessage());
            assertTrue(e.getErrorMessage().endsWith(
                "Start the broker with enablePropertyFilter=true, or subscribe by tag"), e.getErrorMessage());
        } finally {
            consumer.shutdown();
        }
    }

    private String createTopic(String prefix) throws Exception {
        String topic = prefix + "_" + System.nanoTime();
        admin.createAndUpdateTopicConfig(cluster.brokerAddr(),
            new org.apache.rocketmq.common.TopicConfig(topic, QUEUES, QUEUES, 6));
        Await.until("route of " + topic, TIMEOUT, () -> admin.examineTopicRouteInfo(topic),
            r -> r != null && !r.getQueueDatas().isEmpty());
        return topic;
    }

    private void assertOkAndPerQueueOffsetsIncrease(List<SendResult> results, String topic) {
        Map<Integer, Long> next = new HashMap<>();
        for (SendResult result : results) {
            assertEquals(SendStatus.SEND_OK, result.getSendStatus(), result.toString());
            assertEquals(topic, result.getMessageQueue().getTopic());
            assertEquals(brokerName, result.getMessageQueue().getBrokerName());
            assertEquals(32, result.getMsgId().length());
            assertEquals(32, result.getOffsetMsgId().length());
            long expected = next.getOrDefault(result.getMessageQueue().getQueueId(), 0L);
            assertEquals(expected, result.getQueueOffset(), result.toString());
            next.put(result.getMessageQueue().getQueueId(), expected + 1);
        }
    }

    private static List<SendResult> sortedByQueueAndOffset(List<SendResult> results) {
        List<SendResult> sorted = new ArrayList<>(results);
        sorted.sort((a, b) -> a.getMessageQueue().getQueueId() != b.getMessageQueue().getQueueId()
            ? Integer.compare(a.getMessageQueue().getQueueId(), b.getMessageQueue().getQueueId())
            : Long.compare(a.getQueueOffset(), b.getQueueOffset()));
        return Collections.unmodifiableList(sorted);
    }

    private static Map<String, Stored> byBody(List<Stored> stored) {
        Map<String, Stored> map = new HashMap<>();
        stored.forEach(s -> map.put(s.body(), s));
        return map;
    }
}
