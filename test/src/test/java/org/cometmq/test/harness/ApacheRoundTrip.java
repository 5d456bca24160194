package org.cometmq.test.harness;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.cometmq.testkit.Await;

/** Sends numbered messages with an Apache producer and collects what an Apache push consumer receives. */
public final class ApacheRoundTrip {
    private static final Duration QUIET_AFTER_LAST = Duration.ofSeconds(1);

    private ApacheRoundTrip() {
    }

    /** The bodies {@link #send} uses: {@code prefix-0 .. prefix-(count-1)}. */
    public static List<String> bodies(String prefix, int count) {
        List<String> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            bodies.add(prefix + "-" + i);
        }
        return bodies;
    }

    /** Sends each body synchronously and fails on the first result that is not SEND_OK. */
    public static void send(DefaultMQProducer producer, String topic, List<String> bodies) throws Exception {
        for (String body : bodies) {
            SendResult result = producer.send(new Message(topic, "TagA", body.getBytes(StandardCharsets.UTF_8)));
            if (result.getSendStatus() != SendStatus.SEND_OK) {
                throw new AssertionError("send of '" + body + "' to " + topic + " returned " + result);
            }
        }
    }

    /**
     * Starts a push consumer of {@code group} on {@code topic}, waits until {@code expected} distinct bodies
     * arrived (bounded by {@code timeout}) plus a short quiet period to catch duplicates, and returns every
     * body received with how often it came.
     */
    public static Map<String, Integer> consume(String namesrvAddr, String group, String topic, int expected,
                                               Duration timeout) throws Exception {
        return consume(ApacheClients.pushConsumer(group, namesrvAddr), topic, expected, timeout);
    }

    /** As above with a consumer the caller configured (for example with an RPC hook), not yet started. */
    public static Map<String, Integer> consume(DefaultMQPushConsumer consumer, String topic, int expected,
                                               Duration timeout) throws Exception {
        Map<String, Integer> received = new ConcurrentHashMap<>();
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            for (MessageExt message : messages) {
                received.merge(new String(message.getBody(), StandardCharsets.UTF_8), 1, Integer::sum);
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        try {
            Await.until(expected + " distinct messages on " + topic, timeout, received::size, n -> n >= expected);
            Await.sleep(QUIET_AFTER_LAST);
        } finally {
            consumer.shutdown();
        }
        return new TreeMap<>(received);
    }
}
