package org.cometmq.spring.support;

import java.nio.charset.Charset;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.client.producer.SendCallback;
import org.cometmq.client.producer.SendResult;
import org.cometmq.client.utils.MessageUtil;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.converter.MessageConverter;

/** Sends the answers of a {@code RocketMQReplyListener} back to the requesters, with a producer of its own. */
final class ReplySender {
    private static final Logger log = LoggerFactory.getLogger(ReplySender.class);

    private final DefaultMQProducer producer;
    private final MessageConverter messageConverter;
    private final Charset charset;
    private final int replyTimeout;

    ReplySender(ListenerSettings settings, MessageConverter messageConverter, Charset charset, String instanceName) {
        this.producer = new DefaultMQProducer(settings.namespace(), settings.consumerGroup() + "_REPLY",
            RocketMQUtil.getRPCHookByAkSk(settings.accessKey(), settings.secretKey()));
        producer.setNamesrvAddr(settings.nameServer());
        producer.setInstanceName(instanceName);
        producer.setUseTLS(settings.tlsEnable());
        producer.setSendMsgTimeout(settings.replyTimeout());
        this.messageConverter = messageConverter;
        this.charset = charset;
        this.replyTimeout = settings.replyTimeout();
    }

    void start() throws MQClientException {
        producer.start();
    }

    void shutdown() {
        producer.shutdown();
    }

    /** Sends {@code reply} (converted like a template payload) as the answer to {@code request}. */
    void reply(MessageExt request, Object reply) throws Exception {
        if (reply == null) {
            throw new IllegalArgumentException("the reply listener returned null for message " + request.getMsgId());
        }
        byte[] body = RocketMQUtil.payloadBytes(messageConverter, charset, reply, null);
        Message replyMessage = MessageUtil.createReplyMessage(request, body);
        producer.send(replyMessage, new SendCallback() {
            @Override
            public void onSuccess(SendResult sendResult) {
                log.debug("reply to {} sent: {}", request.getMsgId(), sendResult.getSendStatus());
            }

            @Override
            public void onException(Throwable e) {
                log.warn("reply to request {} could not be sent: {}", request.getMsgId(), e.toString());
            }
        }, replyTimeout);
    }
}
