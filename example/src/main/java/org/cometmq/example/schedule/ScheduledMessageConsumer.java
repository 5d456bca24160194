package org.cometmq.example.schedule;

import org.cometmq.client.consumer.DefaultMQPushConsumer;
import org.cometmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.cometmq.client.consumer.listener.MessageListenerConcurrently;
import org.cometmq.common.message.MessageExt;
import org.cometmq.example.ExampleArgs;

/**
 * Prints each delayed message with how long after sending it arrived.
 * <p>Options: {@code -n} name server, {@code -t} topic (ScheduledTopic), {@code -g} group
 * (scheduled_consumer). Runs until Ctrl-C.
 */
public class ScheduledMessageConsumer {

    public static void main(String[] args) throws Exception {
        ExampleArgs options = ExampleArgs.parse(args);
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(options.get("-g", "scheduled_consumer"));
        consumer.setNamesrvAddr(options.namesrvAddr());
        consumer.subscribe(options.get("-t", "ScheduledTopic"), "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
            for (MessageExt message : msgs) {
                System.out.printf("received %s %d ms after it was sent%n", message.getMsgId(),
                    System.currentTimeMillis() - message.getBornTimestamp());
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        System.out.printf("Scheduled message consumer started.%n");
    }
}
