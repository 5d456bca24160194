package org.cometmq.test.spring.comet;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cometmq.client.producer.SendCallback;
import org.cometmq.client.producer.SendResult;
import org.cometmq.spring.annotation.ConsumeMode;
import org.cometmq.spring.annotation.ExtRocketMQTemplateConfiguration;
import org.cometmq.spring.annotation.RocketMQMessageListener;
import org.cometmq.spring.annotation.RocketMQTransactionListener;
import org.cometmq.spring.annotation.SelectorType;
import org.cometmq.spring.core.RocketMQListener;
import org.cometmq.spring.core.RocketMQLocalTransactionListener;
import org.cometmq.spring.core.RocketMQLocalTransactionState;
import org.cometmq.spring.core.RocketMQReplyListener;
import org.cometmq.spring.core.RocketMQTemplate;
import org.cometmq.test.spring.Order;
import org.cometmq.test.spring.Received;
import org.cometmq.test.spring.SpringApp;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/** The application on CometMQ's starter: auto-configured through Boot 3's AutoConfiguration.imports. */
public final class CometSpringApp implements SpringApp {
    private final ConfigurableApplicationContext context;
    private final RocketMQTemplate template;

    private CometSpringApp(ConfigurableApplicationContext context) {
        this.context = context;
        this.template = context.getBean("rocketMQTemplate", RocketMQTemplate.class);
    }

