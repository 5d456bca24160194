package org.cometmq.client.impl.consumer;

import java.util.HashMap;
import java.util.List;
import org.cometmq.client.common.NamespaceUtil;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.impl.MQClientAPIImpl;
import org.cometmq.client.impl.producer.ProducerRouteSource;
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.common.MixAll;
import org.cometmq.common.UtilAll;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageAccessor;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageExt;
import org.cometmq.remoting.common.RemotingHelper;
import org.cometmq.remoting.exception.RemotingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a failed message back for redelivery: CONSUMER_SEND_MSG_BACK to the broker that stored it, and when that
 * fails, a copy sent by the client's inner producer straight to {@code %RETRY%group} carrying the same retry
 * properties the broker would have set.
 */
final class ConsumerSendBack {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerSendBack.class);
    private static final long TIMEOUT_MILLIS = 5_000;

    private ConsumerSendBack() {
    }

    static void sendMessageBack(MQClientAPIImpl api, ProducerRouteSource addresses, DefaultMQProducer innerProducer,
        MessageExt msg, int delayLevel, String brokerName, String consumerGroup, int maxReconsumeTimes)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        try {
            String brokerAddr = brokerName != null ? addresses.findBrokerAddressInPublish(brokerName)
                : RemotingHelper.parseSocketAddressAddr(msg.getStoreHost());
            if (brokerAddr == null) {
                throw new MQClientException("No master address of broker " + brokerName + " to send "
                    + msg.getMsgId() + " back to", null);
            }
            api.consumerSendMessageBack(brokerAddr, brokerName, msg, consumerGroup,
                delayLevel, TIMEOUT_MILLIS, maxReconsumeTimes);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            LOG.warn("send-back of {} for group {} failed ({}); re-sending it to the retry topic directly",
                msg.getMsgId(), consumerGroup, e.toString());
            innerProducer.send(retryCopy(msg, consumerGroup, msg.getReconsumeTimes() + 1,
                maxReconsumeTimes));
        }
    }

    /** Gives retried messages back their original topic and strips the namespace before the listener sees them. */
    static void resetRetryAndNamespace(List<MessageExt> msgs, String consumerGroup, String namespace) {
        String groupRetryTopic = MixAll.getRetryTopic(consumerGroup);
        for (MessageExt msg : msgs) {
            String retryTopic = msg.getProperty(MessageConst.PROPERTY_RETRY_TOPIC);
            if (retryTopic != null && groupRetryTopic.equals(msg.getTopic())) {
                msg.setTopic(retryTopic);
            }
            if (namespace != null && !namespace.isEmpty()) {
                msg.setTopic(NamespaceUtil.withoutNamespace(msg.getTopic(), namespace));
            }
        }
    }

    /**
     * The message as the broker would have put it into the retry topic.
     *
     * @param reconsumeTimes the attempt count the copy carries (the broker sends it to the DLQ once it reaches
     *     maxReconsumeTimes)
     */
    static Message retryCopy(MessageExt msg, String consumerGroup, int reconsumeTimes, int maxReconsumeTimes) {
        Message copy = new Message(MixAll.getRetryTopic(consumerGroup), msg.getBody());
        String originMsgId = MessageAccessor.getOriginMessageId(msg);
        MessageAccessor.setProperties(copy, new HashMap<>(msg.getProperties()));
        MessageAccessor.setOriginMessageId(copy, UtilAll.isBlank(originMsgId) ? msg.getMsgId() : originMsgId);
        copy.setFlag(msg.getFlag());
        String retryTopic = msg.getProperty(MessageConst.PROPERTY_RETRY_TOPIC);
        MessageAccessor.putProperty(copy, MessageConst.PROPERTY_RETRY_TOPIC,
            retryTopic == null ? msg.getTopic() : retryTopic);
        MessageAccessor.setReconsumeTime(copy, String.valueOf(reconsumeTimes));
        MessageAccessor.setMaxReconsumeTimes(copy, String.valueOf(maxReconsumeTimes));
        MessageAccessor.clearProperty(copy, MessageConst.PROPERTY_TRANSACTION_PREPARED);
        copy.setDelayTimeLevel(3 + msg.getReconsumeTimes());
        return copy;
    }
}
