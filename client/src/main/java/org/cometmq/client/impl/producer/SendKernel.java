package org.cometmq.client.impl.producer;

import java.time.Clock;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.hook.SendMessageContext;
import org.cometmq.client.impl.CommunicationMode;
import org.cometmq.client.impl.MQClientAPIImpl;
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.client.producer.SendCallback;
import org.cometmq.client.producer.SendResult;
import org.cometmq.common.MixAll;
import org.cometmq.common.UtilAll;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageAccessor;
import org.cometmq.common.message.MessageBatch;
import org.cometmq.common.message.MessageClientIDSetter;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.header.SendMessageRequestHeader;
import org.cometmq.common.sysflag.MessageSysFlag;
import org.cometmq.remoting.exception.RemotingException;
import org.cometmq.remoting.exception.RemotingTooMuchRequestException;

/**
 * One send attempt of one message to one queue: resolves the broker's master address, stamps the unique id,
 * compresses the body, builds the send header and sends in the given mode. The caller's message is left as it
 * was (body and topic restored) when the attempt returns.
 */
final class SendKernel implements SendAttempt {
    private final DefaultMQProducer producer;
    private final PublishRoutes routes;
    private final MQClientAPIImpl api;
    private final ProducerHooks hooks;
    private final Clock clock;

    /** {@code clock} times the attempt's share of the timeout and stamps the born time. */
    SendKernel(DefaultMQProducer producer, PublishRoutes routes, MQClientAPIImpl api, ProducerHooks hooks,
        Clock clock) {
        this.producer = producer;
        this.routes = routes;
        this.api = api;
        this.hooks = hooks;
        this.clock = clock;
    }

    @Override
    public SendResult send(Message msg, MessageQueue mq, CommunicationMode mode, SendCallback callback, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        long begin = clock.millis();
        String brokerName = mq.getBrokerName();
        String brokerAddr = routes.masterAddress(mq);
        if (brokerAddr == null) {
            throw new MQClientException("The broker[" + brokerName + "] not exist: is it running and registered "
                + "with the name server? (mqadmin clusterList)", null);
        }
        brokerAddr = MixAll.brokerVIPChannel(producer.isSendMessageWithVIPChannel(), brokerAddr);
        byte[] prevBody = msg.getBody();
        try {
            if (!(msg instanceof MessageBatch)) {
                MessageClientIDSetter.setUniqID(msg);
            }
            if (!UtilAll.isBlank(producer.getNamespace())) {
                msg.setInstanceId(producer.getNamespace());
            }
            int sysFlag = BodyCompression.compressIfLarge(msg, producer.getCompressMsgBodyOverHowmuch());
            if (Boolean.parseBoolean(msg.getProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED))) {
                sysFlag |= MessageSysFlag.TRANSACTION_PREPARED_TYPE;
            }
            hooks.checkForbidden(producer, msg, mq, brokerAddr, mode);
            SendMessageContext hookContext = hooks.before(producer, msg, mq, brokerAddr, mode);
            SendMessageRequestHeader header = buildHeader(msg, mq, sysFlag);
            long remaining = timeout - (clock.millis() - begin);
            try {
                SendResult result = sendInMode(brokerAddr, brokerName, msg, header, mode,
                    hookedCallback(hooks, hookContext, callback), remaining);
                hooks.after(hookContext, result);
                return result;
            } catch (RemotingException | MQBrokerException | InterruptedException e) {
                hooks.afterException(hookContext, e);
                throw e;
            }
        } finally {
            msg.setBody(prevBody);
            msg.setTopic(producer.withoutNamespace(msg.getTopic()));
        }
    }

    private SendResult sendInMode(String brokerAddr, String brokerName, Message msg,
        SendMessageRequestHeader header, CommunicationMode mode, SendCallback callback, long remaining)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        switch (mode) {
            case ASYNC -> api.sendMessageAsync(brokerAddr, brokerName, msg, header,
                remaining, callback);
            case ONEWAY -> api.sendMessageOneway(brokerAddr, msg, header, remaining);
            case SYNC -> {
                if (remaining <= 0) {
                    throw new RemotingTooMuchRequestException("sendKernelImpl call timeout");
                }
                return api.sendMessageSync(brokerAddr, brokerName, msg, header, remaining);
            }
        }
        return null;
    }

    /**
     * The callback of an async attempt, telling the send hooks of the broker's answer before the user hears of it
     * (a failed attempt is reported by the attempt's own exception path or by the retry that follows).
     */
    private static SendCallback hookedCallback(ProducerHooks hooks, SendMessageContext hookContext,
        SendCallback callback) {
        if (hookContext == null || callback == null) {
            return callback;
        }
        return new SendCallback() {
            @Override
            public void onSuccess(SendResult sendResult) {
                hooks.after(hookContext, sendResult);
                callback.onSuccess(sendResult);
            }

            @Override
            public void onException(Throwable e) {
                if (e instanceof Exception cause) {
                    hooks.afterException(hookContext, cause);
                }
                callback.onException(e);
            }
        };
    }

    /** The V1 send header; the request codec turns it into the single-letter V2 header on the wire. */
    SendMessageRequestHeader buildHeader(Message msg, MessageQueue mq, int sysFlag) throws MQClientException {
        SendMessageRequestHeader header = new SendMessageRequestHeader();
        header.setProducerGroup(producer.getProducerGroup());
        header.setTopic(msg.getTopic());
        header.setDefaultTopic(producer.getCreateTopicKey());
        header.setDefaultTopicQueueNums(producer.getDefaultTopicQueueNums());
        header.setQueueId(mq.getQueueId());
        header.setSysFlag(sysFlag);
        header.setBornTimestamp(clock.millis());
        header.setFlag(msg.getFlag());
        header.setReconsumeTimes(0);
        header.setUnitMode(producer.isUnitMode());
        header.setBatch(msg instanceof MessageBatch);
        header.setBname(mq.getBrokerName());
        if (msg.getTopic().startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX)) {
            // Re-sends to a retry topic carry the consumer's counters in the header, not as properties.
            String reconsumeTimes = MessageAccessor.getReconsumeTime(msg);
            if (reconsumeTimes != null) {
                header.setReconsumeTimes(parseInt(reconsumeTimes, MessageConst.PROPERTY_RECONSUME_TIME));
                MessageAccessor.clearProperty(msg, MessageConst.PROPERTY_RECONSUME_TIME);
            }
            String maxReconsumeTimes = MessageAccessor.getMaxReconsumeTimes(msg);
            if (maxReconsumeTimes != null) {
                header.setMaxReconsumeTimes(parseInt(maxReconsumeTimes, MessageConst.PROPERTY_MAX_RECONSUME_TIMES));
                MessageAccessor.clearProperty(msg, MessageConst.PROPERTY_MAX_RECONSUME_TIMES);
            }
        }
        header.setProperties(MessageDecoder.messageProperties2String(msg.getProperties()));
        return header;
    }

    private static int parseInt(String value, String property) throws MQClientException {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL,
                "property " + property + " must be an integer, got '" + value + "'");
        }
    }
}
