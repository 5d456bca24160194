package org.cometmq.example.quickstart;

import java.nio.charset.StandardCharsets;
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.client.producer.SendResult;
import org.cometmq.client.producer.SendStatus;
import org.cometmq.common.message.Message;
import org.cometmq.example.ExampleArgs;

/**
 * Sends a few messages synchronously and prints each send result.
 * <p>Options: {@code -n} name server (default $NAMESRV_ADDR, else 127.0.0.1:9876), {@code -t} topic
 * (TopicTest), {@code -c} how many (10), {@code -a} tag (TagA). The last line reads
 * {@code Sent N of M messages to topic T}; the exit code is 0 only when every message was stored.
 */
public class Producer {

    public static void main(String[] args) throws Exception {
        ExampleArgs options = ExampleArgs.parse(args);
        String topic = options.get("-t", "TopicTest");
        String tag = options.get("-a", "TagA");
        int count = options.getInt("-c", 10);

        DefaultMQProducer producer = new DefaultMQProducer("quickstart_producer");
        producer.setNamesrvAddr(options.namesrvAddr());
        producer.start();

        int stored = 0;
        for (int i = 0; i < count; i++) {
            Message message = new Message(topic, tag, ("Hello CometMQ " + i).getBytes(StandardCharsets.UTF_8));
            try {
                SendResult result = producer.send(message);
                System.out.printf("%s%n", result);
                if (result.getSendStatus() == SendStatus.SEND_OK) {
                    stored++;
                }
            } catch (Exception e) {
                // keep going: the summary line below tells how many made it
                System.err.printf("message %d not sent: %s%n", i, e);
            }
        }
        producer.shutdown();
        System.out.printf("Sent %d of %d messages to topic %s%n", stored, count, topic);
        System.exit(stored == count ? 0 : 1);
    }
}
