package org.cometmq.test.consumer;

import static org.cometmq.test.consumer.ConsumerFixture.TIMEOUT;
import static org.cometmq.test.consumer.ConsumerFixture.body;
import static org.cometmq.test.consumer.ConsumerFixture.bytes;
import static org.cometmq.test.consumer.ConsumerFixture.group;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.common.admin.TopicStatsTable;
import org.apache.rocketmq.common.message.Message;
import org.cometmq.client.consumer.DefaultMQPullConsumer;
import org.cometmq.client.consumer.DefaultMQPushConsumer;
import org.cometmq.client.consumer.MessageSelector;
import org.cometmq.client.consumer.PullResult;
import org.cometmq.client.consumer.PullStatus;
import org.cometmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.cometmq.client.consumer.listener.MessageListenerConcurrently;
import org.cometmq.common.consumer.ConsumeFromWhere;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.heartbeat.MessageModel;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.Test;

/** CometMQ's push consumer, concurrent listener: exact delivery, tag and SQL92 filters, retry to DLQ, broadcast. */
interface PushScenarios {
    /** The consumer's own limit: a message failed this often goes to the DLQ instead of another retry. */
    int MAX_RECONSUME_TIMES = 2;

    ConsumerFixture fixture();

    private DefaultMQPushConsumer pushConsumer(String group, String topic, MessageSelector selector,
                                               MessageListenerConcurrently listener) throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        fixture().configure(consumer);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, selector);
        consumer.registerMessageListener(listener);
        return consumer;
    }

    private static MessageListenerConcurrently collecting(Map<String, Integer> received) {
        return (msgs, context) -> {
            msgs.forEach(m -> received.merge(body(m), 1, Integer::sum));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        };
    }

    @Test
    default void concurrentConsumerGetsExactlyTheSentBodiesAndCommitsOffsets() throws Exception {
        String topic = fixture().createTopic("PushAll");
        List<String> sent = fixture().send(topic, "TagA", "all", 200);
        Map<String, Integer> received = new ConcurrentHashMap<>();
        String group = group("push_all");
        DefaultMQPushConsumer consumer = pushConsumer(group, topic, MessageSelector.byTag("*"), collecting(received));
        consumer.start();
        try {
            Await.untilTrue("200 distinct bodies", TIMEOUT, () -> received.size() == 200);
            assertEquals(new TreeSet<>(sent), new TreeSet<>(received.keySet()));
            // Commits reach the broker: every queue's committed offset ends at its max offset.
            long total = 0;
            for (MessageQueue mq : consumer.fetchSubscribeMessageQueues(topic)) {
                long max = consumer.maxOffset(mq);
                total += max;
                Await.untilTrue("commit of " + mq, TIMEOUT, () -> fixture().admin.examineConsumeStats(group)
                    .getOffsetTable().get(new org.apache.rocketmq.common.message.MessageQueue(mq.getTopic(),
                        mq.getBrokerName(), mq.getQueueId())).getConsumerOffset() == max);
            }
            assertEquals(200, total);
        } finally {
            consumer.shutdown();
        }
        assertTrue(received.values().stream().allMatch(n -> n == 1), "no duplicates in a quiet run: " + received);
    }

    @Test
    default void tagExpressionDeliversOnlyMatchingTags() throws Exception {
        String topic = fixture().createTopic("PushTags");
        List<String> expected = new ArrayList<>(fixture().send(topic, "TagA", "a", 10));
        fixture().send(topic, "TagC", "c", 10);
        expected.addAll(fixture().send(topic, "TagB", "b", 10));
        Map<String, Integer> received = new ConcurrentHashMap<>();
        Set<String> tags = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer consumer = pushConsumer(group("push_tags"), topic, MessageSelector.byTag("TagA || TagB"),
            (msgs, ctx) -> {
                msgs.forEach(m -> {
                    received.merge(body(m), 1, Integer::sum);
                    tags.add(m.getTags());
                });
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
        consumer.start();
        try {
            Await.untilTrue("20 tagged bodies", TIMEOUT, () -> received.size() >= 20);
            Thread.sleep(1000);
            assertEquals(new TreeSet<>(expected), new TreeSet<>(received.keySet()));
            assertEquals(Set.of("TagA", "TagB"), new HashSet<>(tags));
        } finally {
            consumer.shutdown();
        }
    }

    @Test
    default void sql92SelectorIsEvaluatedByTheBroker() throws Exception {
        String topic = fixture().createTopic("PushSql");
        for (int i = 0; i < 10; i++) {
            Message msg = new Message(topic, "TagA", bytes("sql-" + i));
            msg.putUserProperty("n", Integer.toString(i));
            fixture().producer.send(msg);
        }
        assertEquals(Set.of("sql-7", "sql-8", "sql-9"), selectedBySql(topic, "n >= 7", 3));
    }

    /**
     * Selectors whose results surprise: in 4.9.7 a property Java cannot parse as the literal's type ('7.5' against
     * the integer 5) fails the whole message unless OR already decided; NOT binds tighter than IS NULL; and
     * {@code 5 <> w} is TRUE when w is missing. Both brokers must deliver the same sets.
     */
    @Test
    default void sql92SelectsWhatRocketMq497Selects() throws Exception {
        String topic = fixture().createTopic("PushSqlEdge");
        String[][] properties = {{"v", "3", "w", "x"}, {"v", "7.5", "w", "x"}, {"v", "abc", "w", "x"}, {"v", "9"},
            {"w", "y"}, {"v", "10", "w", "x"}};
        for (int i = 0; i < properties.length; i++) {
            Message msg = new Message(topic, "TagA", bytes("edge-" + i));
            for (int p = 0; p < properties[i].length; p += 2) {
                msg.putUserProperty(properties[i][p], properties[i][p + 1]);
            }
            fixture().producer.send(msg);
        }
        assertEquals(Set.of("edge-0", "edge-3", "edge-5"), selectedBySql(topic, "v > 5 OR w = 'x'", 3));
        assertEquals(Set.of("edge-3", "edge-4"), selectedBySql(topic, "NOT v IS NULL OR 5 <> w", 2));
    }

    /** The bodies a fresh push consumer with selector {@code sql} receives: {@code count} of them, then 1 s quiet. */
    private Set<String> selectedBySql(String topic, String sql, int count) throws Exception {
        Map<String, Integer> received = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = pushConsumer(group("push_sql"), topic, MessageSelector.bySql(sql),
            collecting(received));
        consumer.start();
        try {
            Await.untilTrue(count + " selected bodies for " + sql, TIMEOUT, () -> received.size() >= count);
            Thread.sleep(1000);
            return new TreeSet<>(received.keySet());
        } finally {
            consumer.shutdown();
        }
    }

    /**
     * RECONSUME_LATER every time, with delay level 1 (1 s) so the retries come quickly: the consumer sees reconsume
     * times 0, 1, 2 (the original topic restored each time), then the broker moves the message to %DLQ%group.
     */
    @Test
    default void alwaysReconsumeLaterRetriesThenDeadLetters() throws Exception {
        String topic = fixture().createTopic("PushDlq");
        fixture().send(topic, "TagA", "poison", 2);
        String group = group("push_dlq");
        Map<String, List<String>> attempts = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = pushConsumer(group, topic, MessageSelector.byTag("*"), (msgs, ctx) -> {
            MessageExt msg = msgs.get(0);
            attempts.computeIfAbsent(body(msg), b -> Collections.synchronizedList(new ArrayList<>()))
                .add(msg.getReconsumeTimes() + "@" + msg.getTopic());
            ctx.setDelayLevelWhenNextConsume(1);
            return ConsumeConcurrentlyStatus.RECONSUME_LATER;
        });
        consumer.setMaxReconsumeTimes(MAX_RECONSUME_TIMES);
        consumer.start();
        String dlq = "%DLQ%" + group;
        try {
            TopicStatsTable stats = Await.until("2 messages in " + dlq, TIMEOUT,
                () -> fixture().admin.examineTopicStats(dlq),
                t -> t.getOffsetTable().values().stream().mapToLong(o -> o.getMaxOffset()).sum() == 2);
            assertEquals(1, stats.getOffsetTable().size(), "a DLQ has one queue");
            Thread.sleep(1500);
        } finally {
            consumer.shutdown();
        }
        for (String poison : List.of("poison-0", "poison-1")) {
            assertEquals(List.of("0@" + topic, "1@" + topic, "2@" + topic), attempts.get(poison), poison);
        }
        List<MessageExt> dead = readQueue(new MessageQueue(dlq, fixture().brokerName(), 0));
        assertEquals(List.of("poison-0", "poison-1"), dead.stream().map(ConsumerFixture::body).sorted().toList());
        for (MessageExt msg : dead) {
            assertEquals(dlq, msg.getTopic());
            assertEquals(topic, msg.getProperty(MessageConst.PROPERTY_RETRY_TOPIC));
            // the broker counts the send-back that dead-lettered it, as it counts every send-back
            assertEquals(MAX_RECONSUME_TIMES + 1, msg.getReconsumeTimes());
        }
    }

    /** Every message of {@code mq} from offset 0, read with CometMQ's pull consumer. */
    private List<MessageExt> readQueue(MessageQueue mq) throws Exception {
        DefaultMQPullConsumer reader = new DefaultMQPullConsumer(group("dlq_reader"));
        fixture().configure(reader);
        reader.start();
        try {
            List<MessageExt> all = new ArrayList<>();
            long offset = 0;
            for (int pulls = 0; pulls < 20; pulls++) {
                PullResult result = reader.pull(mq, "*", offset, 32);
                if (result.getPullStatus() != PullStatus.FOUND) {
                    return all;
                }
                all.addAll(result.getMsgFoundList());
                offset = result.getNextBeginOffset();
            }
            return all;
        } finally {
            reader.shutdown();
        }
    }

    @Test
    default void broadcastingDeliversEveryMessageToEveryConsumer() throws Exception {
        String topic = fixture().createTopic("PushBroadcast");
        List<String> sent = fixture().send(topic, "TagA", "bc", 40);
        String group = group("push_bc");
        Map<String, Integer> first = new ConcurrentHashMap<>();
        Map<String, Integer> second = new ConcurrentHashMap<>();
        DefaultMQPushConsumer a = pushConsumer(group, topic, MessageSelector.byTag("*"), collecting(first));
        DefaultMQPushConsumer b = pushConsumer(group, topic, MessageSelector.byTag("*"), collecting(second));
        a.setMessageModel(MessageModel.BROADCASTING);
        b.setMessageModel(MessageModel.BROADCASTING);
        a.start();
        b.start();
        try {
            Await.untilTrue("both consumers got 40", TIMEOUT, () -> first.size() == 40 && second.size() == 40);
            assertEquals(new TreeSet<>(sent), new TreeSet<>(first.keySet()));
            assertEquals(new TreeSet<>(sent), new TreeSet<>(second.keySet()));
            Thread.sleep(500);
            assertTrue(first.values().stream().allMatch(n -> n == 1) && second.values().stream().allMatch(n -> n == 1),
                "each consumer got each message once: " + first + " / " + second);
        } finally {
            a.shutdown();
            b.shutdown();
        }
    }
}
