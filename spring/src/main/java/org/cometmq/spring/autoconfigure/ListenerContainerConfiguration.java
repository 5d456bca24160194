package org.cometmq.spring.autoconfigure;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.cometmq.spring.annotation.RocketMQMessageListener;
import org.cometmq.spring.support.DefaultRocketMQListenerContainer;
import org.cometmq.spring.support.ListenerSettings;
import org.cometmq.spring.support.RocketMQMessageConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Registers one {@link DefaultRocketMQListenerContainer} bean per {@code @RocketMQMessageListener} bean once all
 * singletons exist; the containers start with the context's lifecycle. Placeholders in the annotation are resolved
 * from the environment, and an unresolvable one fails the start.
 */
@Configuration(proxyBeanMethods = false)
class ListenerContainerConfiguration implements ApplicationContextAware, SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(ListenerContainerConfiguration.class);

    private final AtomicLong counter = new AtomicLong();
    private final ConfigurableEnvironment environment;
    private final RocketMQProperties properties;
    private final RocketMQMessageConverter messageConverter;
    private final Map<String, String> beansByGroup = new HashMap<>();
    private GenericApplicationContext applicationContext;

    ListenerContainerConfiguration(ConfigurableEnvironment environment, RocketMQProperties properties,
        RocketMQMessageConverter messageConverter) {
        this.environment = environment;
        this.properties = properties;
        this.messageConverter = messageConverter;
    }

    @Override
    public void setApplicationContext(ApplicationContext applicationContext) {
        this.applicationContext = (GenericApplicationContext) applicationContext;
    }

    @Override
    public void afterSingletonsInstantiated() {
        applicationContext.getBeansWithAnnotation(RocketMQMessageListener.class).forEach((beanName, bean) -> {
            if (!ScopedProxyUtils.isScopedTarget(beanName)) {
                registerContainer(beanName, bean);
            }
        });
    }

    private void registerContainer(String beanName, Object bean) {
        Class<?> targetClass = AopProxyUtils.ultimateTargetClass(bean);
        RocketMQMessageListener annotation = AnnotationUtils.findAnnotation(targetClass, RocketMQMessageListener.class);
        ListenerSettings settings = ListenerSettings.resolve(beanName, annotation,
            environment::resolveRequiredPlaceholders);
        if (!isEnabled(settings)) {
            log.info("listener bean '{}' (group {}, topic {}) is disabled by rocketmq.consumer.listeners", beanName,
                settings.consumerGroup(), settings.topic());
            return;
        }
        String previous = beansByGroup.putIfAbsent(settings.consumerGroup(), beanName);
        if (previous != null) {
            throw new IllegalStateException("@RocketMQMessageListener consumerGroup '" + settings.consumerGroup()
                + "' is used by beans '" + previous + "' and '" + beanName + "': every listener needs its own group");
        }
        String containerBeanName = DefaultRocketMQListenerContainer.class.getName() + "_" + counter.incrementAndGet();
        applicationContext.registerBean(containerBeanName, DefaultRocketMQListenerContainer.class, () -> {
            DefaultRocketMQListenerContainer container =
                new DefaultRocketMQListenerContainer(settings, messageConverter.getMessageConverter());
            container.setupMessageListener(bean);
            return container;
        });
        applicationContext.getBean(containerBeanName, DefaultRocketMQListenerContainer.class);
        log.info("registered {} for bean '{}' (group {}, topic {})", containerBeanName, beanName,
            settings.consumerGroup(), settings.topic());
    }

    private boolean isEnabled(ListenerSettings settings) {
        Map<String, Boolean> byTopic = properties.getConsumer().getListeners().get(settings.consumerGroup());
        return byTopic == null || !Boolean.FALSE.equals(byTopic.get(settings.topic()));
    }
}
