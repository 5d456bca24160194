package org.cometmq.test.broker;

import static org.cometmq.test.broker.BrokerFixture.bytes;
import static org.cometmq.test.broker.BrokerFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.cometmq.test.harness.CrossProcess;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of a SYNC_FLUSH broker in the middle of a send load: after a restart on the same store, every message
 * the broker acknowledged SEND_OK is delivered.
 */
@CrossProcess
class BrokerCrashIT {
    private static final int MAX_MESSAGES = 3_000;
    private static final int KILL_AFTER_ACKS = 400;
    private static final Duration LOAD_LIMIT = Duration.ofSeconds(60);
    private static final Duration CONSUME_TIMEOUT = Duration.ofSeconds(90);

    @Test
    void everyAcknowledgedMessageSurvivesKillMinus9() throws Exception {
        try (BrokerFixture fixture = BrokerFixture.start("crash", Map.of("flushDiskType", "SYNC_FLUSH"))) {
            assertEquals("SYNC_FLUSH",
                fixture.admin.getBrokerConfig(fixture.broker.address()).getProperty("flushDiskType"));
            String topic = fixture.createTopic("Crash", 4, 6);
            DefaultMQProducer producer = fixture.producer("crash");
            producer.setRetryTimesWhenSendFailed(0);
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            CountDownLatch enoughAcks = new CountDownLatch(KILL_AFTER_ACKS);
            AtomicBoolean stop = new AtomicBoolean();
            Thread load = new Thread(() -> sendUntilStopped(producer, topic, acknowledged, enoughAcks, stop), "crash-load");
            load.start();
            try {
                assertTrue(enoughAcks.await(LOAD_LIMIT.toSeconds(), TimeUnit.SECONDS), "the load never got "
                    + KILL_AFTER_ACKS + " acknowledgements");
                fixture.broker.kill9();
            } finally {
                stop.set(true);
                load.join(TimeUnit.SECONDS.toMillis(30));
            }
            Set<String> acked = new TreeSet<>(acknowledged);
            fixture.broker.restart();

            Map<String, Integer> received = new ConcurrentHashMap<>();
            DefaultMQPushConsumer consumer = fixture.pushConsumer(BrokerFixture.unique("crash_cg"));
            consumer.subscribe(topic, "*");
            consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
                msgs.forEach(m -> received.merge(text(m.getBody()), 1, Integer::sum));
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumer.start();
            Await.until("every acknowledged message after the restart", CONSUME_TIMEOUT,
                () -> missing(acked, received.keySet()), Set::isEmpty);
            assertTrue(acked.size() >= KILL_AFTER_ACKS, "acknowledged " + acked.size());
        }
    }

    private static Set<String> missing(Set<String> acked, Set<String> received) {
        Set<String> missing = new HashSet<>(acked);
        missing.removeAll(received);
        return missing;
    }

    /** Sends numbered messages one by one until stopped, the bound is hit or the broker is gone. */
    private static void sendUntilStopped(DefaultMQProducer producer, String topic, Set<String> acknowledged,
                                         CountDownLatch enoughAcks, AtomicBoolean stop) {
        long deadline = System.nanoTime() + LOAD_LIMIT.toNanos();
        for (int i = 0; i < MAX_MESSAGES && !stop.get() && System.nanoTime() < deadline; i++) {
            String body = "crash-" + i;
            try {
                SendResult result = producer.send(new Message(topic, "TagA", bytes(body)), 3_000);
                if (result.getSendStatus() == SendStatus.SEND_OK) {
                    acknowledged.add(body);
                    enoughAcks.countDown();
                }
            } catch (Exception e) {
                if (stop.get()) {
                    return;
                }
            }
        }
    }
}
