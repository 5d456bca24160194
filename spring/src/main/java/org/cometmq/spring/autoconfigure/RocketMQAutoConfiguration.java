package org.cometmq.spring.autoconfigure;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.cometmq.client.consumer.DefaultLitePullConsumer;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.spring.core.RocketMQTemplate;
import org.cometmq.spring.support.RocketMQMessageConverter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;

/**
 * Active when {@code rocketmq.name-server} is set: validates {@code rocketmq.*}, and with
 * {@code rocketmq.producer.group} (or {@code rocketmq.pull-consumer.group} and {@code .topic}) creates the
 * {@code rocketMQTemplate} with its producer (and pull consumer); registers a listener container for every
 * {@code @RocketMQMessageListener} bean, the {@code @ExtRocketMQTemplateConfiguration} producers and the
 * {@code @RocketMQTransactionListener}s.
 */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
@EnableConfigurationProperties(RocketMQProperties.class)
@ConditionalOnClass({DefaultMQProducer.class, ObjectMapper.class})
@ConditionalOnProperty(prefix = "rocketmq", name = "name-server")
@Import({MessageConverterConfiguration.class, ListenerContainerConfiguration.class,
    ExtProducerResetConfiguration.class, RocketMQTransactionConfiguration.class})
public class RocketMQAutoConfiguration {
    public static final String ROCKETMQ_TEMPLATE_DEFAULT_GLOBAL_NAME = "rocketMQTemplate";
    public static final String PRODUCER_BEAN_NAME = "defaultMQProducer";
    public static final String CONSUMER_BEAN_NAME = "defaultLitePullConsumer";

    private final RocketMQProperties properties;

    /** Checks the properties first, so a bad value fails the start naming the property. */
    public RocketMQAutoConfiguration(RocketMQProperties properties) {
        PropertiesValidator.validate(properties);
        this.properties = properties;
    }

    /** The default template's producer (transactional, not started: the template starts it). */
    @Bean(name = PRODUCER_BEAN_NAME, destroyMethod = "")
    @ConditionalOnMissingBean(DefaultMQProducer.class)
    @ConditionalOnProperty(prefix = "rocketmq", name = {"name-server", "producer.group"})
    public DefaultMQProducer defaultMQProducer() {
        return RocketMQClients.producer(properties.getNameServer(), properties.getAccessChannel(),
            properties.getProducer());
    }

    /** The default template's pull consumer (not started: the template starts it). */
    @Bean(name = CONSUMER_BEAN_NAME, destroyMethod = "")
    @ConditionalOnMissingBean(DefaultLitePullConsumer.class)
    @ConditionalOnProperty(prefix = "rocketmq", name = {"name-server", "pull-consumer.group", "pull-consumer.topic"})
    public DefaultLitePullConsumer defaultLitePullConsumer() throws MQClientException {
        return RocketMQClients.pullConsumer(properties.getNameServer(), properties.getAccessChannel(),
            properties.getPullConsumer());
    }

    /** The default template; it starts its producer and pull consumer and stops them with the context. */
    @Bean(name = ROCKETMQ_TEMPLATE_DEFAULT_GLOBAL_NAME, destroyMethod = "destroy")
    @Conditional(ProducerOrConsumerPresent.class)
    @ConditionalOnMissingBean(name = ROCKETMQ_TEMPLATE_DEFAULT_GLOBAL_NAME)
    public RocketMQTemplate rocketMQTemplate(ObjectProvider<DefaultMQProducer> producer,
        ObjectProvider<DefaultLitePullConsumer> consumer, RocketMQMessageConverter messageConverter) {
        RocketMQTemplate template = new RocketMQTemplate();
        producer.ifAvailable(template::setProducer);
        consumer.ifAvailable(template::setConsumer);
        template.setMessageConverter(messageConverter.getMessageConverter());
        return template;
    }

    /** The template exists when it has a producer or a pull consumer to work with. */
    static class ProducerOrConsumerPresent extends AnyNestedCondition {
        ProducerOrConsumerPresent() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBean(DefaultMQProducer.class)
        static class HasProducer {
        }

        @ConditionalOnBean(DefaultLitePullConsumer.class)
        static class HasConsumer {
        }
    }
}
