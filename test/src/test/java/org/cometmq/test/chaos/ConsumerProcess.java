package org.cometmq.test.chaos;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.cometmq.client.consumer.DefaultMQPushConsumer;
import org.cometmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.cometmq.client.consumer.listener.MessageListenerConcurrently;
import org.cometmq.common.consumer.ConsumeFromWhere;
import org.cometmq.common.message.MessageExt;

/**
 * A push consumer in its own JVM, for killing it with -9 in the middle of a batch. It writes {@code B} when a
 * batch starts, one line per message id as it consumes it, and {@code E} when the batch is done, straight to the
 * file (no user-space buffer, so the lines survive kill -9); it pauses half-way through every batch.
 * Arguments: name server address, group, topic, output file.
 */
public final class ConsumerProcess {
    private ConsumerProcess() {
    }

    public static void main(String[] args) throws Exception {
        OutputStream out = new FileOutputStream(args[3], true);
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(args[1]);
        consumer.setNamesrvAddr(args[0]);
        consumer.setInstanceName("chaos_consumer_process_" + ProcessHandle.current().pid());
        consumer.setVipChannelEnabled(false);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setConsumeMessageBatchMaxSize(16);
        consumer.setConsumeThreadMin(2);
        consumer.setConsumeThreadMax(2);
        consumer.setPersistConsumerOffsetInterval(200);
        consumer.subscribe(args[2], "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            try {
                write(out, "B");
                for (int i = 0; i < messages.size(); i++) {
                    MessageExt message = messages.get(i);
                    write(out, new String(message.getBody(), StandardCharsets.UTF_8));
                    if (i == messages.size() / 2) {
                        TimeUnit.MILLISECONDS.sleep(200); // a wide window for the kill to land inside a batch
                    }
                }
                write(out, "E");
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            } catch (IOException | InterruptedException e) {
                return ConsumeConcurrentlyStatus.RECONSUME_LATER;
            }
        });
        consumer.start();
        System.out.println("consumer started");
        Thread.sleep(Long.MAX_VALUE);
    }

    private static synchronized void write(OutputStream out, String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
