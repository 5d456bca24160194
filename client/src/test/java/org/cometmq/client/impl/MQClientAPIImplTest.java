package org.cometmq.client.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.cometmq.client.ClientConfig;
import org.cometmq.client.consumer.PullResult;
import org.cometmq.client.consumer.PullStatus;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.impl.consumer.PullResultExt;
import org.cometmq.client.producer.SendCallback;
import org.cometmq.client.producer.SendResult;
import org.cometmq.client.producer.SendStatus;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.body.LockBatchRequestBody;
import org.cometmq.common.protocol.header.EndTransactionRequestHeader;
import org.cometmq.common.protocol.header.GetMaxOffsetResponseHeader;
import org.cometmq.common.protocol.header.PullMessageRequestHeader;
import org.cometmq.common.protocol.header.PullMessageResponseHeader;
import org.cometmq.common.protocol.header.QueryConsumerOffsetRequestHeader;
import org.cometmq.common.protocol.header.QueryConsumerOffsetResponseHeader;
import org.cometmq.common.protocol.header.SendMessageRequestHeader;
import org.cometmq.common.protocol.header.SendMessageResponseHeader;
import org.cometmq.common.protocol.header.UpdateConsumerOffsetRequestHeader;
import org.cometmq.common.protocol.heartbeat.HeartbeatData;
import org.cometmq.common.protocol.heartbeat.ProducerData;
import org.cometmq.common.protocol.route.TopicRouteData;
import org.cometmq.remoting.InvokeCallback;
import org.cometmq.remoting.RemotingClient;
import org.cometmq.remoting.netty.ResponseFuture;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class MQClientAPIImplTest {
    private static final String ADDR = "127.0.0.1:10911";

    private final RemotingClient remoting = mock(RemotingClient.class);
    private final MQClientAPIImpl api = new MQClientAPIImpl(remoting, new ClientConfig());
    private final ArgumentCaptor<RemotingCommand> sent = ArgumentCaptor.forClass(RemotingCommand.class);

    @Test
    void sendUsesTheV2HeaderWithExactKeys() throws Exception {
        Message msg = new Message("TopicTest", "TagA", "hello".getBytes(StandardCharsets.UTF_8));
        org.cometmq.common.message.MessageAccessor.putProperty(msg, MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, "UNIQ1");
        when(remoting.invokeSync(eq(ADDR), sent.capture(), eq(3000L))).thenReturn(sendResponse(ResponseCode.SUCCESS));

        SendResult result = api.sendMessageSync(ADDR, "broker-a", msg, header(msg, 2), 3000);

        RemotingCommand request = wire(sent.getValue());
        assertEquals(RequestCode.SEND_MESSAGE_V2, request.getCode());
        Map<String, String> expected = new HashMap<>();
        expected.put("a", "pg");
        expected.put("b", "TopicTest");
        expected.put("c", "TBW102");
        expected.put("d", "4");
        expected.put("e", "2");
        expected.put("f", "0");
        expected.put("g", "1700000000000");
        expected.put("h", "0");
        expected.put("i", org.cometmq.common.message.MessageDecoder.messageProperties2String(msg.getProperties()));
        assertTrue(expected.get("i").contains("UNIQ_KEY\u0001UNIQ1"));
        expected.put("j", "0");
        expected.put("k", "false");
        expected.put("m", "false");
        expected.put("n", "broker-a");
        assertEquals(expected, request.getExtFields());
        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), request.getBody());

        assertEquals(SendStatus.SEND_OK, result.getSendStatus());
        assertEquals("UNIQ1", result.getMsgId());
        assertEquals("0A00000100002A9F0000000000000C8A", result.getOffsetMsgId());
        assertEquals(new MessageQueue("TopicTest", "broker-a", 2), result.getMessageQueue());
        assertEquals(17, result.getQueueOffset());
        assertEquals("DefaultRegion", result.getRegionId());
        assertTrue(result.isTraceOn());
    }

    @Test
    void sendStatusesAndBrokerErrors() throws Exception {
        Message msg = new Message("TopicTest", new byte[] {1});
        when(remoting.invokeSync(eq(ADDR), any(), anyLong()))
            .thenReturn(sendResponse(ResponseCode.FLUSH_DISK_TIMEOUT))
            .thenReturn(RemotingCommand.createResponseCommand(ResponseCode.MESSAGE_ILLEGAL, "too big"));
        assertEquals(SendStatus.FLUSH_DISK_TIMEOUT,
            api.sendMessageSync(ADDR, "broker-a", msg, header(msg, 0), 3000).getSendStatus());
        MQBrokerException e = assertThrows(MQBrokerException.class,
            () -> api.sendMessageSync(ADDR, "broker-a", msg, header(msg, 0), 3000));
        assertEquals(ResponseCode.MESSAGE_ILLEGAL, e.getResponseCode());
        assertEquals("too big", e.getErrorMessage());
        assertEquals(ADDR, e.getBrokerAddr());
    }

    @Test
    void asyncSendReportsResultAndTransportFailure() throws Exception {
        Message msg = new Message("TopicTest", new byte[] {1});
        ArgumentCaptor<InvokeCallback> callbacks = ArgumentCaptor.forClass(InvokeCallback.class);
        doAnswer(inv -> null).when(remoting).invokeAsync(eq(ADDR), any(), eq(3000L), callbacks.capture());
        AtomicReference<Object> outcome = new AtomicReference<>();
        SendCallback callback = new SendCallback() {
            @Override
            public void onSuccess(SendResult sendResult) {
                outcome.set(sendResult);
            }

            @Override
            public void onException(Throwable e) {
                outcome.set(e);
            }
        };

        api.sendMessageAsync(ADDR, "broker-a", msg, header(msg, 1), 3000, callback);
        ResponseFuture ok = new ResponseFuture(null, 1, 3000, null, null);
        ok.setResponseCommand(sendResponse(ResponseCode.SUCCESS));
        callbacks.getValue().operationComplete(ok);
        assertEquals(17, ((SendResult) outcome.get()).getQueueOffset());

        api.sendMessageAsync(ADDR, "broker-a", msg, header(msg, 1), 3000, callback);
        ResponseFuture failed = new ResponseFuture(null, 2, 3000, null, null);
        failed.setSendRequestOK(false);
        callbacks.getValue().operationComplete(failed);
        assertInstanceOf(MQClientException.class, outcome.get());
        assertTrue(((MQClientException) outcome.get()).getErrorMessage().startsWith("send request failed to " + ADDR));
    }

    @Test
    void batchUsesSendBatchMessage() throws Exception {
        org.cometmq.common.message.MessageBatch batch = org.cometmq.common.message.MessageBatch.generateFromList(
            List.of(new Message("T", new byte[] {1}), new Message("T", new byte[] {2})));
        batch.setBody(batch.encode());
        SendMessageRequestHeader h = header(batch, 0);
        h.setBatch(true);
        when(remoting.invokeSync(eq(ADDR), sent.capture(), anyLong())).thenReturn(sendResponse(ResponseCode.SUCCESS));
        api.sendMessageSync(ADDR, "broker-a", batch, h, 3000);
        RemotingCommand request = wire(sent.getValue());
        assertEquals(RequestCode.SEND_BATCH_MESSAGE, request.getCode());
        assertEquals("true", request.getExtFields().get("m"));
        assertArrayEquals(batch.getBody(), request.getBody());
    }

    @Test
    void pullMapsResponseCodes() throws Exception {
        PullMessageRequestHeader h = new PullMessageRequestHeader();
        h.setConsumerGroup("cg");
        h.setTopic("T");
        h.setQueueId(1);
        h.setQueueOffset(5L);
        h.setMaxMsgNums(32);
        h.setSysFlag(2);
        h.setCommitOffset(0L);
        h.setSuspendTimeoutMillis(15000L);
        h.setSubVersion(0L);
        when(remoting.invokeSync(eq(ADDR), sent.capture(), anyLong()))
            .thenReturn(pullResponse(ResponseCode.SUCCESS, new byte[] {9}))
            .thenReturn(pullResponse(ResponseCode.PULL_NOT_FOUND, null))
            .thenReturn(pullResponse(ResponseCode.PULL_RETRY_IMMEDIATELY, null))
            .thenReturn(pullResponse(ResponseCode.PULL_OFFSET_MOVED, null))
            .thenReturn(RemotingCommand.createResponseCommand(ResponseCode.SUBSCRIPTION_NOT_EXIST, "no sub"));

        PullResultExt found = (PullResultExt) api.pullMessage(ADDR, h, 30000, CommunicationMode.SYNC, null);
        assertEquals(RequestCode.PULL_MESSAGE, sent.getValue().getCode());
        assertEquals("15000", wire(sent.getValue()).getExtFields().get("suspendTimeoutMillis"));
        assertEquals(PullStatus.FOUND, found.getPullStatus());
        assertEquals(8, found.getNextBeginOffset());
        assertEquals(1, found.getMinOffset());
        assertEquals(20, found.getMaxOffset());
        assertEquals(1, found.getSuggestWhichBrokerId());
        assertArrayEquals(new byte[] {9}, found.getMessageBinary());
        assertEquals(PullStatus.NO_NEW_MSG, pull(h).getPullStatus());
        assertEquals(PullStatus.NO_MATCHED_MSG, pull(h).getPullStatus());
        assertEquals(PullStatus.OFFSET_ILLEGAL, pull(h).getPullStatus());
        assertEquals(ResponseCode.SUBSCRIPTION_NOT_EXIST,
            assertThrows(MQBrokerException.class, () -> pull(h)).getResponseCode());
    }

    @Test
    void offsetRequestsCarryTopicQueueAndBrokerName() throws Exception {
        RemotingCommand offsetResponse = RemotingCommand.createResponseCommand(QueryConsumerOffsetResponseHeader.class);
        offsetResponse.setCode(ResponseCode.SUCCESS);
        ((QueryConsumerOffsetResponseHeader) offsetResponse.readCustomHeader()).setOffset(42L);
        RemotingCommand maxResponse = RemotingCommand.createResponseCommand(GetMaxOffsetResponseHeader.class);
        maxResponse.setCode(ResponseCode.SUCCESS);
        ((GetMaxOffsetResponseHeader) maxResponse.readCustomHeader()).setOffset(100L);
        when(remoting.invokeSync(eq(ADDR), sent.capture(), anyLong())).thenReturn(offsetResponse, maxResponse);

        QueryConsumerOffsetRequestHeader q = new QueryConsumerOffsetRequestHeader();
        q.setConsumerGroup("cg");
        q.setTopic("T");
        q.setQueueId(3);
        q.setBname("broker-a");
        assertEquals(42, api.queryConsumerOffset(ADDR, q, 3000));
        assertEquals(RequestCode.QUERY_CONSUMER_OFFSET, sent.getValue().getCode());
        assertEquals(Map.of("consumerGroup", "cg", "topic", "T", "queueId", "3", "bname", "broker-a"),
            wire(sent.getValue()).getExtFields());

        assertEquals(100, api.getMaxOffset(ADDR, new MessageQueue("T", "broker-a", 3), 3000));
        assertEquals(RequestCode.GET_MAX_OFFSET, sent.getValue().getCode());
        assertEquals(Map.of("topic", "T", "queueId", "3", "bname", "broker-a"), wire(sent.getValue()).getExtFields());
    }

    @Test
    void onewayRequestsAreFlaggedOneway() throws Exception {
        UpdateConsumerOffsetRequestHeader u = new UpdateConsumerOffsetRequestHeader();
        u.setConsumerGroup("cg");
        u.setTopic("T");
        u.setQueueId(0);
        u.setCommitOffset(7L);
        api.updateConsumerOffsetOneway(ADDR, u, 5000);
        verify(remoting).invokeOneway(eq(ADDR), sent.capture(), eq(5000L));
        assertTrue(sent.getValue().isOnewayRPC());
        assertEquals(RequestCode.UPDATE_CONSUMER_OFFSET, sent.getValue().getCode());
        assertEquals("7", wire(sent.getValue()).getExtFields().get("commitOffset"));

        EndTransactionRequestHeader e = new EndTransactionRequestHeader();
        e.setProducerGroup("pg");
        e.setTranStateTableOffset(3L);
        e.setCommitLogOffset(3210L);
        e.setCommitOrRollback(8);
        e.setMsgId("UNIQ1");
        api.endTransactionOneway(ADDR, e, "why", 3000);
        verify(remoting).invokeOneway(eq(ADDR), sent.capture(), eq(3000L));
        RemotingCommand end = wire(sent.getValue());
        assertEquals(RequestCode.END_TRANSACTION, end.getCode());
        assertTrue(end.isOnewayRPC());
        assertEquals("why", end.getRemark());
        assertEquals(Map.of("producerGroup", "pg", "tranStateTableOffset", "3", "commitLogOffset", "3210",
            "commitOrRollback", "8", "fromTransactionCheck", "false", "msgId", "UNIQ1"), end.getExtFields());
    }

    @Test
    void heartbeatSendsJsonBodyAndReturnsBrokerVersion() throws Exception {
        RemotingCommand ok = RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
        ok.setVersion(407);
        when(remoting.invokeSync(eq(ADDR), sent.capture(), anyLong())).thenReturn(ok);
        HeartbeatData data = new HeartbeatData();
        data.setClientID("127.0.0.1@1");
        data.getProducerDataSet().add(new ProducerData("pg"));
        assertEquals(407, api.sendHearbeat(ADDR, data, 3000));
        assertEquals(RequestCode.HEART_BEAT, sent.getValue().getCode());
        assertEquals("{\"clientID\":\"127.0.0.1@1\",\"consumerDataSet\":[],\"producerDataSet\":[{\"groupName\":\"pg\"}]}",
            new String(sent.getValue().getBody(), StandardCharsets.UTF_8));
    }

    @Test
    void lockBatchReturnsTheGrantedQueues() throws Exception {
        RemotingCommand ok = RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
        ok.setBody(("{\"lockOKMQSet\":[{\"brokerName\":\"broker-a\",\"queueId\":1,\"topic\":\"T\"}]}")
            .getBytes(StandardCharsets.UTF_8));
        when(remoting.invokeSync(eq(ADDR), sent.capture(), anyLong())).thenReturn(ok);
        LockBatchRequestBody body = new LockBatchRequestBody();
        body.setConsumerGroup("cg");
        body.setClientId("c1");
        body.getMqSet().add(new MessageQueue("T", "broker-a", 1));
        body.getMqSet().add(new MessageQueue("T", "broker-a", 2));
        assertEquals(Set.of(new MessageQueue("T", "broker-a", 1)), api.lockBatchMQ(ADDR, body, 1000));
        assertEquals(RequestCode.LOCK_BATCH_MQ, sent.getValue().getCode());
        assertNull(sent.getValue().getExtFields());
    }

    @Test
    void routeComesFromANameServerAndMissingTopicIsAClientError() throws Exception {
        RemotingCommand ok = RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
        ok.setBody(("{\"brokerDatas\":[{\"brokerAddrs\":{0:\"127.0.0.1:10911\"},\"brokerName\":\"broker-a\","
            + "\"cluster\":\"DefaultCluster\"}],\"filterServerTable\":{},\"queueDatas\":[{\"brokerName\":\"broker-a\","
            + "\"perm\":6,\"readQueueNums\":4,\"topicSysFlag\":0,\"writeQueueNums\":4}]}")
            .getBytes(StandardCharsets.UTF_8));
        when(remoting.invokeSync(isNull(), sent.capture(), anyLong())).thenReturn(ok,
            RemotingCommand.createResponseCommand(ResponseCode.TOPIC_NOT_EXIST, "No topic route info in name server"));

        TopicRouteData route = api.getTopicRouteInfoFromNameServer("T", 3000);
        assertEquals(RequestCode.GET_ROUTEINFO_BY_TOPIC, sent.getValue().getCode());
        assertEquals(Map.of("topic", "T"), wire(sent.getValue()).getExtFields());
        assertEquals("127.0.0.1:10911", route.getBrokerDatas().get(0).getBrokerAddrs().get(0L));
        assertEquals(4, route.getQueueDatas().get(0).getWriteQueueNums());

        MQClientException e = assertThrows(MQClientException.class,
            () -> api.getTopicRouteInfoFromNameServer("Missing", 3000));
        assertEquals(ResponseCode.TOPIC_NOT_EXIST, e.getResponseCode());
    }

    private PullResult pull(PullMessageRequestHeader h) throws Exception {
        return api.pullMessage(ADDR, h, 30000, CommunicationMode.SYNC, null);
    }

    private static SendMessageRequestHeader header(Message msg, int queueId) {
        SendMessageRequestHeader h = new SendMessageRequestHeader();
        h.setProducerGroup("pg");
        h.setTopic(msg.getTopic());
        h.setDefaultTopic("TBW102");
        h.setDefaultTopicQueueNums(4);
        h.setQueueId(queueId);
        h.setSysFlag(0);
        h.setBornTimestamp(1700000000000L);
        h.setFlag(0);
        h.setProperties(org.cometmq.common.message.MessageDecoder.messageProperties2String(msg.getProperties()));
        h.setReconsumeTimes(0);
        h.setBname("broker-a");
        return h;
    }

    private static RemotingCommand sendResponse(int code) {
        RemotingCommand response = RemotingCommand.createResponseCommand(SendMessageResponseHeader.class);
        response.setCode(code);
        SendMessageResponseHeader h = (SendMessageResponseHeader) response.readCustomHeader();
        h.setMsgId("0A00000100002A9F0000000000000C8A");
        h.setQueueId(2);
        h.setQueueOffset(17L);
        return wire(response);
    }

    private static RemotingCommand pullResponse(int code, byte[] body) {
        RemotingCommand response = RemotingCommand.createResponseCommand(PullMessageResponseHeader.class);
        response.setCode(code);
        PullMessageResponseHeader h = (PullMessageResponseHeader) response.readCustomHeader();
        h.setNextBeginOffset(8L);
        h.setMinOffset(1L);
        h.setMaxOffset(20L);
        h.setSuggestWhichBrokerId(1L);
        response.setBody(body);
        return wire(response);
    }

    /** The command as the peer sees it: encoded to a frame and decoded again. */
    static RemotingCommand wire(RemotingCommand command) {
        try {
            java.nio.ByteBuffer frame = command.encode();
            frame.getInt();
            return RemotingCommand.decode(frame.slice());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
