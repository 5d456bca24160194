package org.cometmq.client.producer;

import static org.cometmq.client.producer.ProducerTestSupport.BROKER_A;
import static org.cometmq.client.producer.ProducerTestSupport.BROKER_B;
import static org.cometmq.client.producer.ProducerTestSupport.brokerError;
import static org.cometmq.client.producer.ProducerTestSupport.routeResponse;
import static org.cometmq.client.producer.ProducerTestSupport.started;
import static org.cometmq.client.producer.ProducerTestSupport.storingBroker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.cometmq.client.common.ClientErrorCode;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.exception.RequestTimeoutException;
import org.cometmq.client.impl.FakeRemotingClient;
import org.cometmq.client.impl.factory.MQClientInstance;
import org.cometmq.client.impl.producer.RouteFixtures;
import org.cometmq.client.utils.MessageUtil;
import org.cometmq.common.MixAll;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageAccessor;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.header.ReplyMessageRequestHeader;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DefaultMQProducer.request against a fake broker that pushes the reply back as PUSH_REPLY_MESSAGE_TO_CLIENT. */
class RequestReplyTest {
    private final FakeRemotingClient remoting = new FakeRemotingClient();
    private final AtomicLong offsets = new AtomicLong();
    private DefaultMQProducer producer;

    @BeforeEach
    void setUp() throws Exception {
        remoting.on(null, request -> routeResponse(RouteFixtures.route(2, "broker-a", "broker-b")));
        MQClientInstance instance = ProducerTestSupport.instance(remoting);
        producer = started(new DefaultMQProducer("requester"), instance);
    }

    @AfterEach
    void tearDown() {
        producer.shutdown();
        RequestFutureHolder.getInstance().getRequestFutureTable().clear();
    }

