package org.cometmq.spring.autoconfigure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.client.producer.TransactionMQProducer;
import org.cometmq.spring.annotation.ConsumeMode;
import org.cometmq.spring.annotation.MessageModel;
import org.cometmq.spring.annotation.RocketMQMessageListener;
import org.cometmq.spring.core.RocketMQListener;
import org.cometmq.spring.core.RocketMQTemplate;
import org.cometmq.spring.support.DefaultRocketMQListenerContainer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The auto-configuration without a broker: which beans exist, how properties reach the clients, and that bad
 * settings stop the start with a message naming the property. Name servers point at a closed port.
 */
class RocketMQAutoConfigurationTest {
    private static final String NAMESRV = "rocketmq.name-server=127.0.0.1:1";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(RocketMQAutoConfiguration.class));

    @Test
    void withoutANameServerNothingIsCreated() {
        runner.withPropertyValues("rocketmq.producer.group=g").run(context -> {
            assertFalse(context.containsBean("rocketMQTemplate"));
            assertFalse(context.containsBean("defaultMQProducer"));
        });
    }

    @Test
    void producerPropertiesReachTheTemplatesTransactionalProducer() {
        runner.withPropertyValues(NAMESRV, "rocketmq.producer.group=pg",
            "rocketmq.producer.send-message-timeout=1234", "rocketmq.producer.retry-times-when-send-failed=5",
            "rocketmq.producer.compress-message-body-threshold=2048", "rocketmq.producer.max-message-size=1000",
            "rocketmq.producer.retry-next-server=true").run(context -> {
                assertNull(context.getStartupFailure());
                RocketMQTemplate template = context.getBean("rocketMQTemplate", RocketMQTemplate.class);
                DefaultMQProducer producer = template.getProducer();
                assertInstanceOf(TransactionMQProducer.class, producer);
                assertEquals("pg", producer.getProducerGroup());
                assertEquals("127.0.0.1:1", producer.getNamesrvAddr());
                assertEquals(1234, producer.getSendMsgTimeout());
                assertEquals(5, producer.getRetryTimesWhenSendFailed());
                assertEquals(2048, producer.getCompressMsgBodyOverHowmuch());
                assertEquals(1000, producer.getMaxMessageSize());
                assertTrue(producer.isRetryAnotherBrokerWhenNotStoreOK());
                assertTrue(template.isProducerStarted());
            });
    }

    @Test
    void badPropertiesFailTheStartNamingTheProperty() {
        for (List<String> bad : List.of(
            List.of("rocketmq.name-server=localhost"),
            List.of(NAMESRV, "rocketmq.producer.group=g", "rocketmq.producer.send-message-timeout=0"),
            List.of(NAMESRV, "rocketmq.producer.group=g", "rocketmq.producer.max-message-size=-1"),
            List.of(NAMESRV, "rocketmq.producer.group=g", "rocketmq.producer.retry-times-when-send-failed=-1"),
            List.of(NAMESRV, "rocketmq.producer.group=g", "rocketmq.producer.access-key=ak"),
            List.of(NAMESRV, "rocketmq.pull-consumer.group=c"),
            List.of(NAMESRV, "rocketmq.pull-consumer.group=c", "rocketmq.pull-consumer.topic=t",
                "rocketmq.pull-consumer.pull-batch-size=0"),
            List.of(NAMESRV, "rocketmq.pull-consumer.group=c", "rocketmq.pull-consumer.topic=t",
                "rocketmq.pull-consumer.message-model=EVERYONE"))) {
            String last = bad.get(bad.size() - 1);
            String property = last.substring(0, last.indexOf('='));
            String expected = property.equals("rocketmq.producer.access-key") ? "rocketmq.producer.secret-key"
                : property.equals("rocketmq.pull-consumer.group") ? "rocketmq.pull-consumer.topic" : property;
            runner.withPropertyValues(bad.toArray(String[]::new)).run(context -> {
                Throwable failure = context.getStartupFailure();
                assertNotNull(failure, "must not start with " + bad);
                String message = rootCause(failure).getMessage();
                assertTrue(message.contains(expected), "message of " + bad + " should name " + expected + ": "
                    + message);
            });
        }
    }

    @Test
    void listenerPlaceholdersResolveFromTheEnvironment() {
        runner.withUserConfiguration(PlaceholderListenerConfig.class)
            .withPropertyValues(NAMESRV, "app.topic=Orders", "app.group=order-readers").run(context -> {
                assertNull(context.getStartupFailure());
                DefaultRocketMQListenerContainer container = context.getBean(DefaultRocketMQListenerContainer.class);
                assertEquals("Orders", container.getSettings().topic());
                assertEquals("order-readers", container.getSettings().consumerGroup());
                assertTrue(container.isRunning());
            });
        runner.withUserConfiguration(PlaceholderListenerConfig.class).withPropertyValues(NAMESRV, "app.topic=Orders")
            .run(context -> assertTrue(rootCause(context.getStartupFailure()).getMessage().contains("app.group")));
    }

    @Test
    void orderlyBroadcastingIsRefusedNamingTheAttribute() {
        runner.withUserConfiguration(OrderlyBroadcastConfig.class).withPropertyValues(NAMESRV).run(context -> {
            String message = rootCause(context.getStartupFailure()).getMessage();
            assertTrue(message.contains("consumeMode") && message.contains("orderlyBroadcast"), message);
        });
    }

    private static void assertNull(Object value) {
        if (value != null) {
            throw new AssertionError("expected no startup failure, got " + value, (Throwable) value);
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    @RocketMQMessageListener(topic = "${app.topic}", consumerGroup = "${app.group}")
    static class PlaceholderListener implements RocketMQListener<String> {
        @Override
        public void onMessage(String message) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class PlaceholderListenerConfig {
        @Bean
        PlaceholderListener placeholderListener() {
            return new PlaceholderListener();
        }
    }

    @RocketMQMessageListener(topic = "T", consumerGroup = "G", consumeMode = ConsumeMode.ORDERLY,
        messageModel = MessageModel.BROADCASTING)
    static class OrderlyBroadcastListener implements RocketMQListener<String> {
        @Override
        public void onMessage(String message) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OrderlyBroadcastConfig {
        @Bean
        OrderlyBroadcastListener orderlyBroadcast() {
            return new OrderlyBroadcastListener();
        }
    }
}
