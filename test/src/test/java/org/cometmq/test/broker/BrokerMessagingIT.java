package org.cometmq.test.broker;

import static org.cometmq.test.broker.BrokerFixture.bytes;
import static org.cometmq.test.broker.BrokerFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.consumer.listener.MessageListenerOrderly;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.protocol.heartbeat.MessageModel;
import org.cometmq.test.harness.CrossProcess;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Apache 4.9.7 producers and consumers against a CometMQ broker and name server: every delivery path. */
@CrossProcess
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerMessagingIT {
    private static final Duration CONSUME_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final int PERM_RW = 6;

    private BrokerFixture fixture;

    @BeforeAll
    void startServers() throws Exception {
        fixture = BrokerFixture.start("messaging", Map.of());
    }

    @AfterAll
    void stopServers() {
        if (fixture != null) {
            fixture.close();
        }
    }

    /** Starts a concurrent push consumer that records every body it gets (with its count). */
    private Map<String, Integer> consumeInto(String group, String topic, String expression) throws Exception {
        Map<String, Integer> received = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = fixture.pushConsumer(group);
        consumer.subscribe(topic, expression);
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> received.merge(text(m.getBody()), 1, Integer::sum));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        return received;
    }

    private static Map<String, Integer> once(List<String> bodies) {
        Map<String, Integer> expected = new TreeMap<>();
        bodies.forEach(b -> expected.put(b, 1));
        return expected;
    }

    private static void awaitCount(Map<String, Integer> received, int count, String what) {
        Await.until(count + " " + what, CONSUME_TIMEOUT, received::size, n -> n >= count);
        sleep(QUIET);
    }

    @Test
    void syncAsyncOnewayAndBatchSendsAreEachConsumedOnce() throws Exception {
        String topic = fixture.createTopic("Sends", 8, PERM_RW);
        DefaultMQProducer producer = fixture.producer("sends");
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String body = "sync-" + i;
            SendResult result = producer.send(new Message(topic, "TagA", bytes(body)));
            assertEquals(SendStatus.SEND_OK, result.getSendStatus());
            assertEquals(32, result.getOffsetMsgId().length());
            bodies.add(body);
        }
        CountDownLatch asyncDone = new CountDownLatch(20);
        List<Throwable> asyncErrors = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 20; i++) {
            String body = "async-" + i;
            bodies.add(body);
            producer.send(new Message(topic, "TagA", bytes(body)), new SendCallback() {
                @Override
                public void onSuccess(SendResult sendResult) {
                    asyncDone.countDown();
                }

                @Override
                public void onException(Throwable e) {
                    asyncErrors.add(e);
                    asyncDone.countDown();
                }
            });
        }
        assertTrue(asyncDone.await(30, TimeUnit.SECONDS));
        assertEquals(List.of(), asyncErrors);
        for (int i = 0; i < 20; i++) {
            String body = "oneway-" + i;
            bodies.add(body);
            producer.sendOneway(new Message(topic, "TagA", bytes(body)));
        }
        List<Message> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String body = "batch-" + i;
            bodies.add(body);
            batch.add(new Message(topic, "TagA", bytes(body)));
        }
        SendResult batchResult = producer.send(batch);
        assertEquals(SendStatus.SEND_OK, batchResult.getSendStatus());
        assertEquals(20, batchResult.getMsgId().split(",").length);

        Map<String, Integer> received = consumeInto(BrokerFixture.unique("sends_cg"), topic, "*");
        awaitCount(received, bodies.size(), "messages on " + topic);
        assertEquals(once(bodies), new TreeMap<>(received));
    }

    @Test
    void orderlyConsumerSeesEachQueueInSendOrder() throws Exception {
        String topic = fixture.createTopic("Orderly", 4, PERM_RW);
        DefaultMQProducer producer = fixture.producer("orderly");
        Map<Integer, List<String>> sent = new TreeMap<>();
        for (int i = 0; i < 40; i++) {
            int shard = i % 3;
            String body = "shard" + shard + "-" + i;
            SendResult result = producer.send(new Message(topic, "TagA", bytes(body)),
                (mqs, msg, arg) -> mqs.get((Integer) arg % mqs.size()), shard);
            assertEquals(shard, result.getMessageQueue().getQueueId());
            sent.computeIfAbsent(shard, k -> new ArrayList<>()).add(body);
        }
        Map<Integer, List<String>> received = new ConcurrentHashMap<>();
        AtomicInteger total = new AtomicInteger();
        DefaultMQPushConsumer consumer = fixture.pushConsumer(BrokerFixture.unique("orderly_cg"));
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerOrderly) (msgs, ctx) -> {
            for (MessageExt m : msgs) {
                received.computeIfAbsent(m.getQueueId(), k -> new CopyOnWriteArrayList<>()).add(text(m.getBody()));
                total.incrementAndGet();
            }
            return ConsumeOrderlyStatus.SUCCESS;
        });
        consumer.start();
        Await.until("40 orderly messages", CONSUME_TIMEOUT, total::get, n -> n >= 40);
        sleep(QUIET);
        assertEquals(sent, new TreeMap<>(received));
    }

    @Test
    void litePullConsumerReadsEveryMessage() throws Exception {
        String topic = fixture.createTopic("LitePull", 4, PERM_RW);
        DefaultMQProducer producer = fixture.producer("lite");
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            bodies.add("lite-" + i);
            producer.send(new Message(topic, "TagA", bytes("lite-" + i)));
        }
        DefaultLitePullConsumer consumer = new DefaultLitePullConsumer(BrokerFixture.unique("lite_cg"));
        consumer.setNamesrvAddr(fixture.namesrvAddr());
        consumer.setVipChannelEnabled(false);
        consumer.setInstanceName(BrokerFixture.unique("lite"));
        consumer.setConsumeFromWhere(org.apache.rocketmq.common.consumer.ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        fixture.track(consumer, consumer::shutdown);
        consumer.subscribe(topic, "*");
        consumer.start();
        Map<String, Integer> received = new TreeMap<>();
        long deadline = System.currentTimeMillis() + CONSUME_TIMEOUT.toMillis();
        while (received.size() < bodies.size() && System.currentTimeMillis() < deadline) {
            for (MessageExt m : consumer.poll(1_000)) {
                received.merge(text(m.getBody()), 1, Integer::sum);
            }
        }
        for (MessageExt m : consumer.poll(1_000)) {
            received.merge(text(m.getBody()), 1, Integer::sum);
        }
        assertEquals(once(bodies), received);
    }

    @Test
    void tagSubscriptionReceivesOnlyItsTag() throws Exception {
        String topic = fixture.createTopic("Tags", 4, PERM_RW);
        DefaultMQProducer producer = fixture.producer("tags");
        List<String> tagA = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String tag = i % 2 == 0 ? "TagA" : "TagB";
            String body = tag + "-" + i;
            producer.send(new Message(topic, tag, bytes(body)));
            if (tag.equals("TagA")) {
                tagA.add(body);
            }
        }
        Map<String, Integer> received = consumeInto(BrokerFixture.unique("tags_cg"), topic, "TagA");
        awaitCount(received, tagA.size(), "TagA messages");
        assertEquals(once(tagA), new TreeMap<>(received));
    }

    @Test
    void delayLevelTwoArrivesAfterFiveSeconds() throws Exception {
        String topic = fixture.createTopic("Delay", 2, PERM_RW);
        Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = fixture.pushConsumer(BrokerFixture.unique("delay_cg"));
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> arrivedAt.putIfAbsent(text(m.getBody()), System.currentTimeMillis()));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        DefaultMQProducer producer = fixture.producer("delay");
        Message message = new Message(topic, "TagA", bytes("delayed"));
        message.setDelayTimeLevel(2);
        long sentAt = System.currentTimeMillis();
        assertEquals(SendStatus.SEND_OK, producer.send(message).getSendStatus());
        Await.until("the delayed message", CONSUME_TIMEOUT, () -> arrivedAt.get("delayed"), t -> t != null);
        long delay = arrivedAt.get("delayed") - sentAt;
        assertTrue(delay >= 4_500, "delay level 2 (5 s) delivered after only " + delay + " ms");
    }

    @Test
    void reconsumeLaterRetriesOnceThenDeadLetters() throws Exception {
        String topic = fixture.createTopic("Retry", 1, PERM_RW);
        String group = BrokerFixture.unique("retry_cg");
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer consumer = fixture.pushConsumer(group);
        consumer.setMaxReconsumeTimes(1);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> attempts.add(m.getReconsumeTimes()));
            return ConsumeConcurrentlyStatus.RECONSUME_LATER;
        });
        consumer.start();
        DefaultMQProducer producer = fixture.producer("retry");
        producer.send(new Message(topic, "TagA", bytes("poison")));
        Await.until("a first delivery and one retry", CONSUME_TIMEOUT, attempts::size, n -> n >= 2);
        assertEquals(List.of(0, 1), attempts.subList(0, 2));
        String dlq = "%DLQ%" + group;
        org.apache.rocketmq.common.admin.TopicStatsTable stats = Await.until("a message in " + dlq, CONSUME_TIMEOUT,
            () -> fixture.admin.examineTopicStats(dlq),
            t -> t.getOffsetTable().values().stream().mapToLong(o -> o.getMaxOffset()).sum() == 1);
        assertEquals(1, stats.getOffsetTable().size());
        MessageQueue dlqQueue = stats.getOffsetTable().keySet().iterator().next();
        List<MessageExt> dead = DlqReader.read(fixture.namesrvAddr(), dlqQueue);
        assertEquals(1, dead.size());
        assertEquals("poison", text(dead.get(0).getBody()));
        assertEquals(topic, dead.get(0).getProperty("RETRY_TOPIC"));
        sleep(QUIET);
        assertEquals(2, attempts.size(), "nothing is delivered once the message is dead-lettered: " + attempts);
    }

    @Test
    void twoConsumersOfOneGroupSplitTheQueues() throws Exception {
        String topic = fixture.createTopic("Split", 8, PERM_RW);
        String group = BrokerFixture.unique("split_cg");
        Map<String, Set<Integer>> queuesSeen = new ConcurrentHashMap<>();
        Map<String, Integer> received = new ConcurrentHashMap<>();
        List<DefaultMQPushConsumer> consumers = new ArrayList<>();
        for (String name : List.of("c1", "c2")) {
            DefaultMQPushConsumer consumer = fixture.pushConsumer(group);
            consumer.subscribe(topic, "*");
            consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
                for (MessageExt m : msgs) {
                    queuesSeen.computeIfAbsent(name, k -> ConcurrentHashMap.newKeySet()).add(m.getQueueId());
                    received.merge(text(m.getBody()), 1, Integer::sum);
                }
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumer.start();
            consumers.add(consumer);
        }
        Await.untilTrue("the two consumers to hold 4 disjoint queues each", CONSUME_TIMEOUT, () -> {
            Set<MessageQueue> a = assigned(consumers.get(0));
            Set<MessageQueue> b = assigned(consumers.get(1));
            return a.size() == 4 && b.size() == 4 && Collections.disjoint(a, b);
        });
        DefaultMQProducer producer = fixture.producer("split");
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            bodies.add("split-" + i);
            producer.send(new Message(topic, "TagA", bytes("split-" + i)), (mqs, msg, arg) -> mqs.get((Integer) arg % 8), i);
        }
        awaitCount(received, bodies.size(), "split messages");
        assertEquals(once(bodies), new TreeMap<>(received));
        Set<Integer> first = queuesSeen.get("c1");
        Set<Integer> second = queuesSeen.get("c2");
        assertEquals(4, first.size(), "c1 saw " + first);
        assertEquals(4, second.size(), "c2 saw " + second);
        Set<Integer> all = new TreeSet<>(first);
        all.addAll(second);
        assertEquals(Set.of(0, 1, 2, 3, 4, 5, 6, 7), all);
    }

    private static Set<MessageQueue> assigned(DefaultMQPushConsumer consumer) {
        Set<MessageQueue> queues = new HashSet<>();
        consumer.getDefaultMQPushConsumerImpl().getRebalanceImpl().getProcessQueueTable()
            .forEach((mq, pq) -> {
                if (!pq.isDropped() && !mq.getTopic().startsWith("%RETRY%")) {
                    queues.add(mq);
                }
            });
        return queues;
    }

    @Test
    void broadcastDeliversEveryMessageToEveryConsumer() throws Exception {
        String topic = fixture.createTopic("Broadcast", 4, PERM_RW);
        String group = BrokerFixture.unique("broadcast_cg");
        Map<String, Map<String, Integer>> perConsumer = new ConcurrentHashMap<>();
        for (String name : List.of("b1", "b2")) {
            Map<String, Integer> received = new ConcurrentHashMap<>();
            perConsumer.put(name, received);
            DefaultMQPushConsumer consumer = fixture.pushConsumer(group);
            consumer.setMessageModel(MessageModel.BROADCASTING);
            consumer.subscribe(topic, "*");
            consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
                msgs.forEach(m -> received.merge(text(m.getBody()), 1, Integer::sum));
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumer.start();
        }
        DefaultMQProducer producer = fixture.producer("broadcast");
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            bodies.add("bc-" + i);
            producer.send(new Message(topic, "TagA", bytes("bc-" + i)));
        }
        for (Map<String, Integer> received : perConsumer.values()) {
            awaitCount(received, bodies.size(), "broadcast messages");
        }
        assertEquals(once(bodies), new TreeMap<>(perConsumer.get("b1")));
        assertEquals(once(bodies), new TreeMap<>(perConsumer.get("b2")));
    }

    @Test
    void restartedConsumerResumesFromItsCommittedOffset() throws Exception {
        String topic = fixture.createTopic("Resume", 2, PERM_RW);
        String group = BrokerFixture.unique("resume_cg");
        DefaultMQProducer producer = fixture.producer("resume");
        List<String> firstHalf = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            firstHalf.add("first-" + i);
            producer.send(new Message(topic, "TagA", bytes("first-" + i)));
        }
        Map<String, Integer> first = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = fixture.pushConsumer(group);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> first.merge(text(m.getBody()), 1, Integer::sum));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        awaitCount(first, 10, "first messages");
        consumer.shutdown();
        assertEquals(once(firstHalf), new TreeMap<>(first));

        List<String> secondHalf = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            secondHalf.add("second-" + i);
            producer.send(new Message(topic, "TagA", bytes("second-" + i)));
        }
        Map<String, Integer> second = consumeInto(group, topic, "*");
        awaitCount(second, 10, "messages after the restart");
        assertEquals(once(secondHalf), new TreeMap<>(second));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
