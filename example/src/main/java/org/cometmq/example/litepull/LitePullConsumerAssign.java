package org.cometmq.example.litepull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cometmq.client.consumer.DefaultLitePullConsumer;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.example.ExampleArgs;

/**
 * Lite pull with assign: the application picks the queues itself (no rebalance), seeks to an offset and
 * commits explicitly after processing, so a crash before {@code commitSync()} replays the batch.
 * <p>Options: {@code -n} name server, {@code -t} topic (TopicTest), {@code -g} group
 * (lite_pull_assign_consumer), {@code -o} offset to start every queue from (0), {@code -w} seconds to keep
 * polling (30).
 */
public class LitePullConsumerAssign {

    public static void main(String[] args) throws Exception {
        ExampleArgs options = ExampleArgs.parse(args);
        DefaultLitePullConsumer consumer =
            new DefaultLitePullConsumer(options.get("-g", "lite_pull_assign_consumer"));
        consumer.setNamesrvAddr(options.namesrvAddr());
        consumer.setAutoCommit(false);
        consumer.start();

        Collection<MessageQueue> queues = consumer.fetchMessageQueues(options.get("-t", "TopicTest"));
        List<MessageQueue> assigned = new ArrayList<>(queues);
        consumer.assign(assigned);
        for (MessageQueue queue : assigned) {
            consumer.seek(queue, options.getInt("-o", 0));
        }
        System.out.printf("Assigned %d queues: %s%n", assigned.size(), assigned);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.getInt("-w", 30));
        try {
            while (System.nanoTime() < deadline) {
                List<MessageExt> messages = consumer.poll(1000);
                for (MessageExt message : messages) {
                    System.out.printf("queue %d offset %d: %s%n", message.getQueueId(), message.getQueueOffset(),
                        new String(message.getBody(), StandardCharsets.UTF_8));
                }
                // Processing done: record the offsets of everything polled so far.
                consumer.commitSync();
            }
        } finally {
            consumer.shutdown();
        }
    }
}
