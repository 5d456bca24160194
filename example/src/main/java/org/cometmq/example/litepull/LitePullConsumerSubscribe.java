package org.cometmq.example.litepull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cometmq.client.consumer.DefaultLitePullConsumer;
import org.cometmq.common.consumer.ConsumeFromWhere;
import org.cometmq.common.message.MessageExt;
import org.cometmq.example.ExampleArgs;

/**
 * Lite pull with subscribe: the application calls {@code poll()} in its own loop; queues are shared out
 * among the group's consumers (as for push consumers) and offsets are committed automatically.
 * <p>Options: {@code -n} name server, {@code -t} topic (TopicTest), {@code -g} group (lite_pull_consumer),
 * {@code -w} seconds to keep polling (30).
 */
public class LitePullConsumerSubscribe {

    public static void main(String[] args) throws Exception {
        ExampleArgs options = ExampleArgs.parse(args);
        DefaultLitePullConsumer consumer = new DefaultLitePullConsumer(options.get("-g", "lite_pull_consumer"));
        consumer.setNamesrvAddr(options.namesrvAddr());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(options.get("-t", "TopicTest"), "*");
        consumer.start();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.getInt("-w", 30));
        try {
            while (System.nanoTime() < deadline) {
                List<MessageExt> messages = consumer.poll(1000);
                for (MessageExt message : messages) {
                    System.out.printf("queue %d offset %d: %s%n", message.getQueueId(), message.getQueueOffset(),
                        new String(message.getBody(), StandardCharsets.UTF_8));
                }
            }
        } finally {
            consumer.shutdown();
        }
    }
}