    /** A broker that stores the request and, as a replier would, pushes "re:" + body back to the requester. */
    private FakeRemotingClient.Handler replyingBroker(int port) {
        FakeRemotingClient.Handler storing = storingBroker(port, offsets);
        return request -> {
            if (request.getCode() == RequestCode.SEND_MESSAGE_V2) {
                request.makeCustomHeaderToNet();
                Message received = new Message("TopicTest", request.getBody());
                MessageAccessor.setProperties(received,
                    MessageDecoder.string2messageProperties(request.getExtFields().get("i")));
                MessageAccessor.putProperty(received, MessageConst.PROPERTY_CLUSTER, "DefaultCluster");
                Message reply = MessageUtil.createReplyMessage(received,
                    ("re:" + new String(request.getBody(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
                RemotingCommand answer = remoting.processor(RequestCode.PUSH_REPLY_MESSAGE_TO_CLIENT)
                    .processRequest(null, push(reply));
                assertEquals(ResponseCode.SUCCESS, answer.getCode());
            }
            return storing.answer(request);
        };
    }

    private static RemotingCommand push(Message reply) {
        ReplyMessageRequestHeader header = new ReplyMessageRequestHeader();
        header.setProducerGroup("replier");
        header.setTopic(reply.getTopic());
        header.setDefaultTopic("TBW102");
        header.setDefaultTopicQueueNums(4);
        header.setQueueId(0);
        header.setSysFlag(0);
        header.setBornTimestamp(1L);
        header.setFlag(0);
        header.setProperties(MessageDecoder.messageProperties2String(reply.getProperties()));
        header.setBornHost("/127.0.0.1:50000");
        header.setStoreHost("/127.0.0.1:10911");
        header.setStoreTimestamp(2L);
        RemotingCommand push = RemotingCommand.createRequestCommand(RequestCode.PUSH_REPLY_MESSAGE_TO_CLIENT, header);
        push.setBody(reply.getBody());
        push.makeCustomHeaderToNet();
        return push;
    }

    @Test
    void syncRequestReturnsThePushedReply() throws Exception {
        remoting.on(BROKER_A, replyingBroker(10911)).on(BROKER_B, replyingBroker(10921));
        Message request = new Message("TopicTest", "ping".getBytes(StandardCharsets.UTF_8));

        Message reply = producer.request(request, 10_000);

        assertEquals("re:ping", new String(reply.getBody(), StandardCharsets.UTF_8));
        assertEquals(MixAll.getReplyTopic("DefaultCluster"), reply.getTopic());
        assertEquals(request.getProperty(MessageConst.PROPERTY_CORRELATION_ID),
            reply.getProperty(MessageConst.PROPERTY_CORRELATION_ID));
        assertNotNull(reply.getProperty(MessageConst.PROPERTY_REPLY_MESSAGE_ARRIVE_TIME));
        assertEquals("127.0.0.1@test", request.getProperty(MessageConst.PROPERTY_MESSAGE_REPLY_TO_CLIENT));
        assertEquals("10000", request.getProperty(MessageConst.PROPERTY_MESSAGE_TTL));
        assertTrue(RequestFutureHolder.getInstance().getRequestFutureTable().isEmpty());
    }

    @Test
    void syncRequestToAQueueAndWithASelectorGoWhereAsked() throws Exception {
        remoting.on(BROKER_A, replyingBroker(10911)).on(BROKER_B, replyingBroker(10921));

        Message toQueue = producer.request(new Message("TopicTest", "q".getBytes(StandardCharsets.UTF_8)),
            new MessageQueue("TopicTest", "broker-b", 1), 10_000);
        Message selected = producer.request(new Message("TopicTest", "s".getBytes(StandardCharsets.UTF_8)),
            (mqs, msg, arg) -> mqs.get((Integer) arg), 0, 10_000);

        assertEquals("re:q", new String(toQueue.getBody(), StandardCharsets.UTF_8));
        assertEquals("re:s", new String(selected.getBody(), StandardCharsets.UTF_8));
        assertEquals(BROKER_B + "#310", remoting.calls().get(remoting.calls().size() - 2));
    }

    @Test
    void asyncRequestHandsTheReplyToTheCallback() throws Exception {
        remoting.on(BROKER_A, replyingBroker(10911)).on(BROKER_B, replyingBroker(10921));
        CompletableFuture<Message> outcome = new CompletableFuture<>();

        producer.request(new Message("TopicTest", "async".getBytes(StandardCharsets.UTF_8)), callback(outcome), 10_000);

        assertEquals("re:async", new String(outcome.get(10, TimeUnit.SECONDS).getBody(), StandardCharsets.UTF_8));
    }

    @Test
    void requestNobodyAnswersTimesOut() {
        remoting.on(BROKER_A, storingBroker(10911, offsets)).on(BROKER_B, storingBroker(10921, offsets));

        RequestTimeoutException e = assertThrows(RequestTimeoutException.class,
            () -> producer.request(new Message("TopicTest", new byte[] {1}), 100));

        assertEquals(ClientErrorCode.REQUEST_TIMEOUT_EXCEPTION, e.getResponseCode());
        assertTrue(e.getMessage().contains("send request message to <TopicTest> OK, but wait reply message timeout"),
            e.getMessage());
    }

    @Test
    void requestThatCannotBeSentFailsWithTheCause() throws Exception {
        remoting.on(BROKER_A, request -> brokerError(ResponseCode.MESSAGE_ILLEGAL));

        MQClientException e = assertThrows(MQClientException.class, () -> producer.request(
            new Message("TopicTest", new byte[] {1}), new MessageQueue("TopicTest", "broker-a", 0), 10_000));
        assertTrue(e.getMessage().contains("send request message to <TopicTest> fail"), e.getMessage());

        CompletableFuture<Message> outcome = new CompletableFuture<>();
        producer.request(new Message("TopicTest", new byte[] {1}), new MessageQueue("TopicTest", "broker-a", 0),
            callback(outcome), 10_000);
        Throwable failure = assertThrows(Exception.class, () -> outcome.get(10, TimeUnit.SECONDS)).getCause();
        assertNotNull(failure);
        assertTrue(RequestFutureHolder.getInstance().getRequestFutureTable().isEmpty());
    }

    @Test
    void requestBeforeStartIsRefused() {
        DefaultMQProducer notStarted = new DefaultMQProducer("not-started");
        MQClientException e = assertThrows(MQClientException.class,
            () -> notStarted.request(new Message("TopicTest", new byte[] {1}), 1000));
        assertTrue(e.getMessage().contains("call start() before sending a request"), e.getMessage());
    }

    private static RequestCallback callback(CompletableFuture<Message> outcome) {
        return new RequestCallback() {
            @Override
            public void onSuccess(Message message) {
                outcome.complete(message);
            }

            @Override
            public void onException(Throwable e) {
                outcome.completeExceptionally(e);
            }
        };
    }

    @Test
    void expiredRequestsAreFailedByTheScan() throws Exception {
        CompletableFuture<Message> expired = new CompletableFuture<>();
        CompletableFuture<Message> pending = new CompletableFuture<>();
        Map<String, RequestResponseFuture> table = RequestFutureHolder.getInstance().getRequestFutureTable();
        table.put("old", new RequestResponseFuture("old", -1, callback(expired)));
        table.put("new", new RequestResponseFuture("new", 60_000, callback(pending)));

        RequestFutureHolder.getInstance().scanExpiredRequest();

        Throwable cause = assertThrows(Exception.class, () -> expired.get(1, TimeUnit.SECONDS)).getCause();
        RequestTimeoutException timeout = assertInstanceOf(RequestTimeoutException.class, cause);
        assertEquals(ClientErrorCode.REQUEST_TIMEOUT_EXCEPTION, timeout.getResponseCode());
        assertEquals(java.util.Set.of("new"), table.keySet());
        assertTrue(!pending.isDone());
    }
}
