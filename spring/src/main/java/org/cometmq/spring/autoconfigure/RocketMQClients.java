package org.cometmq.spring.autoconfigure;

import org.cometmq.client.AccessChannel;
import org.cometmq.client.consumer.DefaultLitePullConsumer;
import org.cometmq.client.consumer.MessageSelector;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.producer.TransactionMQProducer;
import org.cometmq.common.protocol.heartbeat.MessageModel;
import org.cometmq.spring.support.RocketMQUtil;
import org.springframework.util.StringUtils;

/** Builds the (not yet started) clients of templates from {@code rocketmq.*} settings. */
final class RocketMQClients {
    private RocketMQClients() {
    }

    /**
     * A template's producer. It is transactional, so a {@code @RocketMQTransactionListener} can be attached to any
     * template; it sends plain messages like any producer.
     */
    static TransactionMQProducer producer(String nameServer, String accessChannel,
        RocketMQProperties.Producer settings) {
        TransactionMQProducer producer = new TransactionMQProducer(emptyToNull(settings.getNamespace()),
            settings.getGroup(), RocketMQUtil.getRPCHookByAkSk(settings.getAccessKey(), settings.getSecretKey()),
            settings.isEnableMsgTrace(), emptyToNull(settings.getCustomizedTraceTopic()));
        producer.setNamesrvAddr(nameServer);
        producer.setInstanceName(instanceName(settings.getInstanceName(), nameServer));
        if (StringUtils.hasText(accessChannel)) {
            producer.setAccessChannel(AccessChannel.valueOf(accessChannel));
        }
        producer.setUseTLS(settings.isTlsEnable());
        producer.setSendMsgTimeout(settings.getSendMessageTimeout());
        producer.setRetryTimesWhenSendFailed(settings.getRetryTimesWhenSendFailed());
        producer.setRetryTimesWhenSendAsyncFailed(settings.getRetryTimesWhenSendAsyncFailed());
        producer.setMaxMessageSize(settings.getMaxMessageSize());
        producer.setCompressMsgBodyOverHowmuch(settings.getCompressMessageBodyThreshold());
        producer.setRetryAnotherBrokerWhenNotStoreOK(settings.isRetryNextServer());
        return producer;
    }

    /** The template's lite pull consumer, subscribed to {@code rocketmq.pull-consumer.topic}. */
    static DefaultLitePullConsumer pullConsumer(String nameServer, String accessChannel,
        RocketMQProperties.PullConsumer settings) throws MQClientException {
        DefaultLitePullConsumer consumer = new DefaultLitePullConsumer(emptyToNull(settings.getNamespace()),
            settings.getGroup(), RocketMQUtil.getRPCHookByAkSk(settings.getAccessKey(), settings.getSecretKey()));
        consumer.setNamesrvAddr(nameServer);
        consumer.setInstanceName(instanceName(settings.getInstanceName(), nameServer));
        if (StringUtils.hasText(accessChannel)) {
            consumer.setAccessChannel(AccessChannel.valueOf(accessChannel));
        }
        consumer.setUseTLS(settings.isTlsEnable());
        consumer.setEnableMsgTrace(settings.isEnableMsgTrace());
        consumer.setCustomizedTraceTopic(emptyToNull(settings.getCustomizedTraceTopic()));
        consumer.setPullBatchSize(settings.getPullBatchSize());
        consumer.setMessageModel(MessageModel.valueOf(settings.getMessageModel()));
        if ("SQL92".equals(settings.getSelectorType())) {
            consumer.subscribe(settings.getTopic(), MessageSelector.bySql(settings.getSelectorExpression()));
        } else {
            consumer.subscribe(settings.getTopic(), settings.getSelectorExpression());
        }
        return consumer;
    }

    private static String instanceName(String configured, String nameServer) {
        return "DEFAULT".equals(configured) || !StringUtils.hasText(configured)
            ? RocketMQUtil.getInstanceName(nameServer) : configured;
    }

    private static String emptyToNull(String value) {
        return StringUtils.hasText(value) ? value : null;
    }
}
