package org.cometmq.spring.support;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cometmq.client.AccessChannel;
import org.cometmq.client.consumer.DefaultMQPushConsumer;
import org.cometmq.client.consumer.MessageSelector;
import org.cometmq.client.consumer.listener.ConsumeConcurrentlyContext;
import org.cometmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.cometmq.client.consumer.listener.ConsumeOrderlyContext;
import org.cometmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.cometmq.client.consumer.listener.MessageListenerConcurrently;
import org.cometmq.client.consumer.listener.MessageListenerOrderly;
import org.cometmq.client.consumer.rebalance.AllocateMessageQueueAveragely;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.protocol.heartbeat.MessageModel;
import org.cometmq.remoting.RPCHook;
import org.cometmq.spring.annotation.ConsumeMode;
import org.cometmq.spring.annotation.SelectorType;
import org.cometmq.spring.core.RocketMQListener;
import org.cometmq.spring.core.RocketMQPushConsumerLifecycleListener;
import org.cometmq.spring.core.RocketMQReplyListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.util.StringUtils;

/**
 * The push consumer of one {@code @RocketMQMessageListener} bean. It is created with the context, starts after
 * every other bean (last lifecycle phase) and stops first. A listener that throws makes the message be redelivered:
 * later (concurrent mode) or after a pause of its queue (orderly mode).
 */
