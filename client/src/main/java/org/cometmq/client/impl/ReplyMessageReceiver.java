package org.cometmq.client.impl;

import java.io.IOException;
import org.cometmq.client.producer.RequestFutureHolder;
import org.cometmq.client.producer.RequestResponseFuture;
import org.cometmq.common.UtilAll;
import org.cometmq.common.message.MessageAccessor;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.header.ReplyMessageRequestHeader;
import org.cometmq.common.sysflag.MessageSysFlag;
import org.cometmq.remoting.common.RemotingHelper;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PUSH_REPLY_MESSAGE_TO_CLIENT: a broker delivers a reply to this client. The reply is rebuilt as a message and
 * handed to the outstanding request with its correlation id (waking a sync caller, or running the callback).
 */
final class ReplyMessageReceiver {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyMessageReceiver.class);

    private ReplyMessageReceiver() {
    }

    static RemotingCommand receiveReplyMessage(RemotingCommand request) {
        long receiveTime = System.currentTimeMillis();
        RemotingCommand response = RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
        try {
            ReplyMessageRequestHeader header = request.decodeCommandCustomHeader(ReplyMessageRequestHeader.class);
            MessageExt msg = toMessage(header, request.getBody());
            MessageAccessor.putProperty(msg, MessageConst.PROPERTY_REPLY_MESSAGE_ARRIVE_TIME,
                String.valueOf(receiveTime));
            deliver(msg);
        } catch (Exception e) {
            LOG.warn("a pushed reply message could not be processed", e);
            response.setCode(ResponseCode.SYSTEM_ERROR);
            response.setRemark("process reply message fail");
        }
        return response;
    }

    static MessageExt toMessage(ReplyMessageRequestHeader header, byte[] body) throws IOException {
        MessageExt msg = new MessageExt();
        msg.setTopic(header.getTopic());
        msg.setQueueId(header.getQueueId());
        msg.setStoreTimestamp(header.getStoreTimestamp());
        if (header.getBornHost() != null) {
            msg.setBornHost(RemotingHelper.string2SocketAddress(withoutHostName(header.getBornHost())));
        }
        if (header.getStoreHost() != null) {
            msg.setStoreHost(RemotingHelper.string2SocketAddress(withoutHostName(header.getStoreHost())));
        }
        int sysFlag = header.getSysFlag();
        if ((sysFlag & MessageSysFlag.COMPRESSED_FLAG) == MessageSysFlag.COMPRESSED_FLAG && body != null) {
            body = UtilAll.uncompress(body);
        }
        msg.setBody(body);
        msg.setFlag(header.getFlag());
        MessageAccessor.setProperties(msg, MessageDecoder.string2messageProperties(header.getProperties()));
        msg.setBornTimestamp(header.getBornTimestamp());
        msg.setReconsumeTimes(header.getReconsumeTimes() == null ? 0 : header.getReconsumeTimes());
        return msg;
    }

    /** A socket address as Java prints it ("host/1.2.3.4:5" or "/1.2.3.4:5") reduced to "1.2.3.4:5". */
    private static String withoutHostName(String addr) {
        int slash = addr.indexOf('/');
        return slash < 0 ? addr : addr.substring(slash + 1);
    }

    private static void deliver(MessageExt reply) {
        String correlationId = reply.getProperty(MessageConst.PROPERTY_CORRELATION_ID);
        RequestResponseFuture future = correlationId == null ? null
            : RequestFutureHolder.getInstance().getRequestFutureTable().get(correlationId);
        if (future == null) {
            LOG.warn("reply with correlation id {} from {} matches no outstanding request (timed out already?)",
                correlationId, reply.getBornHostString());
            return;
        }
        future.putResponseMessage(reply);
        RequestFutureHolder.getInstance().getRequestFutureTable().remove(correlationId);
        if (future.getRequestCallback() != null) {
            future.executeRequestCallback();
        }
    }
}
