package org.cometmq.broker.transaction;

import io.netty.channel.Channel;
import org.cometmq.broker.client.Broker2Client;
import org.cometmq.broker.client.ProducerManager;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.header.CheckTransactionStateRequestHeader;
import org.cometmq.remoting.common.RemotingHelper;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends CHECK_TRANSACTION_STATE (spec 4.10) oneway to a live connection of the half message's producer group,
 * whichever producer instance of the group that is: the one that sent the message may be gone.
 */
public class ProducerCheckBackSender implements TransactionCheckBackSender {
    private static final Logger log = LoggerFactory.getLogger(ProducerCheckBackSender.class);

    private final ProducerManager producerManager;
    private final Broker2Client broker2Client;
    private final String brokerName;

    public ProducerCheckBackSender(ProducerManager producerManager, Broker2Client broker2Client, String brokerName) {
        this.producerManager = producerManager;
        this.broker2Client = broker2Client;
        this.brokerName = brokerName;
    }

    @Override
    public boolean sendCheckMessage(MessageExt half) {
        String group = half.getProperty(MessageConst.PROPERTY_PRODUCER_GROUP);
        if (group == null) {
            log.warn("half message {} names no producer group (PGROUP); nobody can be asked about it", half.getMsgId());
            return false;
        }
        Channel channel = producerManager.getAvailableChannel(group);
        if (channel == null) {
            log.info("no producer of group {} is connected to check half message {} (check {})", group,
                half.getMsgId(), HalfMessages.checkTimes(half));
            return false;
        }
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.CHECK_TRANSACTION_STATE,
            header(half));
        request.setBody(MessageDecoder.encode(HalfMessages.toCheckBody(half), false));
        broker2Client.sendOneway(channel, request);
        log.debug("asked producer {} of group {} about half message {}", RemotingHelper.parseChannelRemoteAddr(channel),
            group, half.getMsgId());
        return true;
    }

    private CheckTransactionStateRequestHeader header(MessageExt half) {
        String uniqueKey = half.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
        CheckTransactionStateRequestHeader header = new CheckTransactionStateRequestHeader();
        header.setTranStateTableOffset(half.getQueueOffset());
        header.setCommitLogOffset(half.getCommitLogOffset());
        header.setMsgId(uniqueKey);
        header.setTransactionId(uniqueKey);
        header.setOffsetMsgId(half.getMsgId());
        header.setBname(brokerName);
        return header;
    }
}
