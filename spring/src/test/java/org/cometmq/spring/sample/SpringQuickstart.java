package org.cometmq.spring.sample;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cometmq.spring.annotation.ConsumeMode;
import org.cometmq.spring.annotation.RocketMQMessageListener;
import org.cometmq.spring.core.RocketMQListener;
import org.cometmq.spring.core.RocketMQTemplate;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The Spring Boot sample (run by {@code bin/spring-sample.sh} against the quick-start cluster): sends a POJO as
 * JSON, a String and nine orderly messages with the template, prints what its listeners receive, and exits 0 once
 * all 11 arrived (1 after 60 s). Name server: {@code -Drocketmq.name-server=host:port}, default 127.0.0.1:9876.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({SpringQuickstart.OrderListener.class, SpringQuickstart.TextListener.class})
public class SpringQuickstart {
    static final int EXPECTED = 11;

    /** A POJO payload. */
    public record Order(String id, int quantity) {
    }

    @Bean
    CountDownLatch arrivals() {
        return new CountDownLatch(EXPECTED);
    }

    /** Receives orders, converted from JSON. */
    @RocketMQMessageListener(topic = "${sample.topic:SpringSampleOrders}", consumerGroup = "spring_sample_orders")
    record OrderListener(CountDownLatch arrivals) implements RocketMQListener<Order> {
        @Override
        public void onMessage(Order order) {
            System.out.println("order listener received " + order);
            arrivals.countDown();
        }
    }

    /** Receives texts, one queue at a time in order. */
    @RocketMQMessageListener(topic = "${sample.text-topic:SpringSampleTexts}", consumerGroup = "spring_sample_texts",
        consumeMode = ConsumeMode.ORDERLY)
    record TextListener(CountDownLatch arrivals) implements RocketMQListener<String> {
        @Override
        public void onMessage(String text) {
            System.out.println("text listener received " + text);
            arrivals.countDown();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        SpringApplication application = new SpringApplication(SpringQuickstart.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(java.util.Map.of("rocketmq.name-server", "127.0.0.1:9876",
            "rocketmq.producer.group", "spring_sample_producer"));
        boolean complete;
        try (ConfigurableApplicationContext context = application.run(args)) {
            RocketMQTemplate template = context.getBean(RocketMQTemplate.class);
            template.convertAndSend("SpringSampleOrders", new Order("o-1", 2));
            template.syncSend("SpringSampleTexts", "hello from the template");
            for (String step : List.of("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")) {
                template.syncSendOrderly("SpringSampleTexts", "step " + step, "steps");
            }
            complete = context.getBean(CountDownLatch.class).await(60, TimeUnit.SECONDS);
        }
        System.out.println(complete ? "Spring sample OK: received " + EXPECTED + " messages"
            : "Spring sample FAILED: not all " + EXPECTED + " messages arrived within 60 s");
        System.exit(complete ? 0 : 1);
    }
}
