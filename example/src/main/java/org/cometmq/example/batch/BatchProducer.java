package org.cometmq.example.batch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.client.producer.SendResult;
import org.cometmq.common.message.Message;
import org.cometmq.example.ExampleArgs;

/**
 * Batch sending: many messages of one topic in one request. Messages of a batch share the topic and
 * {@code waitStoreMsgOK}, and may not be delayed. Large lists are cut by {@link BatchSplitter}.
 * <p>Options: {@code -n} name server, {@code -t} topic (BatchTopic), {@code -c} count (100),
 * {@code -s} body size in bytes (1024), {@code -b} batch size limit in bytes (1 MiB).
 */
public class BatchProducer {

    public static void main(String[] args) throws Exception {
        ExampleArgs options = ExampleArgs.parse(args);
        String topic = options.get("-t", "BatchTopic");
        int count = options.getInt("-c", 100);
        byte[] body = "x".repeat(options.getInt("-s", 1024)).getBytes(StandardCharsets.UTF_8);

        DefaultMQProducer producer = new DefaultMQProducer("batch_producer");
        producer.setNamesrvAddr(options.namesrvAddr());
        producer.start();

        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(new Message(topic, "TagA", "batch-" + i, body));
        }
        BatchSplitter batches = new BatchSplitter(messages, options.getInt("-b", 1024 * 1024));
        while (batches.hasNext()) {
            List<Message> batch = batches.next();
            SendResult result = producer.send(batch);
            System.out.printf("sent a batch of %d messages to queue %d: %s%n", batch.size(),
                result.getMessageQueue().getQueueId(), result.getSendStatus());
        }
        producer.shutdown();
    }
}
