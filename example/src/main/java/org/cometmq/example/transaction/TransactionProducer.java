package org.cometmq.example.transaction;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.cometmq.client.producer.SendResult;
import org.cometmq.client.producer.TransactionMQProducer;
import org.cometmq.common.message.Message;
import org.cometmq.example.ExampleArgs;

/**
 * Transactional messages: each message is first stored as a "half" message that consumers cannot see; the
 * local transaction's outcome then commits (delivered) or rolls it back (dropped). For outcomes the
 * producer left unknown the broker asks back ({@link TransactionListenerImpl#checkLocalTransaction}), by
 * default after 6 s and then every 60 s, so this example keeps running for a while.
 * <p>Options: {@code -n} name server, {@code -t} topic (TransactionTopic), {@code -c} count (9),
 * {@code -w} seconds to stay up for check-backs (90).
 */
public class TransactionProducer {

    public static void main(String[] args) throws Exception {
        ExampleArgs options = ExampleArgs.parse(args);
        String topic = options.get("-t", "TransactionTopic");
        int count = options.getInt("-c", 9);

        TransactionMQProducer producer = new TransactionMQProducer("transaction_producer");
        producer.setNamesrvAddr(options.namesrvAddr());
        ExecutorService checkExecutor = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(1000), runnable -> new Thread(runnable, "transaction-check"));
        producer.setExecutorService(checkExecutor);
        producer.setTransactionListener(new TransactionListenerImpl());
        producer.start();

        for (int i = 0; i < count; i++) {
            Message message = new Message(topic, "TagA", "order-" + i,
                ("transactional message " + i).getBytes(StandardCharsets.UTF_8));
            SendResult result = producer.sendMessageInTransaction(message, i);
            System.out.printf("half message %s of order-%d: %s%n", result.getMsgId(), i, result.getSendStatus());
        }

        int waitSeconds = options.getInt("-w", 90);
        System.out.printf("Waiting %d s for the broker to check back unknown transactions...%n", waitSeconds);
        TimeUnit.SECONDS.sleep(waitSeconds);
        producer.shutdown();
        checkExecutor.shutdown();
    }
}
