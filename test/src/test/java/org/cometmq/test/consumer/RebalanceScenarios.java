package org.cometmq.test.consumer;

import static org.cometmq.test.consumer.ConsumerFixture.QUEUES;
import static org.cometmq.test.consumer.ConsumerFixture.TIMEOUT;
import static org.cometmq.test.consumer.ConsumerFixture.body;
import static org.cometmq.test.consumer.ConsumerFixture.group;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.cometmq.client.consumer.DefaultMQPushConsumer;
import org.cometmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.cometmq.common.consumer.ConsumeFromWhere;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.Test;

/** A group of three CometMQ push consumers shares a topic; when one leaves, the others take its queues. */
interface RebalanceScenarios {
    Duration MOVE_TIMEOUT = Duration.ofSeconds(25);

    ConsumerFixture fixture();

    private DefaultMQPushConsumer member(String group, String topic, Map<String, Integer> received) throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        fixture().configure(consumer);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((org.cometmq.client.consumer.listener.MessageListenerConcurrently)
            (msgs, ctx) -> {
                msgs.forEach(m -> received.merge(body(m), 1, Integer::sum));
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
        return consumer;
    }

    private static Set<MessageQueue> owned(DefaultMQPushConsumer consumer, String topic) {
        Set<MessageQueue> result = new HashSet<>();
        for (MessageQueue mq : consumer.getDefaultMQPushConsumerImpl().getRebalanceImpl().getProcessQueueTable()
            .keySet()) {
            if (mq.getTopic().equals(topic)) {
                result.add(mq);
            }
        }
        return result;
    }

    /** True when the consumers' queues of {@code topic} are disjoint and cover all {@link ConsumerFixture#QUEUES}. */
    private static boolean partitioned(List<DefaultMQPushConsumer> consumers, String topic) {
        Set<MessageQueue> union = new HashSet<>();
        int total = 0;
        for (DefaultMQPushConsumer consumer : consumers) {
            Set<MessageQueue> mine = owned(consumer, topic);
            if (mine.isEmpty()) {
                return false;
            }
            union.addAll(mine);
            total += mine.size();
        }
        return union.size() == QUEUES && total == QUEUES;
    }

    @Test
    default void queuesOfALeavingConsumerMoveToTheOthersAndNothingIsLost() throws Exception {
        String topic = fixture().createTopic("Rebalance");
        String group = group("rebalance");
        Map<String, Integer> received = new ConcurrentHashMap<>();
        List<DefaultMQPushConsumer> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            members.add(member(group, topic, received));
        }
        for (DefaultMQPushConsumer member : members) {
            member.start();
        }
        List<String> sent = new ArrayList<>();
        try {
            Await.untilTrue("3 consumers sharing 4 queues", MOVE_TIMEOUT, () -> partitioned(members, topic));
            sent.addAll(fixture().send(topic, "TagA", "before", 100));
            Await.untilTrue("100 messages before the leave", TIMEOUT, () -> received.size() >= 100);

            DefaultMQPushConsumer leaving = members.remove(2);
            long leftAt = System.currentTimeMillis();
            leaving.shutdown();
            sent.addAll(fixture().send(topic, "TagA", "during", 100));
            Await.untilTrue("2 consumers covering all 4 queues", MOVE_TIMEOUT, () -> partitioned(members, topic));
            long movedAfter = System.currentTimeMillis() - leftAt;
            sent.addAll(fixture().send(topic, "TagA", "after", 100));
            Await.untilTrue("all 300 messages", TIMEOUT, () -> received.keySet().containsAll(sent));
            assertTrue(movedAfter < MOVE_TIMEOUT.toMillis(), "queues moved after " + movedAfter + " ms");
        } finally {
            members.forEach(DefaultMQPushConsumer::shutdown);
        }
        assertEquals(new TreeSet<>(sent), new TreeSet<>(received.keySet()));
        assertEquals(300, sent.size());
    }
}