public class DefaultRocketMQListenerContainer implements InitializingBean, RocketMQListenerContainer, SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(DefaultRocketMQListenerContainer.class);

    private final ListenerSettings settings;
    private final MessageConverter messageConverter;
    private Charset charset = StandardCharsets.UTF_8;
    private Object listener;
    private MessagePayloadConverter payloads;
    private DefaultMQPushConsumer consumer;
    private ReplySender replySender;
    private volatile boolean running;

    /** A container for a listener configured by {@code settings}, its payloads read by {@code messageConverter}. */
    public DefaultRocketMQListenerContainer(ListenerSettings settings, MessageConverter messageConverter) {
        this.settings = settings;
        this.messageConverter = messageConverter;
    }

    @Override
    public void setupMessageListener(Object listener) {
        if (!(listener instanceof RocketMQListener<?>) && !(listener instanceof RocketMQReplyListener<?, ?>)) {
            throw new IllegalArgumentException("Bean '" + settings.beanName() + "' (" + listener.getClass().getName()
                + ") carries @RocketMQMessageListener but implements neither RocketMQListener nor RocketMQReplyListener");
        }
        this.listener = listener;
        Class<?> contract = listener instanceof RocketMQListener<?> ? RocketMQListener.class
            : RocketMQReplyListener.class;
        this.payloads = new MessagePayloadConverter(messageConverter, charset, listener, contract);
    }

    /** Charset of String payloads (UTF-8 by default). */
    public void setCharset(String charset) {
        this.charset = Charset.forName(charset);
    }

    @Override
    public void afterPropertiesSet() throws Exception {
        if (listener == null) {
            throw new IllegalStateException("No listener set up for container of bean '" + settings.beanName() + "'");
        }
        consumer = newConsumer();
        if (listener instanceof RocketMQReplyListener<?, ?>) {
            replySender = new ReplySender(settings, messageConverter, charset, consumer.getInstanceName());
        }
        if (listener instanceof RocketMQPushConsumerLifecycleListener lifecycle) {
            lifecycle.prepareStart(consumer);
        }
    }

    private DefaultMQPushConsumer newConsumer() throws MQClientException {
        RPCHook rpcHook = RocketMQUtil.getRPCHookByAkSk(settings.accessKey(), settings.secretKey());
        DefaultMQPushConsumer pushConsumer = new DefaultMQPushConsumer(settings.namespace(), settings.consumerGroup(),
            rpcHook, new AllocateMessageQueueAveragely(), settings.enableMsgTrace(),
            StringUtils.hasText(settings.customizedTraceTopic()) ? settings.customizedTraceTopic() : null);
        pushConsumer.setNamesrvAddr(settings.nameServer());
        pushConsumer.setInstanceName("DEFAULT".equals(settings.instanceName())
            ? RocketMQUtil.getInstanceName(settings.nameServer()) : settings.instanceName());
        if (StringUtils.hasText(settings.accessChannel())) {
            pushConsumer.setAccessChannel(AccessChannel.valueOf(settings.accessChannel()));
        }
        pushConsumer.setUseTLS(settings.tlsEnable());
        pushConsumer.setConsumeThreadMax(settings.consumeThreadMax());
        pushConsumer.setConsumeThreadMin(Math.min(settings.consumeThreadNumber(), settings.consumeThreadMax()));
        pushConsumer.setConsumeTimeout(settings.consumeTimeout());
        pushConsumer.setMaxReconsumeTimes(settings.maxReconsumeTimes());
        pushConsumer.setAwaitTerminationMillisWhenShutdown(settings.awaitTerminationMillisWhenShutdown());
        pushConsumer.setMessageModel(settings.messageModel() == org.cometmq.spring.annotation.MessageModel.BROADCASTING
            ? MessageModel.BROADCASTING : MessageModel.CLUSTERING);
        if (settings.selectorType() == SelectorType.SQL92) {
            pushConsumer.subscribe(settings.topic(), MessageSelector.bySql(settings.selectorExpression()));
        } else {
            pushConsumer.subscribe(settings.topic(), settings.selectorExpression());
        }
        if (settings.consumeMode() == ConsumeMode.ORDERLY) {
            pushConsumer.setMessageListener((MessageListenerOrderly) this::consumeOrderly);
        } else {
            pushConsumer.setMessageListener((MessageListenerConcurrently) this::consumeConcurrently);
        }
        return pushConsumer;
    }

    private ConsumeConcurrentlyStatus consumeConcurrently(List<MessageExt> msgs, ConsumeConcurrentlyContext context) {
        for (MessageExt msg : msgs) {
            if (!handleQuietly(msg)) {
                context.setDelayLevelWhenNextConsume(settings.delayLevelWhenNextConsume());
                return ConsumeConcurrentlyStatus.RECONSUME_LATER;
            }
        }
        return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
    }

    private ConsumeOrderlyStatus consumeOrderly(List<MessageExt> msgs, ConsumeOrderlyContext context) {
        for (MessageExt msg : msgs) {
            if (!handleQuietly(msg)) {
                context.setSuspendCurrentQueueTimeMillis(settings.suspendCurrentQueueTimeMillis());
                return ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT;
            }
        }
        return ConsumeOrderlyStatus.SUCCESS;
    }

    private boolean handleQuietly(MessageExt msg) {
        try {
            handleMessage(msg);
            return true;
        } catch (Exception e) {
            log.warn("listener of group {} failed on message {} of topic {} (attempt {}), it will be redelivered: {}",
                settings.consumerGroup(), msg.getMsgId(), msg.getTopic(), msg.getReconsumeTimes() + 1, e.toString());
            return false;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void handleMessage(MessageExt msg) throws Exception {
        Object payload = payloads.convert(msg);
        if (listener instanceof RocketMQListener plain) {
            plain.onMessage(payload);
        } else {
            Object reply = ((RocketMQReplyListener) listener).onMessage(payload);
            replySender.reply(msg, reply);
        }
    }

    @Override
    public void start() {
        if (running) {
            return;
        }
        try {
            if (replySender != null) {
                replySender.start();
            }
            consumer.start();
        } catch (MQClientException e) {
            throw new IllegalStateException("Failed to start the consumer of group " + settings.consumerGroup()
                + " for bean '" + settings.beanName() + "' (name server " + settings.nameServer() + "): "
                + e.getMessage(), e);
        }
        running = true;
        log.info("started consumer group={} topic={} selector={}:{} mode={} for bean '{}'", settings.consumerGroup(),
            settings.topic(), settings.selectorType(), settings.selectorExpression(), settings.consumeMode(),
            settings.beanName());
    }

    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        consumer.shutdown();
        if (replySender != null) {
            replySender.shutdown();
        }
        log.info("stopped consumer group={} for bean '{}'", settings.consumerGroup(), settings.beanName());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Containers start after, and stop before, everything else in the context. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    @Override
    public void destroy() {
        stop();
    }

    /** The settings this container was created with. */
    public ListenerSettings getSettings() {
        return settings;
    }

    /** The push consumer (to adjust before start, or inspect). */
    public DefaultMQPushConsumer getConsumer() {
        return consumer;
    }

    /** The listener bean. */
    public Object getRocketMQListener() {
        return listener;
    }

    @Override
    public String toString() {
        return "DefaultRocketMQListenerContainer{group=" + settings.consumerGroup() + ", topic=" + settings.topic()
            + ", bean=" + settings.beanName() + "}";
    }
}