    /** Starts the application against {@code namesrvAddr}. */
    public static CometSpringApp start(String namesrvAddr, String groupPrefix) {
        return new CometSpringApp(new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE)
            .properties(SpringApp.properties(namesrvAddr, groupPrefix)).run());
    }

    @Override
    public String starter() {
        return "comet";
    }

    @Override
    public Received received() {
        return context.getBean(Received.class);
    }

    @Override
    public String syncSend(String destination, Object payload) {
        return template.syncSend(destination, payload).getSendStatus().name();
    }

    @Override
    public String syncSendWithHeaders(String destination, Object payload, Map<String, Object> headers) {
        Message<Object> message = MessageBuilder.withPayload(payload).copyHeaders(headers).build();
        return template.syncSend(destination, message).getSendStatus().name();
    }

    @Override
    public String asyncSend(String destination, Object payload) throws Exception {
        Callback callback = new Callback();
        template.asyncSend(destination, payload, callback);
        return callback.status();
    }

    @Override
    public void sendOneWay(String destination, Object payload) {
        template.sendOneWay(destination, payload);
    }

    @Override
    public void convertAndSend(String destination, Object payload) {
        template.convertAndSend(destination, payload);
    }

    @Override
    public String syncSendDelayed(String destination, Object payload, int delayLevel) {
        Message<Object> message = MessageBuilder.withPayload(payload).build();
        return template.syncSend(destination, message, 10_000, delayLevel).getSendStatus().name();
    }

    @Override
    public String syncSendBatch(String destination, List<String> payloads) {
        List<Message<String>> messages = payloads.stream().map(p -> MessageBuilder.withPayload(p).build()).toList();
        return template.syncSend(destination, messages).getSendStatus().name();
    }

    @Override
    public String syncSendOrderly(String destination, Object payload, String hashKey) {
        return template.syncSendOrderly(destination, payload, hashKey).getSendStatus().name();
    }

    @Override
    public String asyncSendOrderly(String destination, Object payload, String hashKey) throws Exception {
        Callback callback = new Callback();
        template.asyncSendOrderly(destination, payload, hashKey, callback);
        return callback.status();
    }

    @Override
    public void sendOneWayOrderly(String destination, Object payload, String hashKey) {
        template.sendOneWayOrderly(destination, payload, hashKey);
    }

    @Override
    public String sendInTransaction(String destination, Object payload, String arg) {
        Message<Object> message = MessageBuilder.withPayload(payload).build();
        return template.sendMessageInTransaction(destination, message, arg).getLocalTransactionState().name();
    }

    @Override
    public String sendAndReceive(String destination, String request, long timeoutMillis) {
        return template.sendAndReceive(destination, request, String.class, timeoutMillis);
    }

    @Override
    public String extSyncSend(String destination, Object payload) {
        return context.getBean(ExtTemplate.class).syncSend(destination, payload).getSendStatus().name();
    }

    @Override
    public List<String> receive(long timeoutMillis) {
        return template.receive(String.class, timeoutMillis);
    }

    @Override
    public void close() {
        context.close();
    }

    private static final class Callback implements SendCallback {
        private final CompletableFuture<String> status = new CompletableFuture<>();

        @Override
        public void onSuccess(SendResult sendResult) {
            status.complete(sendResult.getSendStatus().name());
        }

        @Override
        public void onException(Throwable e) {
            status.completeExceptionally(e);
        }

        String status() throws Exception {
            return status.get(15, TimeUnit.SECONDS);
        }
    }

    /** The application: its listeners and the recorder they write to. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({PojoListener.class, StringListener.class, BytesListener.class, OrderlyListener.class,
        FailingListener.class, TagListener.class, SqlListener.class, TxTopicListener.class, ReplyListener.class,
        TxListener.class, ExtTemplate.class})
    public static class Application {
        @Bean
        Received received() {
            return new Received();
        }
    }

    @RocketMQMessageListener(topic = "${it.topic.pojo}", consumerGroup = "${it.group-prefix}_pojo")
    record PojoListener(Received received) implements RocketMQListener<Order> {
        @Override
        public void onMessage(Order message) {
            received.add("pojo", message);
        }
    }

    @RocketMQMessageListener(topic = "${it.topic.string}", consumerGroup = "${it.group-prefix}_string")
    record StringListener(Received received) implements RocketMQListener<String> {
        @Override
        public void onMessage(String message) {
            received.add("string", message);
        }
    }

    @RocketMQMessageListener(topic = "${it.topic.bytes}", consumerGroup = "${it.group-prefix}_bytes")
    record BytesListener(Received received) implements RocketMQListener<byte[]> {
        @Override
        public void onMessage(byte[] message) {
            received.add("bytes", HexFormat.of().formatHex(message));
        }
    }

    @RocketMQMessageListener(topic = "${it.topic.orderly}", consumerGroup = "${it.group-prefix}_orderly",
        consumeMode = ConsumeMode.ORDERLY)
    record OrderlyListener(Received received) implements RocketMQListener<String> {
        @Override
        public void onMessage(String message) {
            received.add("orderly", message);
        }
    }

    @RocketMQMessageListener(topic = "${it.topic.failing}", consumerGroup = "${it.group-prefix}_failing",
        delayLevelWhenNextConsume = 1)
    record FailingListener(Received received) implements RocketMQListener<String> {
        @Override
        public void onMessage(String message) {
            if (received.add("failing", message) == 1) {
                throw new IllegalStateException("first delivery of " + message + " fails on purpose");
            }
        }
    }

    @RocketMQMessageListener(topic = "${it.topic.tag}", consumerGroup = "${it.group-prefix}_tag",
        selectorExpression = "${it.tag-selector}")
    record TagListener(Received received) implements RocketMQListener<String> {
        @Override
        public void onMessage(String message) {
            received.add("tag", message);
        }
    }

    @RocketMQMessageListener(topic = "${it.topic.sql}", consumerGroup = "${it.group-prefix}_sql",
        selectorType = SelectorType.SQL92, selectorExpression = "a > 5")
    record SqlListener(Received received) implements RocketMQListener<String> {
        @Override
        public void onMessage(String message) {
            received.add("sql", message);
        }
    }

    @RocketMQMessageListener(topic = "${it.topic.tx}", consumerGroup = "${it.group-prefix}_tx")
    record TxTopicListener(Received received) implements RocketMQListener<String> {
        @Override
        public void onMessage(String message) {
            received.add("tx", message);
        }
    }

    @RocketMQMessageListener(topic = "${it.topic.reply}", consumerGroup = "${it.group-prefix}_reply")
    record ReplyListener(Received received) implements RocketMQReplyListener<String, String> {
        @Override
        public String onMessage(String message) {
            received.add("reply", message);
            return "re:" + message;
        }
    }

    /** A second template with a producer group of its own. */
    @ExtRocketMQTemplateConfiguration(group = "${it.group-prefix}_ext_producer")
    static class ExtTemplate extends RocketMQTemplate {
    }

    @RocketMQTransactionListener
    record TxListener(Received received) implements RocketMQLocalTransactionListener {
        @Override
        public RocketMQLocalTransactionState executeLocalTransaction(Message msg, Object arg) {
            received.add("local-tx", new String((byte[]) msg.getPayload(), StandardCharsets.UTF_8));
            return "commit".equals(arg) ? RocketMQLocalTransactionState.COMMIT : RocketMQLocalTransactionState.ROLLBACK;
        }

        @Override
        public RocketMQLocalTransactionState checkLocalTransaction(Message msg) {
            return RocketMQLocalTransactionState.ROLLBACK;
        }
    }
}
