package org.cometmq.spring.autoconfigure;

import java.util.Map;
import org.cometmq.spring.core.RocketMQTemplate;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The {@code rocketMQ} health contributor, when Spring Boot Actuator is on the classpath and a template exists;
 * {@code management.health.rocketmq.enabled=false} turns it off.
 */
@AutoConfiguration(after = RocketMQAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(RocketMQTemplate.class)
@ConditionalOnProperty(prefix = "management.health.rocketmq", name = "enabled", matchIfMissing = true)
public class RocketMQHealthContributorAutoConfiguration {

    /** The indicator over every template of the context. */
    @Bean(name = "rocketMQHealthIndicator")
    @ConditionalOnMissingBean(name = "rocketMQHealthIndicator")
    public RocketMQHealthIndicator rocketMQHealthIndicator(RocketMQProperties properties,
        Map<String, RocketMQTemplate> templates) {
        return new RocketMQHealthIndicator(properties.getNameServer(), templates);
    }
}
