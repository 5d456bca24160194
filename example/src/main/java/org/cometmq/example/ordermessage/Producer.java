package org.cometmq.example.ordermessage;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.client.producer.MessageQueueSelector;
import org.cometmq.client.producer.SendResult;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.example.ExampleArgs;

/**
 * Ordered messages: every step of one order goes to the same queue, chosen by order id, so a
 * {@link Consumer} with an orderly listener sees each order's steps in the order they were sent.
 * <p>Options: {@code -n} name server, {@code -t} topic (OrderTopic), {@code -c} number of orders (10).
 */
public class Producer {
    static final String[] STEPS = {"created", "paid", "shipped", "delivered"};

    public static void main(String[] args) throws Exception {
        ExampleArgs options = ExampleArgs.parse(args);
        String topic = options.get("-t", "OrderTopic");
        int orders = options.getInt("-c", 10);

        DefaultMQProducer producer = new DefaultMQProducer("order_producer");
        producer.setNamesrvAddr(options.namesrvAddr());
        producer.start();

        // The same order id always maps to the same queue; queues keep their messages in order.
        MessageQueueSelector byOrderId = (List<MessageQueue> mqs, Message msg, Object arg) ->
            mqs.get(Math.floorMod((Integer) arg, mqs.size()));

        for (String step : STEPS) {
            for (int orderId = 0; orderId < orders; orderId++) {
                String body = "order " + orderId + " " + step;
                Message msg = new Message(topic, step, "order-" + orderId, body.getBytes(StandardCharsets.UTF_8));
                SendResult result = producer.send(msg, byOrderId, orderId);
                System.out.printf("%-24s -> queue %d, %s%n", body, result.getMessageQueue().getQueueId(),
                    result.getSendStatus());
            }
        }
        producer.shutdown();
    }
}
