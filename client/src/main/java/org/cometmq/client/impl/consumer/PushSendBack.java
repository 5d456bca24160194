package org.cometmq.client.impl.consumer;

import org.cometmq.client.common.NamespaceUtil;
import org.cometmq.client.consumer.DefaultMQPushConsumer;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.impl.MQClientAPIImpl;
import org.cometmq.client.impl.producer.ProducerRouteSource;
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.common.message.MessageExt;
import org.cometmq.remoting.exception.RemotingException;

/**
 * The send-back of a running push consumer (see {@link ConsumerSendBack}): with the group's retry limit, and the
 * message's topic shown without namespace again afterwards.
 */
final class PushSendBack implements MessageSendBack {
    private static final int DEFAULT_MAX_RECONSUME_TIMES = 16;

    private final MQClientAPIImpl api;
    private final ProducerRouteSource addresses;
    private final DefaultMQProducer innerProducer;
    private final DefaultMQPushConsumer consumer;
    private final PushConsumerState state;

    PushSendBack(MQClientAPIImpl api, ProducerRouteSource addresses, DefaultMQProducer innerProducer,
        DefaultMQPushConsumer consumer, PushConsumerState state) {
        this.api = api;
        this.addresses = addresses;
        this.innerProducer = innerProducer;
        this.consumer = consumer;
        this.state = state;
    }

    @Override
    public void sendMessageBack(MessageExt msg, int delayLevel, String brokerName)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        state.checkRunning(consumer.getConsumerGroup());
        try {
            ConsumerSendBack.sendMessageBack(api, addresses, innerProducer, msg, delayLevel, brokerName,
                consumer.getConsumerGroup(), maxReconsumeTimes(consumer));
        } finally {
            msg.setTopic(NamespaceUtil.withoutNamespace(msg.getTopic(), consumer.getNamespace()));
        }
    }

    /** The concurrent limit: -1 means 16. */
    static int maxReconsumeTimes(DefaultMQPushConsumer consumer) {
        int configured = consumer.getMaxReconsumeTimes();
        return configured == -1 ? DEFAULT_MAX_RECONSUME_TIMES : configured;
    }
}
