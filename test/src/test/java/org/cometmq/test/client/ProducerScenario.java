package org.cometmq.test.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.client.producer.SendCallback;
import org.cometmq.client.producer.SendResult;
import org.cometmq.client.producer.SendStatus;
import org.cometmq.client.producer.selector.SelectMessageQueueByHash;
import org.cometmq.common.message.Message;
import org.cometmq.test.client.ApacheQueueReader.Stored;
import org.cometmq.test.harness.ApacheBroker;
import org.cometmq.test.harness.ApacheClients;
import org.cometmq.test.harness.ApacheNamesrv;
import org.cometmq.test.harness.Await;
import org.cometmq.test.harness.CrossProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * CometMQ's producer against an Apache 4.9.7 name server and broker: every send mode's SendResult is checked,
 * then the messages are read back with Apache's own pull consumer by exact body, id, queue and offset.
 */
@CrossProcess
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CometProducerOnApacheBrokerIT {
    private static final String BROKER_NAME = "comet-client-broker";
    private static final int QUEUES = 4;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private ApacheNamesrv nameServer;
    private ApacheBroker broker;
    private DefaultMQAdminExt admin;
    private DefaultMQProducer producer;
    private ApacheQueueReader reader;

    @BeforeAll
    void startServersAndProducer() throws Exception {
        nameServer = ApacheNamesrv.start(getClass().getSimpleName() + "-namesrv");
        broker = ApacheBroker.builder(BROKER_NAME).namesrvAddr(nameServer.address()).start();
        admin = ApacheClients.startedAdmin(nameServer.address());
        producer = new DefaultMQProducer("comet_it_producer");
        producer.setNamesrvAddr(nameServer.address());
        producer.setInstanceName("comet_it_" + ProcessHandle.current().pid());
        producer.start();
        reader = new ApacheQueueReader(nameServer.address());
    }

    @AfterAll
    void stopAll() {
        for (AutoCloseable closeable : new AutoCloseable[] {
            reader, () -> producer.shutdown(), () -> admin.shutdown(), broker, nameServer}) {
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
            results.add(producer.send(new Message(topic, "TagA", "key-" + i, ("sync-" + i).getBytes(StandardCharsets.UTF_8))));
        }

        assertOkAndPerQueueOffsetsIncrease(results, topic);
        Map<String, Stored> stored = byBody(reader.awaitTopic(topic, BROKER_NAME, QUEUES, 8, TIMEOUT));
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
        assertEquals(Set.of(0, 1, 2, 3), new TreeSet<>(results.stream().map(r -> r.getMessageQueue().getQueueId()).toList()));
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
        Map<String, Stored> stored = byBody(reader.awaitTopic(topic, BROKER_NAME, QUEUES, 8, TIMEOUT));
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
        List<Stored> stored = reader.awaitTopic(topic, BROKER_NAME, QUEUES, 5, TIMEOUT);
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
        List<Stored> stored = reader.awaitQueue(topic, BROKER_NAME, result.getMessageQueue().getQueueId(), 4, TIMEOUT);
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
        List<Stored> stored = reader.awaitQueue(topic, BROKER_NAME, queueId, 6, TIMEOUT);
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
        List<Stored> stored = reader.awaitQueue(topic, BROKER_NAME, result.getMessageQueue().getQueueId(), 1, TIMEOUT);
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
        List<Stored> stored = reader.awaitQueue(topic, BROKER_NAME, first.getMessageQueue().getQueueId(), 1, TIMEOUT);
        assertEquals(List.of("auto-0"), stored.stream().map(Stored::body).toList());
    }

    private String createTopic(String prefix) throws Exception {
        String topic = prefix + "_" + System.nanoTime();
        admin.createAndUpdateTopicConfig(broker.address(),
            new org.apache.rocketmq.common.TopicConfig(topic, QUEUES, QUEUES, 6));
        Await.until("route of " + topic, TIMEOUT, () -> admin.examineTopicRouteInfo(topic),
            r -> r != null && !r.getQueueDatas().isEmpty());
        return topic;
    }

    private static void assertOkAndPerQueueOffsetsIncrease(List<SendResult> results, String topic) {
        Map<Integer, Long> next = new HashMap<>();
        for (SendResult result : results) {
            assertEquals(SendStatus.SEND_OK, result.getSendStatus(), result.toString());
            assertEquals(topic, result.getMessageQueue().getTopic());
            assertEquals(BROKER_NAME, result.getMessageQueue().getBrokerName());
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
