package org.cometmq.client.impl.producer;

import java.net.UnknownHostException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.cometmq.client.Validators;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.impl.MQClientAPIImpl;
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.client.producer.LocalTransactionState;
import org.cometmq.client.producer.SendResult;
import org.cometmq.client.producer.TransactionListener;
import org.cometmq.client.producer.TransactionMQProducer;
import org.cometmq.client.producer.TransactionSendResult;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageAccessor;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageId;
import org.cometmq.common.protocol.header.CheckTransactionStateRequestHeader;
import org.cometmq.common.protocol.header.EndTransactionRequestHeader;
import org.cometmq.common.sysflag.MessageSysFlag;
import org.cometmq.remoting.common.NamedThreadFactory;
import org.cometmq.remoting.common.RemotingHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactional side of a producer: half message send, local transaction, END_TRANSACTION (oneway) with the
 * outcome, and answers to the broker's CHECK_TRANSACTION_STATE on a dedicated check executor.
 */
final class TransactionSupport {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionSupport.class);
    private static final String TRANSACTION_ID_PROPERTY = "__transactionId__";
    private static final long END_TRANSACTION_TIMEOUT_MILLIS = 3000;

    private final DefaultMQProducer producer;
    private final PublishRoutes routes;
    private final MQClientAPIImpl api;
    private final ProducerHooks hooks;
    private final ExecutorService checkExecutor;
    private final boolean ownsExecutor;

    TransactionSupport(DefaultMQProducer producer, PublishRoutes routes, MQClientAPIImpl api, ProducerHooks hooks,
        ExecutorService checkExecutor) {
        this.producer = producer;
        this.routes = routes;
        this.api = api;
        this.hooks = hooks;
        this.ownsExecutor = checkExecutor == null;
        this.checkExecutor = checkExecutor != null ? checkExecutor : new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(2000), new NamedThreadFactory("TransactionCheckExecutor"));
    }

    TransactionListener listener() {
        return producer instanceof TransactionMQProducer tp ? tp.getTransactionListener() : null;
    }

    /**
     * Checks a message about to be sent as the half message of a transaction and marks it so; returns the listener
     * that decides the transaction ({@code listener}, else the producer's).
     */
    TransactionListener prepareHalfMessage(Message msg, TransactionListener listener) throws MQClientException {
        TransactionListener effective = listener != null ? listener : listener();
        if (effective == null) {
            throw new MQClientException("TransactionListener is null: set one with setTransactionListener", null);
        }
        if (msg.getDelayTimeLevel() != 0) {
            MessageAccessor.clearProperty(msg, MessageConst.PROPERTY_DELAY_TIME_LEVEL);
        }
        Validators.checkMessage(msg, producer);
        MessageAccessor.putProperty(msg, MessageConst.PROPERTY_TRANSACTION_PREPARED, "true");
        MessageAccessor.putProperty(msg, MessageConst.PROPERTY_PRODUCER_GROUP, producer.getProducerGroup());
        return effective;
    }

    /** After the half message was sent: runs the local transaction (if stored) and tells the broker its outcome. */
    TransactionSendResult completeTransaction(Message msg, SendResult sendResult, TransactionListener effective,
        Object arg) {
        LocalTransactionState state = LocalTransactionState.UNKNOW;
        Throwable localException = null;
        if (sendResult.getSendStatus() == org.cometmq.client.producer.SendStatus.SEND_OK) {
            try {
                state = runLocalTransaction(msg, sendResult, effective, arg);
            } catch (Throwable e) {
                LOG.warn("local transaction of {} threw, state stays UNKNOW", sendResult.getMsgId(), e);
                localException = e;
            }
        } else {
            state = LocalTransactionState.ROLLBACK_MESSAGE;
        }
        try {
            endTransaction(msg, sendResult, state, localException);
        } catch (Exception e) {
            LOG.warn("END_TRANSACTION {} for {} not sent, the broker will check back: {}", state,
                sendResult.getMsgId(), e.toString());
        }
        return toTransactionResult(sendResult, state);
    }

    private static LocalTransactionState runLocalTransaction(Message msg, SendResult sendResult,
        TransactionListener listener, Object arg) {
        if (sendResult.getTransactionId() != null) {
            msg.putUserProperty(TRANSACTION_ID_PROPERTY, sendResult.getTransactionId());
        }
        String transactionId = msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
        if (transactionId != null && !transactionId.isEmpty()) {
            msg.setTransactionId(transactionId);
        }
        LocalTransactionState state = listener.executeLocalTransaction(msg, arg);
        return state == null ? LocalTransactionState.UNKNOW : state;
    }

    private static TransactionSendResult toTransactionResult(SendResult sendResult, LocalTransactionState state) {
        TransactionSendResult result = new TransactionSendResult();
        result.setSendStatus(sendResult.getSendStatus());
        result.setMessageQueue(sendResult.getMessageQueue());
        result.setMsgId(sendResult.getMsgId());
        result.setQueueOffset(sendResult.getQueueOffset());
        result.setTransactionId(sendResult.getMsgId());
        result.setOffsetMsgId(sendResult.getOffsetMsgId());
        result.setRegionId(sendResult.getRegionId());
        result.setTraceOn(sendResult.isTraceOn());
        result.setLocalTransactionState(state);
        return result;
    }

    /** Tells the broker that stored the half message what became of it. */
    void endTransaction(Message msg, SendResult sendResult, LocalTransactionState state, Throwable localException)
        throws Exception {
        MessageId id = decodeId(sendResult.getOffsetMsgId() != null ? sendResult.getOffsetMsgId()
            : sendResult.getMsgId());
        String brokerName = sendResult.getMessageQueue().getBrokerName();
        String brokerAddr = routes.masterAddress(brokerName);
        EndTransactionRequestHeader header = new EndTransactionRequestHeader();
        header.setTransactionId(sendResult.getTransactionId() != null ? sendResult.getTransactionId()
            : sendResult.getMsgId());
        header.setCommitLogOffset(id.getOffset());
        header.setCommitOrRollback(toSysFlag(state));
        header.setProducerGroup(producer.getProducerGroup());
        header.setTranStateTableOffset(sendResult.getQueueOffset());
        header.setMsgId(sendResult.getMsgId());
        header.setBname(brokerName);
        String remark = localException == null ? null : "executeLocalTransactionBranch exception: " + localException;
        hooks.endTransaction(producer.getProducerGroup(), msg, brokerAddr, sendResult.getMsgId(), state, false);
        api.endTransactionOneway(brokerAddr, header, remark,
            producer.getSendMsgTimeout());
    }

    /** Answers a check-back on the check executor: asks the listener, then sends END_TRANSACTION to {@code addr}. */
    void checkTransactionState(String addr, MessageExt msg, CheckTransactionStateRequestHeader checkHeader) {
        TransactionListener listener = listener();
        if (listener == null) {
            LOG.warn("transaction check for {} from {} but producer {} has no TransactionListener", msg.getMsgId(),
                addr, producer.getProducerGroup());
            return;
        }
        try {
            checkExecutor.submit(() -> answerCheck(addr, msg, checkHeader, listener));
        } catch (RejectedExecutionException e) {
            LOG.warn("transaction check for {} dropped, check executor full; the broker will ask again",
                msg.getMsgId());
        }
    }

    private void answerCheck(String addr, MessageExt msg, CheckTransactionStateRequestHeader checkHeader,
        TransactionListener listener) {
        LocalTransactionState state = LocalTransactionState.UNKNOW;
        Throwable exception = null;
        try {
            state = listener.checkLocalTransaction(msg);
            if (state == null) {
                state = LocalTransactionState.UNKNOW;
            }
        } catch (Throwable e) {
            LOG.warn("checkLocalTransaction of {} threw, answering UNKNOW", msg.getMsgId(), e);
            exception = e;
        }
        EndTransactionRequestHeader header = new EndTransactionRequestHeader();
        header.setCommitLogOffset(checkHeader.getCommitLogOffset());
        header.setProducerGroup(producer.getProducerGroup());
        header.setTranStateTableOffset(checkHeader.getTranStateTableOffset());
        header.setFromTransactionCheck(true);
        header.setBname(checkHeader.getBname());
        String uniqueKey = msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
        header.setMsgId(uniqueKey != null ? uniqueKey : msg.getMsgId());
        header.setTransactionId(checkHeader.getTransactionId());
        header.setCommitOrRollback(toSysFlag(state));
        String remark = exception == null ? null
            : "checkLocalTransactionState Exception: " + RemotingHelper.exceptionSimpleDesc(exception);
        hooks.endTransaction(producer.getProducerGroup(), msg, addr, header.getMsgId(), state, true);
        try {
            api.endTransactionOneway(addr, header, remark,
                END_TRANSACTION_TIMEOUT_MILLIS);
        } catch (Exception e) {
            LOG.warn("END_TRANSACTION {} for checked {} not sent to {}: {}", state, header.getMsgId(), addr,
                e.toString());
        }
    }

    private static int toSysFlag(LocalTransactionState state) {
        return switch (state) {
            case COMMIT_MESSAGE -> MessageSysFlag.TRANSACTION_COMMIT_TYPE;
            case ROLLBACK_MESSAGE -> MessageSysFlag.TRANSACTION_ROLLBACK_TYPE;
            case UNKNOW -> MessageSysFlag.TRANSACTION_NOT_TYPE;
        };
    }

    private static MessageId decodeId(String msgId) throws MQClientException {
        try {
            return MessageDecoder.decodeMessageId(msgId);
        } catch (UnknownHostException | RuntimeException e) {
            throw new MQClientException("offset message id " + msgId + " cannot be decoded", e);
        }
    }

    void shutdown() {
        if (ownsExecutor) {
            checkExecutor.shutdown();
        }
    }
}
