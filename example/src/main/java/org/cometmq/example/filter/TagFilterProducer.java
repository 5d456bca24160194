package org.cometmq.example.filter;

import java.nio.charset.StandardCharsets;
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.client.producer.SendResult;
import org.cometmq.common.message.Message;
import org.cometmq.example.ExampleArgs;

/**
 * Sends messages tagged TagA, TagB and TagC in turn; {@link TagFilterConsumer} receives only some of them.
 * <p>Options: {@code -n} name server, {@code -t} topic (TagFilterTopic), {@code -c} count (12).
 */
public class TagFilterProducer {

    public static void main(String[] args) throws Exception {
        ExampleArgs options = ExampleArgs.parse(args);
        String topic = options.get("-t", "TagFilterTopic");
        int count = options.getInt("-c", 12);
        String[] tags = {"TagA", "TagB", "TagC"};

        DefaultMQProducer producer = new DefaultMQProducer("tag_filter_producer");
        producer.setNamesrvAddr(options.namesrvAddr());
        producer.start();
        for (int i = 0; i < count; i++) {
            String tag = tags[i % tags.length];
            byte[] body = ("message " + i + " with " + tag).getBytes(StandardCharsets.UTF_8);
            Message message = new Message(topic, tag, body);
            SendResult result = producer.send(message);
            System.out.printf("sent %s (%s): %s%n", result.getMsgId(), tag, result.getSendStatus());
        }
        producer.shutdown();
    }
}
