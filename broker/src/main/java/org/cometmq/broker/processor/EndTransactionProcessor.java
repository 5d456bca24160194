package org.cometmq.broker.processor;

import io.netty.channel.ChannelHandlerContext;
import org.cometmq.broker.transaction.HalfMessages;
import org.cometmq.broker.transaction.TransactionTopics;
import org.cometmq.broker.transaction.TransactionalMessageBridge;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.header.EndTransactionRequestHeader;
import org.cometmq.common.sysflag.MessageSysFlag;
import org.cometmq.remoting.common.RemotingHelper;
import org.cometmq.remoting.netty.NettyRequestProcessor;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.store.PutMessageResult;
import org.cometmq.store.config.BrokerRole;
import org.cometmq.store.config.MessageStoreConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * END_TRANSACTION (spec 4.10, 9.9), oneway from the producer: COMMIT writes the half message's real message and
 * then an op record ending the half message; ROLLBACK writes only the op record; NOT_TYPE (the producer does not
 * know yet) changes nothing and leaves the message to the check service. The half message must be the one the
 * request names: found at commitLogOffset, in the half topic, at queue offset tranStateTableOffset, of the
 * request's producer group. A request sent with an answer expected gets one.
 */
public class EndTransactionProcessor implements NettyRequestProcessor {
    private static final Logger log = LoggerFactory.getLogger(EndTransactionProcessor.class);

    private final BrokerRole brokerRole;
    private final TransactionalMessageBridge bridge;
    private final MessageStoreConfig storeConfig;

    public EndTransactionProcessor(TransactionalMessageBridge bridge, MessageStoreConfig storeConfig) {
        this.brokerRole = storeConfig.getBrokerRole();
        this.bridge = bridge;
        this.storeConfig = storeConfig;
    }

    @Override
    public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) throws Exception {
        EndTransactionRequestHeader header = request.decodeCommandCustomHeader(EndTransactionRequestHeader.class);
        if (brokerRole == BrokerRole.SLAVE) {
            return answer(ResponseCode.SLAVE_NOT_AVAILABLE, "a slave broker cannot end transactions: send"
                + " END_TRANSACTION to the master");
        }
        int type = header.getCommitOrRollback();
        if (type == MessageSysFlag.TRANSACTION_NOT_TYPE) {
            log.debug("producer {} of group {} does not know the state of transaction {} yet{}",
                RemotingHelper.parseChannelRemoteAddr(ctx.channel()), header.getProducerGroup(),
                header.getTransactionId(), Boolean.TRUE.equals(header.getFromTransactionCheck()) ? " (check answer)" : "");
            return answer(ResponseCode.SUCCESS, null);
        }
        MessageExt half = bridge.lookMessageByOffset(header.getCommitLogOffset());
        String wrong = verify(half, header);
        if (wrong != null) {
            log.warn("END_TRANSACTION from {} refused: {}", RemotingHelper.parseChannelRemoteAddr(ctx.channel()), wrong);
            return answer(ResponseCode.SYSTEM_ERROR, wrong);
        }
        if (type == MessageSysFlag.TRANSACTION_COMMIT_TYPE) {
            RemotingCommand response = answer(ResponseCode.SUCCESS, null);
            PutMessageResult result = bridge.putMessage(HalfMessages.toCommitted(half));
            if (!PutResultMapper.apply(result, response, storeConfig)) {
                return response;
            }
        }
        if (!bridge.putOpMessage(half)) {
            // the transaction's outcome stands; without the op record the half message is checked again later
            log.warn("writing the op record for half message {} (queue offset {}) failed", half.getMsgId(),
                half.getQueueOffset());
        }
        return answer(ResponseCode.SUCCESS, null);
    }

    /** Why {@code half} is not the message the request names, or null when it is. */
    static String verify(MessageExt half, EndTransactionRequestHeader header) {
        if (half == null) {
            return "Find prepared transaction message failed: no message at commit-log offset "
                + header.getCommitLogOffset();
        }
        if (!TransactionTopics.HALF_TOPIC.equals(half.getTopic())) {
            return "the message at commit-log offset " + header.getCommitLogOffset() + " is not a half message"
                + " (topic " + half.getTopic() + ")";
        }
        String group = half.getProperty(MessageConst.PROPERTY_PRODUCER_GROUP);
        if (group == null || !group.equals(header.getProducerGroup())) {
            return "The producer group wrong: the half message at commit-log offset " + header.getCommitLogOffset()
                + " belongs to group " + group + ", not " + header.getProducerGroup();
        }
        if (half.getQueueOffset() != header.getTranStateTableOffset()) {
            return "The transaction state table offset wrong: the half message at commit-log offset "
                + header.getCommitLogOffset() + " has queue offset " + half.getQueueOffset() + ", not "
                + header.getTranStateTableOffset();
        }
        if (half.getCommitLogOffset() != header.getCommitLogOffset()) {
            return "The commit log offset wrong: " + half.getCommitLogOffset() + " != " + header.getCommitLogOffset();
        }
        return null;
    }

    private static RemotingCommand answer(int code, String remark) {
        return Responses.error(code, remark);
    }

    @Override
    public boolean rejectRequest() {
        return false;
    }
}
