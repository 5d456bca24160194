package org.cometmq.spring.autoconfigure;

import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.spring.annotation.ExtRocketMQTemplateConfiguration;
import org.cometmq.spring.core.RocketMQTemplate;
import org.cometmq.spring.support.RocketMQMessageConverter;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Gives every {@code @ExtRocketMQTemplateConfiguration} template a producer of its own, built from the
 * annotation's attributes (placeholders resolved), and starts it; the template stops it with the context.
 */
@Configuration(proxyBeanMethods = false)
class ExtProducerResetConfiguration implements ApplicationContextAware, SmartInitializingSingleton {
    private final ConfigurableEnvironment environment;
    private final RocketMQMessageConverter messageConverter;
    private ApplicationContext applicationContext;

    ExtProducerResetConfiguration(ConfigurableEnvironment environment, RocketMQMessageConverter messageConverter) {
        this.environment = environment;
        this.messageConverter = messageConverter;
    }

    @Override
    public void setApplicationContext(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public void afterSingletonsInstantiated() {
        applicationContext.getBeansWithAnnotation(ExtRocketMQTemplateConfiguration.class).forEach((beanName, bean) -> {
            if (!ScopedProxyUtils.isScopedTarget(beanName)) {
                attachProducer(beanName, bean);
            }
        });
    }

    private void attachProducer(String beanName, Object bean) {
        if (!(bean instanceof RocketMQTemplate template)) {
            throw new IllegalStateException("Bean '" + beanName + "' carries @ExtRocketMQTemplateConfiguration but "
                + "does not extend RocketMQTemplate");
        }
        ExtRocketMQTemplateConfiguration annotation = AnnotationUtils.findAnnotation(
            AopProxyUtils.ultimateTargetClass(bean), ExtRocketMQTemplateConfiguration.class);
        String nameServer = environment.resolveRequiredPlaceholders(annotation.nameServer());
        RocketMQProperties.Producer settings = settingsOf(annotation);
        require(StringUtils.hasText(settings.getGroup()), beanName, "group");
        require(StringUtils.hasText(nameServer), beanName, "nameServer");
        DefaultMQProducer producer = RocketMQClients.producer(nameServer,
            environment.resolveRequiredPlaceholders(annotation.accessChannel()), settings);
        template.setProducer(producer);
        template.setMessageConverter(messageConverter.getMessageConverter());
        try {
            template.afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException("Failed to start the producer of template '" + beanName + "' (group "
                + settings.getGroup() + ", name server " + nameServer + "): " + e.getMessage(), e);
        }
    }

    private RocketMQProperties.Producer settingsOf(ExtRocketMQTemplateConfiguration annotation) {
        RocketMQProperties.Producer settings = new RocketMQProperties.Producer();
        settings.setGroup(environment.resolveRequiredPlaceholders(annotation.group()));
        settings.setNamespace(environment.resolveRequiredPlaceholders(annotation.namespace()));
        settings.setSendMessageTimeout(annotation.sendMessageTimeout());
        settings.setCompressMessageBodyThreshold(annotation.compressMessageBodyThreshold());
        settings.setRetryTimesWhenSendFailed(annotation.retryTimesWhenSendFailed());
        settings.setRetryTimesWhenSendAsyncFailed(annotation.retryTimesWhenSendAsyncFailed());
        settings.setRetryNextServer(annotation.retryNextServer());
        settings.setMaxMessageSize(annotation.maxMessageSize());
        settings.setAccessKey(environment.resolveRequiredPlaceholders(annotation.accessKey()));
        settings.setSecretKey(environment.resolveRequiredPlaceholders(annotation.secretKey()));
        settings.setEnableMsgTrace(annotation.enableMsgTrace());
        settings.setCustomizedTraceTopic(environment.resolveRequiredPlaceholders(annotation.customizedTraceTopic()));
        settings.setTlsEnable(Boolean.parseBoolean(environment.resolveRequiredPlaceholders(annotation.tlsEnable())));
        settings.setInstanceName(environment.resolveRequiredPlaceholders(annotation.instanceName()));
        return settings;
    }

    private static void require(boolean ok, String beanName, String attribute) {
        if (!ok) {
            throw new IllegalArgumentException("Bad @ExtRocketMQTemplateConfiguration on bean '" + beanName + "': "
                + attribute + " must not be empty");
        }
    }
}
