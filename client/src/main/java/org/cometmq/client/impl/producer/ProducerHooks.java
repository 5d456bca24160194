package org.cometmq.client.impl.producer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.hook.CheckForbiddenContext;
import org.cometmq.client.hook.CheckForbiddenHook;
import org.cometmq.client.hook.EndTransactionContext;
import org.cometmq.client.hook.EndTransactionHook;
import org.cometmq.client.hook.SendMessageContext;
import org.cometmq.client.hook.SendMessageHook;
import org.cometmq.client.impl.CommunicationMode;
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.client.producer.LocalTransactionState;
import org.cometmq.client.producer.SendResult;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.message.MessageType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hooks registered on one producer and the contexts they are called with. A send or end-transaction hook that
 * throws is logged and the send goes on; a forbidden-check hook that throws refuses the send.
 */
final class ProducerHooks {
    private static final Logger LOG = LoggerFactory.getLogger(ProducerHooks.class);
    /** Not a MessageConst: a delivery time some clients set; a message carrying it is reported as a delay message. */
    private static final String START_DELIVER_TIME = "__STARTDELIVERTIME";

    private final List<CheckForbiddenHook> checkForbiddenHooks = new CopyOnWriteArrayList<>();
    private final List<SendMessageHook> sendMessageHooks = new CopyOnWriteArrayList<>();
    private final List<EndTransactionHook> endTransactionHooks = new CopyOnWriteArrayList<>();
    /** Only handed to send hooks in their context (4.9's {@code SendMessageContext.getProducer()}); never called. */
    private final DefaultMQProducerImpl contextProducer;

    ProducerHooks(DefaultMQProducerImpl contextProducer) {
        this.contextProducer = contextProducer;
    }

    void register(CheckForbiddenHook hook) {
        checkForbiddenHooks.add(hook);
        LOG.info("registered check forbidden hook {}", hook.hookName());
    }

    void register(SendMessageHook hook) {
        sendMessageHooks.add(hook);
        LOG.info("registered send message hook {}", hook.hookName());
    }

    void register(EndTransactionHook hook) {
        endTransactionHooks.add(hook);
        LOG.info("registered end transaction hook {}", hook.hookName());
    }

    boolean hasCheckForbiddenHook() {
        return !checkForbiddenHooks.isEmpty();
    }

    boolean hasSendMessageHook() {
        return !sendMessageHooks.isEmpty();
    }

    boolean hasEndTransactionHook() {
        return !endTransactionHooks.isEmpty();
    }

    void executeCheckForbidden(CheckForbiddenContext context) throws MQClientException {
        for (CheckForbiddenHook hook : checkForbiddenHooks) {
            hook.checkForbidden(context);
        }
    }

    void executeBefore(SendMessageContext context) {
        for (SendMessageHook hook : sendMessageHooks) {
            try {
                hook.sendMessageBefore(context);
            } catch (Throwable e) {
                LOG.warn("send message hook {} failed before sending; the send goes on", hook.hookName(), e);
            }
        }
    }

    void executeAfter(SendMessageContext context) {
        for (SendMessageHook hook : sendMessageHooks) {
            try {
                hook.sendMessageAfter(context);
            } catch (Throwable e) {
                LOG.warn("send message hook {} failed after sending", hook.hookName(), e);
            }
        }
    }

    void executeEndTransaction(EndTransactionContext context) {
        for (EndTransactionHook hook : endTransactionHooks) {
            try {
                hook.endTransaction(context);
            } catch (Throwable e) {
                LOG.warn("end transaction hook {} failed", hook.hookName(), e);
            }
        }
    }

    /** Runs the forbidden checks for one attempt (when any are registered). */
    void checkForbidden(DefaultMQProducer producer, Message msg, MessageQueue mq, String brokerAddr,
        CommunicationMode mode) throws MQClientException {
        if (!hasCheckForbiddenHook()) {
            return;
        }
        CheckForbiddenContext context = new CheckForbiddenContext();
        context.setNameSrvAddr(producer.getNamesrvAddr());
        context.setGroup(producer.getProducerGroup());
        context.setCommunicationMode(mode);
        context.setBrokerAddr(brokerAddr);
        context.setMessage(msg);
        context.setMq(mq);
        context.setUnitMode(producer.isUnitMode());
        executeCheckForbidden(context);
    }

    /** Calls the send hooks' before step for one attempt; null when no send hook is registered. */
    SendMessageContext before(DefaultMQProducer producer, Message msg, MessageQueue mq, String brokerAddr,
        CommunicationMode mode) {
        if (!hasSendMessageHook()) {
            return null;
        }
        SendMessageContext context = new SendMessageContext();
        context.setProducer(contextProducer);
        context.setProducerGroup(producer.getProducerGroup());
        context.setCommunicationMode(mode);
        context.setBornHost(producer.getClientIP());
        context.setBrokerAddr(brokerAddr);
        context.setMessage(msg);
        context.setMq(mq);
        context.setNamespace(producer.getNamespace());
        if ("true".equals(msg.getProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED))) {
            context.setMsgType(MessageType.Trans_Msg_Half);
        }
        if (msg.getProperty(START_DELIVER_TIME) != null
            || msg.getProperty(MessageConst.PROPERTY_DELAY_TIME_LEVEL) != null) {
            context.setMsgType(MessageType.Delay_Msg);
        }
        executeBefore(context);
        return context;
    }

    /** Reports the end of an attempt: its result (null for oneway and for an async send just sent). */
    void after(SendMessageContext context, SendResult result) {
        if (context != null) {
            context.setSendResult(result);
            executeAfter(context);
        }
    }

    /** Reports an attempt that ended with {@code e}. */
    void afterException(SendMessageContext context, Exception e) {
        if (context != null) {
            context.setException(e);
            executeAfter(context);
        }
    }

    /** Tells the end-transaction hooks of one outcome (when any are registered). */
    void endTransaction(String producerGroup, Message msg, String brokerAddr, String msgId,
        LocalTransactionState state, boolean fromTransactionCheck) {
        if (!hasEndTransactionHook()) {
            return;
        }
        EndTransactionContext context = new EndTransactionContext();
        context.setProducerGroup(producerGroup);
        context.setBrokerAddr(brokerAddr);
        context.setMessage(msg);
        context.setMsgId(msgId);
        context.setTransactionId(msg.getTransactionId());
        context.setTransactionState(state);
        context.setFromTransactionCheck(fromTransactionCheck);
        executeEndTransaction(context);
    }
}
