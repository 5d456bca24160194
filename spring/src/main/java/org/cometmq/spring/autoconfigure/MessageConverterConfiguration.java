package org.cometmq.spring.autoconfigure;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.cometmq.spring.support.RocketMQMessageConverter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The payload converters; JSON uses the application's {@code ObjectMapper} when it has one. */
@Configuration(proxyBeanMethods = false)
class MessageConverterConfiguration {

    @Bean
    @ConditionalOnMissingBean(RocketMQMessageConverter.class)
    RocketMQMessageConverter createRocketMQMessageConverter(ObjectProvider<ObjectMapper> objectMapper) {
        return new RocketMQMessageConverter(objectMapper.getIfAvailable(ObjectMapper::new));
    }
}
