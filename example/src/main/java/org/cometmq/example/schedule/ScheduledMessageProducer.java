package org.cometmq.example.schedule;

import java.nio.charset.StandardCharsets;
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.client.producer.SendResult;
import org.cometmq.common.message.Message;
import org.cometmq.example.ExampleArgs;

/**
 * Delayed delivery: a message with delay level L is held by the broker and delivered after the L-th entry of
 * the broker's {@code messageDelayLevel} list (default "1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m
 * 1h 2h"; level 3 is 10 s). Run {@link ScheduledMessageConsumer} to see them arrive late.
 * <p>Options: {@code -n} name server, {@code -t} topic (ScheduledTopic), {@code -c} count (10),
 * {@code -l} delay level (3).
 */
public class ScheduledMessageProducer {

    public static void main(String[] args) throws Exception {
        ExampleArgs options = ExampleArgs.parse(args);
        String topic = options.get("-t", "ScheduledTopic");
        int count = options.getInt("-c", 10);
        int delayLevel = options.getInt("-l", 3);

        DefaultMQProducer producer = new DefaultMQProducer("scheduled_producer");
        producer.setNamesrvAddr(options.namesrvAddr());
        producer.start();
        for (int i = 0; i < count; i++) {
            Message message = new Message(topic, ("Delayed message " + i).getBytes(StandardCharsets.UTF_8));
            message.setDelayTimeLevel(delayLevel);
            SendResult result = producer.send(message);
            System.out.printf("sent %s with delay level %d: %s%n", result.getMsgId(), delayLevel,
                result.getSendStatus());
        }
        producer.shutdown();
    }
}
