package org.cometmq.client.utils;

import org.cometmq.client.common.ClientErrorCode;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.common.MixAll;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageAccessor;
import org.cometmq.common.message.MessageConst;

/** Helpers for the replier's side of request-reply. */
public class MessageUtil {
    /**
     * The reply to a received request message: addressed to the reply topic of the cluster that stored the
     * request ({@code <cluster>_REPLY_TOPIC}), carrying the request's correlation id, requester id and TTL.
     *
     * @throws MQClientException (code CREATE_REPLY_MESSAGE_EXCEPTION) when the request is null or has no CLUSTER
     */
    public static Message createReplyMessage(final Message requestMessage, final byte[] body) throws MQClientException {
        if (requestMessage == null) {
            throw new MQClientException(ClientErrorCode.CREATE_REPLY_MESSAGE_EXCEPTION,
                "create reply message fail, requestMessage cannot be null.");
        }
        String cluster = requestMessage.getProperty(MessageConst.PROPERTY_CLUSTER);
        if (cluster == null) {
            throw new MQClientException(ClientErrorCode.CREATE_REPLY_MESSAGE_EXCEPTION,
                "create reply message fail, requestMessage error, property[" + MessageConst.PROPERTY_CLUSTER
                    + "] is null.");
        }
        Message reply = new Message();
        reply.setBody(body);
        reply.setTopic(MixAll.getReplyTopic(cluster));
        MessageAccessor.putProperty(reply, MessageConst.PROPERTY_MESSAGE_TYPE, MixAll.REPLY_MESSAGE_FLAG);
        putIfPresent(reply, MessageConst.PROPERTY_CORRELATION_ID, requestMessage);
        putIfPresent(reply, MessageConst.PROPERTY_MESSAGE_REPLY_TO_CLIENT, requestMessage);
        putIfPresent(reply, MessageConst.PROPERTY_MESSAGE_TTL, requestMessage);
        return reply;
    }

    /** The client id a request asks its reply to be pushed to. */
    public static String getReplyToClient(final Message msg) {
        return msg.getProperty(MessageConst.PROPERTY_MESSAGE_REPLY_TO_CLIENT);
    }

    private static void putIfPresent(Message reply, String key, Message request) {
        String value = request.getProperty(key);
        if (value != null) {
            MessageAccessor.putProperty(reply, key, value);
        }
    }
}
