package org.cometmq.test.consumer;

import static org.cometmq.test.consumer.ConsumerFixture.QUEUES;
import static org.cometmq.test.consumer.ConsumerFixture.TIMEOUT;
import static org.cometmq.test.consumer.ConsumerFixture.body;
import static org.cometmq.test.consumer.ConsumerFixture.group;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.cometmq.client.consumer.DefaultMQPushConsumer;
import org.cometmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.cometmq.client.consumer.listener.MessageListenerOrderly;
import org.cometmq.common.consumer.ConsumeFromWhere;
import org.cometmq.common.message.MessageExt;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.Test;

/** CometMQ's orderly push consumer: per-queue order over 10,000 messages, and suspend-then-retry in place. */
interface OrderlyScenarios {
    int PER_QUEUE = 2_500;
    int BATCH = 100;

    ConsumerFixture fixture();

    /** Sends {@code q<queue>-<seq>} to each queue in order, in batches that keep their order within a queue. */
    private void sendOrdered(String topic, String brokerName) throws Exception {
        for (int queue = 0; queue < QUEUES; queue++) {
            MessageQueue mq = new MessageQueue(topic, brokerName, queue);
            for (int from = 0; from < PER_QUEUE; from += BATCH) {
                List<Message> batch = new ArrayList<>(BATCH);
                for (int seq = from; seq < from + BATCH; seq++) {
                    batch.add(new Message(topic, "TagA", ("q" + queue + "-" + seq).getBytes(StandardCharsets.UTF_8)));
                }
                SendResult result = fixture().producer.send(batch, mq);
                if (result.getSendStatus() != SendStatus.SEND_OK) {
                    throw new AssertionError("batch to " + mq + " returned " + result);
                }
            }
        }
    }

    private DefaultMQPushConsumer orderlyConsumer(String topic, MessageListenerOrderly listener) throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group("orderly"));
        fixture().configure(consumer);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener(listener);
        return consumer;
    }

    @Test
    default void tenThousandMessagesArriveInQueueOrder() throws Exception {
        String topic = fixture().createTopic("Orderly");
        sendOrdered(topic, fixture().brokerName());
        Map<Integer, List<String>> perQueue = new ConcurrentHashMap<>();
        Map<Integer, Long> lastOffset = new ConcurrentHashMap<>();
        AtomicInteger outOfOrder = new AtomicInteger();
        AtomicInteger concurrentSameQueue = new AtomicInteger();
        Map<Integer, AtomicInteger> inListener = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = orderlyConsumer(topic, (msgs, ctx) -> {
            int queue = ctx.getMessageQueue().getQueueId();
            if (inListener.computeIfAbsent(queue, q -> new AtomicInteger()).incrementAndGet() > 1) {
                concurrentSameQueue.incrementAndGet();
            }
            for (MessageExt msg : msgs) {
                Long previous = lastOffset.put(queue, msg.getQueueOffset());
                if (previous != null && previous + 1 != msg.getQueueOffset()) {
                    outOfOrder.incrementAndGet();
                }
                perQueue.computeIfAbsent(queue, q -> Collections.synchronizedList(new ArrayList<>())).add(body(msg));
            }
            inListener.get(queue).decrementAndGet();
            return ConsumeOrderlyStatus.SUCCESS;
        });
        consumer.start();
        try {
            Await.untilTrue("10,000 messages", Duration.ofSeconds(60),
                () -> perQueue.values().stream().mapToInt(List::size).sum() >= QUEUES * PER_QUEUE);
        } finally {
            consumer.shutdown();
        }
        assertEquals(0, outOfOrder.get(), "offsets out of order");
        assertEquals(0, concurrentSameQueue.get(), "two batches of one queue ran at once");
        for (int queue = 0; queue < QUEUES; queue++) {
            List<String> bodies = perQueue.get(queue);
            assertEquals(PER_QUEUE, bodies.size(), "queue " + queue);
            for (int seq = 0; seq < PER_QUEUE; seq++) {
                assertEquals("q" + queue + "-" + seq, bodies.get(seq));
            }
        }
    }

    @Test
    default void suspendedMessageIsConsumedAgainBeforeTheNextOne() throws Exception {
        String topic = fixture().createTopic("OrderlySuspend");
        MessageQueue mq = new MessageQueue(topic, fixture().brokerName(), 1);
        for (int i = 0; i < 3; i++) {
            fixture().producer.send(new Message(topic, "TagA", ("s-" + i).getBytes(StandardCharsets.UTF_8)), mq);
        }
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        DefaultMQPushConsumer consumer = orderlyConsumer(topic, (msgs, ctx) -> {
            MessageExt msg = msgs.get(0);
            seen.add(body(msg) + "#" + msg.getReconsumeTimes());
            if (body(msg).equals("s-1") && msg.getReconsumeTimes() == 0) {
                ctx.setSuspendCurrentQueueTimeMillis(200);
                return ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT;
            }
            return ConsumeOrderlyStatus.SUCCESS;
        });
        consumer.start();
        try {
            Await.untilTrue("4 deliveries", TIMEOUT, () -> seen.size() >= 4);
            Thread.sleep(500);
        } finally {
            consumer.shutdown();
        }
        assertEquals(List.of("s-0#0", "s-1#0", "s-1#1", "s-2#0"), seen);
    }
}
