package org.cometmq.test.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.common.message.Message;
import org.cometmq.client.consumer.DefaultMQPushConsumer;
import org.cometmq.client.consumer.MessageSelector;
import org.cometmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.cometmq.client.consumer.listener.MessageListenerConcurrently;
import org.cometmq.common.consumer.ConsumeFromWhere;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.heartbeat.MessageModel;
import org.cometmq.test.harness.ApacheBroker;
import org.cometmq.test.harness.Await;
import org.cometmq.test.harness.CrossProcess;
import org.junit.jupiter.api.Test;

/** CometMQ's push consumer (concurrent listener) against an Apache 4.9.7 broker fed by Apache's producer. */
@CrossProcess
class PushConsumerIT extends ConsumerItBase {

    @Override
    void configureBroker(ApacheBroker.Builder builder) {
        builder.property("enablePropertyFilter", "true");
    }

    private DefaultMQPushConsumer consumer(String group, String topic, String expression,
        MessageListenerConcurrently listener) throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        configure(consumer);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, expression);
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
    void concurrentConsumerGetsExactlyTheSentBodiesAndCommitsOffsets() throws Exception {
        String topic = createTopic("PushAll");
        List<String> sent = send(topic, "TagA", "all", 200);
        Map<String, Integer> received = new ConcurrentHashMap<>();
        String group = group("push_all");
        DefaultMQPushConsumer consumer = consumer(group, topic, "*", collecting(received));
        consumer.start();
        try {
            Await.untilTrue("200 distinct bodies", TIMEOUT, () -> received.size() == 200);
            assertEquals(new TreeSet<>(sent), new TreeSet<>(received.keySet()));
            // Commits reach the broker: every queue's committed offset ends at its max offset.
            long total = 0;
            for (MessageQueue mq : consumer.fetchSubscribeMessageQueues(topic)) {
                long max = consumer.maxOffset(mq);
                total += max;
                Await.untilTrue("commit of " + mq, TIMEOUT, () -> admin.examineConsumeStats(group).getOffsetTable()
                    .get(new org.apache.rocketmq.common.message.MessageQueue(mq.getTopic(), mq.getBrokerName(),
                        mq.getQueueId())).getConsumerOffset() == max);
            }
            assertEquals(200, total);
        } finally {
            consumer.shutdown();
        }
        assertTrue(received.values().stream().allMatch(n -> n == 1), "no duplicates in a quiet run: " + received);
    }

    @Test
    void tagExpressionDeliversOnlyMatchingTags() throws Exception {
        String topic = createTopic("PushTags");
        List<String> expected = new ArrayList<>(send(topic, "TagA", "a", 10));
        send(topic, "TagC", "c", 10);
        expected.addAll(send(topic, "TagB", "b", 10));
        Map<String, Integer> received = new ConcurrentHashMap<>();
        Set<String> tags = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer consumer = consumer(group("push_tags"), topic, "TagA || TagB", (msgs, ctx) -> {
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
    void sql92SelectorIsEvaluatedByTheBroker() throws Exception {
        String topic = createTopic("PushSql");
        for (int i = 0; i < 10; i++) {
            Message msg = new Message(topic, "TagA", ("sql-" + i).getBytes());
            msg.putUserProperty("n", Integer.toString(i));
            producer.send(msg);
        }
        Map<String, Integer> received = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group("push_sql"));
        configure(consumer);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, MessageSelector.bySql("n >= 7"));
        consumer.registerMessageListener(collecting(received));
        consumer.start();
        try {
            Await.untilTrue("3 selected bodies", TIMEOUT, () -> received.size() >= 3);
            Thread.sleep(1000);
            assertEquals(Set.of("sql-7", "sql-8", "sql-9"), received.keySet());
        } finally {
            consumer.shutdown();
        }
    }

    @Test
    void reconsumeLaterRedeliversThroughTheRetryTopic() throws Exception {
        String topic = createTopic("PushRetry");
        send(topic, "TagA", "retry", 3);
        Map<String, List<Integer>> attempts = new ConcurrentHashMap<>();
        Map<String, String> retryTopicSeen = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = consumer(group("push_retry"), topic, "*", (msgs, ctx) -> {
            MessageExt msg = msgs.get(0);
            attempts.computeIfAbsent(body(msg), b -> Collections.synchronizedList(new ArrayList<>()))
                .add(msg.getReconsumeTimes());
            if (msg.getReconsumeTimes() == 0) {
                ctx.setDelayLevelWhenNextConsume(1);
                return ConsumeConcurrentlyStatus.RECONSUME_LATER;
            }
            retryTopicSeen.put(body(msg), msg.getTopic() + "|" + msg.getProperty(MessageConst.PROPERTY_RETRY_TOPIC));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        try {
            Await.untilTrue("3 redeliveries", TIMEOUT, () -> retryTopicSeen.size() == 3);
            for (int i = 0; i < 3; i++) {
                assertEquals(List.of(0, 1), attempts.get("retry-" + i), "attempts of retry-" + i);
                // The listener sees the original topic again, restored from RETRY_TOPIC.
                assertEquals(topic + "|" + topic, retryTopicSeen.get("retry-" + i));
            }
        } finally {
            consumer.shutdown();
        }
    }

    @Test
    void broadcastingDeliversEveryMessageToEveryConsumer() throws Exception {
        String topic = createTopic("PushBroadcast");
        List<String> sent = send(topic, "TagA", "bc", 40);
        String group = group("push_bc");
        Map<String, Integer> first = new ConcurrentHashMap<>();
        Map<String, Integer> second = new ConcurrentHashMap<>();
        DefaultMQPushConsumer a = consumer(group, topic, "*", collecting(first));
        DefaultMQPushConsumer b = consumer(group, topic, "*", collecting(second));
        a.setMessageModel(MessageModel.BROADCASTING);
        b.setMessageModel(MessageModel.BROADCASTING);
        a.start();
        b.start();
        try {
            Await.untilTrue("both consumers got 40", TIMEOUT, () -> first.size() == 40 && second.size() == 40);
            assertEquals(new TreeSet<>(sent), new TreeSet<>(first.keySet()));
            assertEquals(new TreeSet<>(sent), new TreeSet<>(second.keySet()));
        } finally {
            a.shutdown();
            b.shutdown();
        }
    }
}
