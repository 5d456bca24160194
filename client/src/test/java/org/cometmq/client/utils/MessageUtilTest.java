package org.cometmq.client.utils;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cometmq.client.common.ClientErrorCode;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageAccessor;
import org.cometmq.common.message.MessageConst;
import org.junit.jupiter.api.Test;

class MessageUtilTest {
    @Test
    void replyGoesToTheClustersReplyTopicWithTheRequestsIds() throws Exception {
        Message request = new Message("Questions", new byte[] {1});
        MessageAccessor.putProperty(request, MessageConst.PROPERTY_CLUSTER, "ClusterX");
        MessageAccessor.putProperty(request, MessageConst.PROPERTY_CORRELATION_ID, "corr-1");
        MessageAccessor.putProperty(request, MessageConst.PROPERTY_MESSAGE_REPLY_TO_CLIENT, "10.0.0.1@42");
        MessageAccessor.putProperty(request, MessageConst.PROPERTY_MESSAGE_TTL, "3000");

        Message reply = MessageUtil.createReplyMessage(request, new byte[] {9});

        assertEquals("ClusterX_REPLY_TOPIC", reply.getTopic());
        assertArrayEquals(new byte[] {9}, reply.getBody());
        assertEquals("reply", reply.getProperty(MessageConst.PROPERTY_MESSAGE_TYPE));
        assertEquals("corr-1", reply.getProperty(MessageConst.PROPERTY_CORRELATION_ID));
        assertEquals("10.0.0.1@42", MessageUtil.getReplyToClient(reply));
        assertEquals("3000", reply.getProperty(MessageConst.PROPERTY_MESSAGE_TTL));
    }

    @Test
    void requestWithoutClusterOrNoRequestIsRefused() {
        MQClientException noCluster = assertThrows(MQClientException.class,
            () -> MessageUtil.createReplyMessage(new Message("Questions", new byte[] {1}), new byte[0]));
        assertEquals(ClientErrorCode.CREATE_REPLY_MESSAGE_EXCEPTION, noCluster.getResponseCode());
        assertEquals("create reply message fail, requestMessage error, property[CLUSTER] is null.",
            noCluster.getErrorMessage());
        MQClientException none = assertThrows(MQClientException.class,
            () -> MessageUtil.createReplyMessage(null, new byte[0]));
        assertEquals(ClientErrorCode.CREATE_REPLY_MESSAGE_EXCEPTION, none.getResponseCode());
    }
}
