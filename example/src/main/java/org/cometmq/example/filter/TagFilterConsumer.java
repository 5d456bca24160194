package org.cometmq.example.filter;

import java.nio.charset.StandardCharsets;
import org.cometmq.client.consumer.DefaultMQPushConsumer;
import org.cometmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.cometmq.client.consumer.listener.MessageListenerConcurrently;
import org.cometmq.common.consumer.ConsumeFromWhere;
import org.cometmq.common.message.MessageExt;
import org.cometmq.example.ExampleArgs;

/**
 * Subscribes with a tag expression: only messages whose tag is listed are delivered (the broker filters by
 * tag hash, the client re-checks the tag itself).
 * <p>Options: {@code -n} name server, {@code -t} topic (TagFilterTopic), {@code -g} group
 * (tag_filter_consumer), {@code -s} expression ("TagA || TagC"). Runs until Ctrl-C.
 */
public class TagFilterConsumer {

    public static void main(String[] args) throws Exception {
        ExampleArgs options = ExampleArgs.parse(args);
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(options.get("-g", "tag_filter_consumer"));
        consumer.setNamesrvAddr(options.namesrvAddr());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(options.get("-t", "TagFilterTopic"), options.get("-s", "TagA || TagC"));
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
            for (MessageExt message : msgs) {
                System.out.printf("received %s: %s%n", message.getTags(),
                    new String(message.getBody(), StandardCharsets.UTF_8));
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        System.out.printf("Tag filter consumer started.%n");
    }
}
