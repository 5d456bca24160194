package org.cometmq.client.impl;

import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.producer.SendResult;
import org.cometmq.client.producer.SendStatus;
import org.cometmq.common.MixAll;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageBatch;
import org.cometmq.common.message.MessageClientIDSetter;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.header.SendMessageRequestHeader;
import org.cometmq.common.protocol.header.SendMessageRequestHeaderV2;
import org.cometmq.common.protocol.header.SendMessageResponseHeader;
import org.cometmq.remoting.exception.RemotingCommandException;
import org.cometmq.remoting.protocol.RemotingCommand;

/**
 * Turns a message and its send header into the request (SEND_MESSAGE_V2 by default, SEND_BATCH_MESSAGE for
 * batches, SEND_MESSAGE when smart messages are off) and a send response into a {@link SendResult}.
 */
public final class SendRequestCodec {
    /** JVM property; {@code false} sends the long-named SEND_MESSAGE header instead of the V2 one. */
    public static final String SEND_SMART_MSG_PROPERTY = "org.cometmq.client.sendSmartMsg";

    private static final boolean SEND_SMART_MSG =
        Boolean.parseBoolean(System.getProperty(SEND_SMART_MSG_PROPERTY, "true"));

    private SendRequestCodec() {
    }

    public static RemotingCommand buildRequest(Message msg, SendMessageRequestHeader header) {
        boolean reply = MixAll.REPLY_MESSAGE_FLAG.equals(msg.getProperty(MessageConst.PROPERTY_MESSAGE_TYPE));
        RemotingCommand request;
        if (msg instanceof MessageBatch) {
            request = RemotingCommand.createRequestCommand(RequestCode.SEND_BATCH_MESSAGE,
                SendMessageRequestHeaderV2.createSendMessageRequestHeaderV2(header));
        } else if (SEND_SMART_MSG || reply) {
            int code = reply ? RequestCode.SEND_REPLY_MESSAGE_V2 : RequestCode.SEND_MESSAGE_V2;
            request = RemotingCommand.createRequestCommand(code,
                SendMessageRequestHeaderV2.createSendMessageRequestHeaderV2(header));
        } else {
            request = RemotingCommand.createRequestCommand(RequestCode.SEND_MESSAGE, header);
        }
        request.setBody(msg.getBody());
        return request;
    }

    /**
     * The send result of a response with code SUCCESS, FLUSH_DISK_TIMEOUT, FLUSH_SLAVE_TIMEOUT or
     * SLAVE_NOT_AVAILABLE; any other code is an {@link MQBrokerException}.
     *
     * @param topic the topic as the application named it (namespace already removed)
     */
    public static SendResult decodeResponse(String brokerName, String topic, Message msg, RemotingCommand response,
        String addr) throws MQBrokerException, RemotingCommandException {
        SendStatus status = toSendStatus(response.getCode());
        if (status == null) {
            throw new MQBrokerException(response.getCode(), response.getRemark(), addr);
        }
        SendMessageResponseHeader header = response.decodeCommandCustomHeader(SendMessageResponseHeader.class);
        MessageQueue queue = new MessageQueue(topic, brokerName, header.getQueueId());
        SendResult result = new SendResult(status, clientMsgId(msg), header.getMsgId(), queue,
            header.getQueueOffset());
        result.setTransactionId(header.getTransactionId());
        String region = response.getExtFields() == null ? null
            : response.getExtFields().get(MessageConst.PROPERTY_MSG_REGION);
        result.setRegionId(region == null || region.isEmpty() ? MixAll.DEFAULT_TRACE_REGION_ID : region);
        String traceOn = response.getExtFields() == null ? null
            : response.getExtFields().get(MessageConst.PROPERTY_TRACE_SWITCH);
        result.setTraceOn(!"false".equals(traceOn));
        return result;
    }

    private static SendStatus toSendStatus(int code) {
        return switch (code) {
            case ResponseCode.SUCCESS -> SendStatus.SEND_OK;
            case ResponseCode.FLUSH_DISK_TIMEOUT -> SendStatus.FLUSH_DISK_TIMEOUT;
            case ResponseCode.FLUSH_SLAVE_TIMEOUT -> SendStatus.FLUSH_SLAVE_TIMEOUT;
            case ResponseCode.SLAVE_NOT_AVAILABLE -> SendStatus.SLAVE_NOT_AVAILABLE;
            default -> null;
        };
    }

    /** UNIQ_KEY of the message, or of every message of a batch joined by commas. */
    private static String clientMsgId(Message msg) {
        if (!(msg instanceof MessageBatch batch)) {
            return MessageClientIDSetter.getUniqID(msg);
        }
        StringBuilder ids = new StringBuilder();
        for (Message message : batch) {
            if (ids.length() > 0) {
                ids.append(',');
            }
            ids.append(MessageClientIDSetter.getUniqID(message));
        }
        return ids.toString();
    }
}
