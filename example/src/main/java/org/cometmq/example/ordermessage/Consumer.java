package org.cometmq.example.ordermessage;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cometmq.client.consumer.DefaultMQPushConsumer;
import org.cometmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.cometmq.client.consumer.listener.MessageListenerOrderly;
import org.cometmq.common.consumer.ConsumeFromWhere;
import org.cometmq.common.message.MessageExt;
import org.cometmq.example.ExampleArgs;

/**
 * Consumes the {@link Producer}'s orders with an orderly listener: one thread at a time per queue, so the
 * steps of each order arrive in sending order. Prints each step and flags any step out of order.
 * <p>Options: {@code -n} name server, {@code -t} topic (OrderTopic), {@code -g} group (order_consumer).
 * Runs until Ctrl-C.
 */
public class Consumer {

    public static void main(String[] args) throws Exception {
        ExampleArgs options = ExampleArgs.parse(args);
        Map<String, Integer> lastStepByOrder = new ConcurrentHashMap<>();

        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(options.get("-g", "order_consumer"));
        consumer.setNamesrvAddr(options.namesrvAddr());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(options.get("-t", "OrderTopic"), "*");
        consumer.registerMessageListener((MessageListenerOrderly) (msgs, context) -> {
            // Offsets are committed after each successful batch (the default).
            context.setAutoCommit(true);
            for (MessageExt msg : msgs) {
                int step = Arrays.asList(Producer.STEPS).indexOf(msg.getTags());
                Integer previous = lastStepByOrder.put(msg.getKeys(), step);
                boolean inOrder = previous == null ? step == 0 : step == previous + 1;
                System.out.printf("queue %d: %s%s%n", msg.getQueueId(),
                    new String(msg.getBody(), StandardCharsets.UTF_8), inOrder ? "" : "   <-- OUT OF ORDER");
            }
            return ConsumeOrderlyStatus.SUCCESS;
        });
        consumer.start();
        System.out.printf("Orderly consumer started.%n");
    }
}
