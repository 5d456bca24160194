package org.cometmq.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import org.cometmq.client.producer.TransactionMQProducer;
import org.cometmq.spring.annotation.RocketMQTransactionListener;
import org.cometmq.spring.core.RocketMQLocalTransactionListener;
import org.cometmq.spring.core.RocketMQTemplate;
import org.cometmq.spring.support.RocketMQUtil;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * Attaches every {@code @RocketMQTransactionListener} bean to the producer of the template it names, with a
 * check-back thread pool sized by the annotation. Runs after the external templates got their producers.
 */
@Configuration(proxyBeanMethods = false)
class RocketMQTransactionConfiguration implements ApplicationContextAware, SmartInitializingSingleton,
    DisposableBean {
    private final List<ExecutorService> executors = new ArrayList<>();
    private ApplicationContext applicationContext;

    @Override
    public void setApplicationContext(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public void afterSingletonsInstantiated() {
        applicationContext.getBeansWithAnnotation(RocketMQTransactionListener.class).forEach(this::attach);
    }

    private void attach(String beanName, Object bean) {
        if (!(bean instanceof RocketMQLocalTransactionListener listener)) {
            throw new IllegalStateException("Bean '" + beanName + "' carries @RocketMQTransactionListener but does "
                + "not implement RocketMQLocalTransactionListener");
        }
        RocketMQTransactionListener annotation = AnnotationUtils.findAnnotation(
            AopProxyUtils.ultimateTargetClass(bean), RocketMQTransactionListener.class);
        String templateName = annotation.rocketMQTemplateBeanName();
        if (!applicationContext.containsBean(templateName)) {
            throw new IllegalStateException("@RocketMQTransactionListener on bean '" + beanName + "' names template '"
                + templateName + "', which does not exist (is rocketmq.producer.group set?)");
        }
        RocketMQTemplate template = applicationContext.getBean(templateName, RocketMQTemplate.class);
        if (!(template.getProducer() instanceof TransactionMQProducer producer)) {
            throw new IllegalStateException("Template '" + templateName + "' of @RocketMQTransactionListener bean '"
                + beanName + "' has no transactional producer");
        }
        if (producer.getTransactionListener() != null) {
            throw new IllegalStateException("Template '" + templateName + "' already has a transaction listener; "
                + "bean '" + beanName + "' cannot be a second one");
        }
        ThreadPoolExecutor executor = new ThreadPoolExecutor(annotation.corePoolSize(),
            annotation.maximumPoolSize(), annotation.keepAliveTime(), annotation.keepAliveTimeUnit(),
            new ArrayBlockingQueue<>(annotation.blockingQueueSize()));
        executors.add(executor);
        producer.setExecutorService(executor);
        producer.setTransactionListener(RocketMQUtil.convert(listener));
    }

    @Override
    public void destroy() {
        executors.forEach(ExecutorService::shutdown);
    }
}
