package org.cometmq.example.broadcast;

import java.nio.charset.StandardCharsets;
import org.cometmq.client.consumer.DefaultMQPushConsumer;
import org.cometmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.cometmq.client.consumer.listener.MessageListenerConcurrently;
import org.cometmq.common.consumer.ConsumeFromWhere;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.protocol.heartbeat.MessageModel;
import org.cometmq.example.ExampleArgs;

/**
 * Broadcasting: every consumer of the group receives every message (in the default clustering model each
 * message goes to one consumer of the group). Start two of these, then send with
 * {@link org.cometmq.example.quickstart.Producer}: both print all messages. Offsets are kept locally per
 * consumer, in {@code ~/.rocketmq_offsets}.
 * <p>Options: {@code -n} name server, {@code -t} topic (TopicTest), {@code -g} group (broadcast_consumer).
 * Runs until Ctrl-C.
 */
public class PushConsumer {

    public static void main(String[] args) throws Exception {
        ExampleArgs options = ExampleArgs.parse(args);
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(options.get("-g", "broadcast_consumer"));
        consumer.setNamesrvAddr(options.namesrvAddr());
        consumer.setMessageModel(MessageModel.BROADCASTING);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(options.get("-t", "TopicTest"), "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
            for (MessageExt message : msgs) {
                System.out.printf("%s received %s%n", Thread.currentThread().getName(),
                    new String(message.getBody(), StandardCharsets.UTF_8));
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        System.out.printf("Broadcast consumer started.%n");
    }
}
