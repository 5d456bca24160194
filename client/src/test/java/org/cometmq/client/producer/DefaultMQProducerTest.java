package org.cometmq.client.producer;

import static org.cometmq.client.producer.ProducerTestSupport.BROKER_A;
import static org.cometmq.client.producer.ProducerTestSupport.BROKER_B;
import static org.cometmq.client.producer.ProducerTestSupport.brokerError;
import static org.cometmq.client.producer.ProducerTestSupport.routeResponse;
import static org.cometmq.client.producer.ProducerTestSupport.started;
import static org.cometmq.client.producer.ProducerTestSupport.storingBroker;
import static org.cometmq.client.producer.ProducerTestSupport.topicNotExist;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.cometmq.client.common.ClientErrorCode;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.impl.FakeRemotingClient;
import org.cometmq.client.impl.factory.MQClientInstance;
import org.cometmq.client.impl.producer.RouteFixtures;
import org.cometmq.common.UtilAll;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.route.TopicRouteData;
import org.cometmq.remoting.exception.RemotingConnectException;
import org.cometmq.remoting.exception.RemotingTimeoutException;
import org.cometmq.remoting.exception.RemotingTooMuchRequestException;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.testkit.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DefaultMQProducerTest {
    private final FakeRemotingClient remoting = new FakeRemotingClient();
    private final AtomicLong offsets = new AtomicLong();
    private final ManualClock clock = new ManualClock(1_000_000L);
    private MQClientInstance instance;
    private DefaultMQProducer producer;

    @BeforeEach
    void setUp() throws Exception {
        TopicRouteData route = RouteFixtures.route(2, "broker-a", "broker-b");
        remoting.on(null, request -> routeResponse(route));
        instance = ProducerTestSupport.instance(remoting, clock);
        producer = started(new DefaultMQProducer("pg"), instance);
        producer.getDefaultMQProducerImpl().getMqFaultStrategy();
    }

    @AfterEach
    void tearDown() {
        producer.shutdown();
    }

    @Test
    void defaultGroupAndSendBeforeStartAreRefused() {
        DefaultMQProducer unnamed = new DefaultMQProducer();
        MQClientException e = assertThrows(MQClientException.class, unnamed::start);
        assertTrue(e.getErrorMessage().startsWith("producerGroup can not equal DEFAULT_PRODUCER"), e.getMessage());

        DefaultMQProducer notStarted = new DefaultMQProducer("pg2");
        MQClientException notOk = assertThrows(MQClientException.class,
            () -> notStarted.send(new Message("TopicTest", new byte[] {1})));
        assertTrue(notOk.getErrorMessage().contains("call start() before sending"), notOk.getMessage());
    }

    @Test
    void syncSendStampsUniqueKeyAndReturnsTheBrokersAnswer() throws Exception {
        remoting.on(BROKER_A, storingBroker(10911, offsets)).on(BROKER_B, storingBroker(10921, offsets));
        Message msg = new Message("TopicTest", "TagA", "k1", "body".getBytes());

        SendResult result = producer.send(msg);

        String uniqKey = msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
        assertNotNull(uniqKey);
        assertEquals(32, uniqKey.length());
        assertEquals(SendStatus.SEND_OK, result.getSendStatus());
        assertEquals(uniqKey, result.getMsgId());
        assertEquals(0, result.getQueueOffset());
        assertEquals("TopicTest", result.getMessageQueue().getTopic());
        RemotingCommand request = remoting.lastRequest(RequestCode.SEND_MESSAGE_V2);
        assertEquals("pg", request.getExtFields().get("a"));
        assertEquals("TBW102", request.getExtFields().get("c"));
        assertEquals("4", request.getExtFields().get("d"));
        assertEquals("0", request.getExtFields().get("f"));
        assertEquals(result.getMessageQueue().getBrokerName(), request.getExtFields().get("n"));
        assertTrue(request.getExtFields().get("i").contains("WAIT\u0001true"));
    }

    @Test
    void roundRobinSpreadsSendsOverAllQueues() throws Exception {
        remoting.on(BROKER_A, storingBroker(10911, offsets)).on(BROKER_B, storingBroker(10921, offsets));
        producer.getDefaultMQProducerImpl().getTopicPublishInfoTable().clear();
        producer.send(new Message("TopicTest", new byte[] {0}));
        producer.getDefaultMQProducerImpl().getTopicPublishInfoTable().get("TopicTest").getSendWhichQueue().reset(-1);
        List<String> queues = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            MessageQueue mq = producer.send(new Message("TopicTest", new byte[] {1})).getMessageQueue();
            queues.add(mq.getBrokerName() + ":" + mq.getQueueId());
        }
        assertEquals(List.of("broker-a:0", "broker-a:1", "broker-b:0", "broker-b:1", "broker-a:0"), queues);
    }

    @Test
    void failedBrokerIsSkippedOnRetry() throws Exception {
        remoting.on(BROKER_B, storingBroker(10921, offsets));
        producer.send(new Message("TopicTest", new byte[] {0}), new MessageQueue("TopicTest", "broker-b", 0));
        producer.getDefaultMQProducerImpl().getTopicPublishInfoTable().get("TopicTest").getSendWhichQueue().reset(-1);

        SendResult result = producer.send(new Message("TopicTest", new byte[] {1}));

        assertEquals("broker-b", result.getMessageQueue().getBrokerName());
        assertEquals(List.of(BROKER_A + "#310", BROKER_B + "#310"), sendCalls().subList(1, 3));
    }

    @Test
    void retryableBrokerCodeMovesOnAndOtherCodesThrowAtOnce() throws Exception {
        remoting.on(BROKER_A, request -> brokerError(ResponseCode.SERVICE_NOT_AVAILABLE))
            .on(BROKER_B, storingBroker(10921, offsets));
        producer.send(new Message("TopicTest", new byte[] {0}), new MessageQueue("TopicTest", "broker-b", 0));
        producer.getDefaultMQProducerImpl().getTopicPublishInfoTable().get("TopicTest").getSendWhichQueue().reset(-1);
        assertEquals("broker-b", producer.send(new Message("TopicTest", new byte[] {1}))
            .getMessageQueue().getBrokerName());

        remoting.on(BROKER_A, request -> brokerError(ResponseCode.MESSAGE_ILLEGAL));
        producer.getDefaultMQProducerImpl().getTopicPublishInfoTable().get("TopicTest").getSendWhichQueue().reset(-1);
        int before = sendCalls().size();
        MQBrokerException e = assertThrows(MQBrokerException.class,
            () -> producer.send(new Message("TopicTest", new byte[] {1})));
        assertEquals(ResponseCode.MESSAGE_ILLEGAL, e.getResponseCode());
        assertEquals(before + 1, sendCalls().size());
    }

    @ParameterizedTest
    @CsvSource({"10, FLUSH_DISK_TIMEOUT", "11, SLAVE_NOT_AVAILABLE", "12, FLUSH_SLAVE_TIMEOUT"})
    void storedButNotOkIsReturnedUnlessRetryAnotherBrokerIsOn(int code, SendStatus status) throws Exception {
        FakeRemotingClient.Handler storing = storingBroker(10911, offsets);
        remoting.on(BROKER_A, request -> {
            RemotingCommand response = storing.answer(request);
            if (request.getCode() == RequestCode.SEND_MESSAGE_V2) {
                response.setCode(code);
            }
            return response;
        }).on(BROKER_B, storingBroker(10921, offsets));
        producer.send(new Message("TopicTest", new byte[] {0}), new MessageQueue("TopicTest", "broker-b", 0));
        producer.getDefaultMQProducerImpl().getTopicPublishInfoTable().get("TopicTest").getSendWhichQueue().reset(-1);
        assertEquals(status, producer.send(new Message("TopicTest", new byte[] {1})).getSendStatus());

        producer.setRetryAnotherBrokerWhenNotStoreOK(true);
        producer.getDefaultMQProducerImpl().getTopicPublishInfoTable().get("TopicTest").getSendWhichQueue().reset(-1);
        SendResult retried = producer.send(new Message("TopicTest", new byte[] {1}));
        assertEquals(SendStatus.SEND_OK, retried.getSendStatus());
        assertEquals("broker-b", retried.getMessageQueue().getBrokerName());
    }

    @Test
    void threeFailedAttemptsReportTheCause() {
        remoting.on(BROKER_A, request -> {
            throw new RemotingConnectException(BROKER_A);
        });
        MQClientException e = assertThrows(MQClientException.class,
            () -> producer.send(new Message("TopicTest", new byte[] {1})));
        assertTrue(e.getErrorMessage().startsWith("Send [3] times, still failed"), e.getErrorMessage());
        assertEquals(ClientErrorCode.CONNECT_BROKER_EXCEPTION, e.getResponseCode());
        assertEquals(3, sendCalls().size());
    }

    @Test
    void timeoutIsCountedAcrossRetries() {
        producer.setSendMsgTimeout(40);
        FakeRemotingClient.Handler slowTimeout = request -> {
            clock.advance(60);
            throw new RemotingTimeoutException("timeout");
        };
        remoting.on(BROKER_A, slowTimeout).on(BROKER_B, slowTimeout);
        assertThrows(RemotingTooMuchRequestException.class,
            () -> producer.send(new Message("TopicTest", new byte[] {1})));
        assertEquals(1, sendCalls().size());
    }

    @Test
    void unknownTopicFallsBackToTheTemplateTopicQueues() throws Exception {
        TopicRouteData template = RouteFixtures.route(8, "broker-a");
        remoting.on(null, request -> "TBW102".equals(request.getExtFields().get("topic"))
            ? routeResponse(template) : topicNotExist());
        remoting.on(BROKER_A, storingBroker(10911, offsets));

        for (int i = 0; i < 6; i++) {
            SendResult result = producer.send(new Message("BrandNew", new byte[] {1}));
            assertTrue(result.getMessageQueue().getQueueId() < 4, result.toString());
        }
        assertEquals(4, producer.getDefaultMQProducerImpl().getTopicPublishInfoTable().get("BrandNew")
            .getMessageQueueList().size());
        RemotingCommand request = remoting.lastRequest(RequestCode.SEND_MESSAGE_V2);
        assertEquals("BrandNew", request.getExtFields().get("b"));
        assertEquals("TBW102", request.getExtFields().get("c"));
    }

    @Test
    void noRouteAtAllSaysWhatToCheck() {
        remoting.on(null, request -> topicNotExist());
        MQClientException e = assertThrows(MQClientException.class,
            () -> producer.send(new Message("Nowhere", new byte[] {1})));
        assertEquals("No route info of this topic: Nowhere"
            + "\nSee http://rocketmq.apache.org/docs/faq/ for further details.", e.getErrorMessage());
        assertEquals(ClientErrorCode.NOT_FOUND_TOPIC_EXCEPTION, e.getResponseCode());
    }

    @Test
    void largeBodiesAreCompressedOnTheWireAndRestoredAfterwards() throws Exception {
        remoting.on(BROKER_A, storingBroker(10911, offsets)).on(BROKER_B, storingBroker(10921, offsets));
        byte[] body = new byte[5000];
        java.util.Arrays.fill(body, (byte) 7);
        Message msg = new Message("TopicTest", body);
        producer.send(msg);
        RemotingCommand request = remoting.lastRequest(RequestCode.SEND_MESSAGE_V2);
        assertEquals(String.valueOf(0x301), request.getExtFields().get("f"));
        assertTrue(request.getBody().length < 200);
        assertArrayEquals(body, UtilAll.uncompress(request.getBody()));
        assertArrayEquals(body, msg.getBody());
    }

    @Test
    void selectorChoosesTheQueue() throws Exception {
        remoting.on(BROKER_A, storingBroker(10911, offsets)).on(BROKER_B, storingBroker(10921, offsets));
        SendResult result = producer.send(new Message("TopicTest", new byte[] {1}),
            (mqs, msg, arg) -> mqs.get((Integer) arg), 3);
        assertEquals(new MessageQueue("TopicTest", "broker-b", 1), result.getMessageQueue());
        SendResult hashed = producer.send(new Message("TopicTest", new byte[] {1}),
            new org.cometmq.client.producer.selector.SelectMessageQueueByHash(), 6);
        assertEquals(new MessageQueue("TopicTest", "broker-b", 0), hashed.getMessageQueue());
    }

    @Test
    void batchSendsOneRequestWithEveryUniqueKey() throws Exception {
        remoting.on(BROKER_A, storingBroker(10911, offsets)).on(BROKER_B, storingBroker(10921, offsets));
        List<Message> batch = List.of(new Message("TopicTest", new byte[] {1}), new Message("TopicTest", new byte[] {2}));
        SendResult result = producer.send(batch);
        RemotingCommand request = remoting.lastRequest(RequestCode.SEND_BATCH_MESSAGE);
        assertEquals("true", request.getExtFields().get("m"));
        String[] ids = result.getMsgId().split(",");
        assertEquals(2, ids.length);
        assertEquals(batch.get(0).getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX), ids[0]);
        assertEquals(batch.get(1).getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX), ids[1]);
    }

    @Test
    void asyncSendRetriesOnAnotherBroker() throws Exception {
        remoting.on(BROKER_B, storingBroker(10921, offsets));
        producer.send(new Message("TopicTest", new byte[] {0}), new MessageQueue("TopicTest", "broker-b", 0));
        producer.getDefaultMQProducerImpl().getTopicPublishInfoTable().get("TopicTest").getSendWhichQueue().reset(-1);
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        producer.send(new Message("TopicTest", new byte[] {1}), callback(outcome));
        Object result = outcome.get(5, TimeUnit.SECONDS);
        assertInstanceOf(SendResult.class, result, String.valueOf(result));
        assertEquals("broker-b", ((SendResult) result).getMessageQueue().getBrokerName());
    }

    @Test
    void asyncSendReportsBrokerRefusalWithoutRetry() throws Exception {
        remoting.on(BROKER_A, request -> brokerError(ResponseCode.MESSAGE_ILLEGAL))
            .on(BROKER_B, request -> brokerError(ResponseCode.MESSAGE_ILLEGAL));
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        producer.send(new Message("TopicTest", new byte[] {1}), callback(outcome));
        Object result = outcome.get(5, TimeUnit.SECONDS);
        assertInstanceOf(MQBrokerException.class, result);
        assertEquals(1, sendCalls().size());
    }

    @Test
    void onewaySendIsFlaggedOneway() throws Exception {
        producer.sendOneway(new Message("TopicTest", new byte[] {1}));
        RemotingCommand request = remoting.lastRequest(RequestCode.SEND_MESSAGE_V2);
        assertTrue(request.isOnewayRPC());
    }

    private static SendCallback callback(CompletableFuture<Object> outcome) {
        return new SendCallback() {
            @Override
            public void onSuccess(SendResult sendResult) {
                outcome.complete(sendResult);
            }

            @Override
            public void onException(Throwable e) {
                outcome.complete(e);
            }
        };
    }

    private List<String> sendCalls() {
        return remoting.calls().stream().filter(c -> !c.startsWith("NS#")).toList();
    }
}
