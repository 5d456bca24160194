package org.cometmq.example.quickstart;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cometmq.client.consumer.DefaultMQPushConsumer;
import org.cometmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.cometmq.client.consumer.listener.MessageListenerConcurrently;
import org.cometmq.common.consumer.ConsumeFromWhere;
import org.cometmq.common.message.MessageExt;
import org.cometmq.example.ExampleArgs;

/**
 * A push consumer that prints every message it receives.
 * <p>Options: {@code -n} name server, {@code -t} topic (TopicTest), {@code -g} group (quickstart_consumer),
 * {@code -s} tag expression (*), {@code -c} stop after this many distinct messages (default 0: run until
 * Ctrl-C), {@code -w} with -c, give up after this many seconds (60). With -c the last line reads
 * {@code Received N of M messages from topic T} and the exit code is 0 only when all M arrived.
 */
public class Consumer {

    public static void main(String[] args) throws Exception {
        ExampleArgs options = ExampleArgs.parse(args);
        String topic = options.get("-t", "TopicTest");
        int expected = options.getInt("-c", 0);
        int waitSeconds = options.getInt("-w", 60);
        Set<String> receivedIds = ConcurrentHashMap.newKeySet();
        CountDownLatch allReceived = new CountDownLatch(1);

        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(options.get("-g", "quickstart_consumer"));
        consumer.setNamesrvAddr(options.namesrvAddr());
        // A group seen for the first time starts at the oldest message, so messages sent before start arrive too.
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, options.get("-s", "*"));
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
            for (MessageExt msg : msgs) {
                System.out.printf("%s received msgId=%s queueId=%d tags=%s body=%s%n",
                    Thread.currentThread().getName(), msg.getMsgId(), msg.getQueueId(), msg.getTags(),
                    new String(msg.getBody(), StandardCharsets.UTF_8));
                // Count distinct ids: delivery is at-least-once, so a message may come twice.
                if (receivedIds.add(msg.getMsgId()) && expected > 0 && receivedIds.size() >= expected) {
                    allReceived.countDown();
                }
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        System.out.printf("Consumer started.%n");

        if (expected <= 0) {
            Runtime.getRuntime().addShutdownHook(new Thread(consumer::shutdown, "ConsumerShutdownHook"));
            new CountDownLatch(1).await();
        }
        boolean complete = allReceived.await(waitSeconds, TimeUnit.SECONDS);
        consumer.shutdown();
        System.out.printf("Received %d of %d messages from topic %s%n", receivedIds.size(), expected, topic);
        System.exit(complete ? 0 : 1);
    }
}
