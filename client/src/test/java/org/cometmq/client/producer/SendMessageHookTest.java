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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.hook.CheckForbiddenContext;
import org.cometmq.client.hook.CheckForbiddenHook;
import org.cometmq.client.hook.SendMessageContext;
import org.cometmq.client.hook.SendMessageHook;
import org.cometmq.client.impl.CommunicationMode;
import org.cometmq.client.impl.FakeRemotingClient;
import org.cometmq.client.impl.producer.RouteFixtures;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.message.MessageType;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SendMessageHookTest {
    private final FakeRemotingClient remoting = new FakeRemotingClient();
    private final AtomicLong offsets = new AtomicLong();
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final List<SendMessageContext> contexts = Collections.synchronizedList(new ArrayList<>());
    private DefaultMQProducer producer;

    @BeforeEach
    void setUp() throws Exception {
        remoting.on(null, request -> routeResponse(RouteFixtures.route(1, "broker-a", "broker-b")));
        producer = new DefaultMQProducer("pg");
        // generous: the first send of a fresh JVM on a busy machine takes seconds of class loading
        producer.setSendMsgTimeout(60_000);
        started(producer, ProducerTestSupport.instance(remoting));
        producer.getDefaultMQProducerImpl().registerSendMessageHook(new SendMessageHook() {
            @Override
            public String hookName() {
                return "recorder";
            }

            @Override
            public void sendMessageBefore(SendMessageContext context) {
                events.add("before " + context.getCommunicationMode());
                contexts.add(context);
            }

            @Override
            public void sendMessageAfter(SendMessageContext context) {
                events.add("after " + (context.getSendResult() == null ? "no result" : "result")
                    + (context.getException() == null ? "" : " " + context.getException().getClass().getSimpleName()));
            }
        });
    }

    @AfterEach
    void tearDown() {
        producer.shutdown();
    }

    @Test
    void syncSendCallsBeforeThenAfterWithTheResult() throws Exception {
        remoting.on(BROKER_A, storingBroker(10911, offsets));
        Message msg = new Message("TopicTest", "TagA", "k1", new byte[] {1, 2, 3});
        SendResult result = producer.send(msg, new MessageQueue("TopicTest", "broker-a", 0));
        assertEquals(List.of("before SYNC", "after result"), events);
        SendMessageContext context = contexts.get(0);
        assertSame(result, context.getSendResult());
        assertEquals("pg", context.getProducerGroup());
        assertEquals(BROKER_A, context.getBrokerAddr());
        assertEquals(new MessageQueue("TopicTest", "broker-a", 0), context.getMq());
        assertEquals(MessageType.Normal_Msg, context.getMsgType());
        assertEquals(producer.getClientIP(), context.getBornHost());
        assertSame(msg, context.getMessage());
        assertNotNull(context.getMessage().getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX));
        assertSame(producer.getDefaultMQProducerImpl(), context.getProducer());
        assertNull(context.getException());
    }

    @Test
    void everySyncAttemptIsReportedAndARefusalCarriesItsException() throws Exception {
        remoting.on(BROKER_A, request -> brokerError(ResponseCode.SYSTEM_ERROR))
            .on(BROKER_B, storingBroker(10921, offsets));
        producer.getDefaultMQProducerImpl().getTopicPublishInfoTable();
        producer.send(new Message("TopicTest", new byte[] {1}), new MessageQueue("TopicTest", "broker-b", 0));
        events.clear();
        producer.getDefaultMQProducerImpl().getTopicPublishInfoTable().get("TopicTest").getSendWhichQueue().reset(-1);
        producer.send(new Message("TopicTest", new byte[] {1}));
        assertEquals(List.of("before SYNC", "after no result MQBrokerException", "before SYNC", "after result"),
            events);
    }

    @Test
    void syncRefusalIsReportedBeforeItIsThrown() {
        remoting.on(BROKER_A, request -> brokerError(ResponseCode.MESSAGE_ILLEGAL));
        assertThrows(MQBrokerException.class,
            () -> producer.send(new Message("TopicTest", new byte[] {1}), new MessageQueue("TopicTest", "broker-a", 0)));
        assertEquals(List.of("before SYNC", "after no result MQBrokerException"), events);
    }

    @Test
    void asyncSendReportsOnceWhenSentAndOnceWithTheResult() throws Exception {
        remoting.on(BROKER_A, storingBroker(10911, offsets));
        CompletableFuture<SendResult> done = new CompletableFuture<>();
        producer.send(new Message("TopicTest", new byte[] {1}), new MessageQueue("TopicTest", "broker-a", 0),
            new SendCallback() {
                @Override
                public void onSuccess(SendResult sendResult) {
                    events.add("callback");
                    done.complete(sendResult);
                }

                @Override
                public void onException(Throwable e) {
                    done.completeExceptionally(e);
                }
            });
        done.get(5, TimeUnit.SECONDS);
        waitForEvents(4);
        assertEquals("before ASYNC", events.get(0));
        // The broker's answer (a fake one, given in the sending thread here) may come before the send returns.
        assertEquals(List.of("after no result", "after result", "callback"),
            events.subList(1, 4).stream().sorted().toList());
        assertTrue(events.indexOf("after result") < events.indexOf("callback"), events::toString);
        assertEquals(CommunicationMode.ASYNC, contexts.get(0).getCommunicationMode());
    }

    @Test
    void onewaySendReportsWithoutAResult() throws Exception {
        producer.sendOneway(new Message("TopicTest", new byte[] {1}), new MessageQueue("TopicTest", "broker-a", 0));
        assertEquals(List.of("before ONEWAY", "after no result"), events);
    }

    @Test
    void delayAndHalfMessagesAreTyped() throws Exception {
        remoting.on(BROKER_A, storingBroker(10911, offsets));
        Message delayed = new Message("TopicTest", new byte[] {1});
        delayed.setDelayTimeLevel(2);
        producer.send(delayed, new MessageQueue("TopicTest", "broker-a", 0));
        assertEquals(MessageType.Delay_Msg, contexts.get(0).getMsgType());
    }

    @Test
    void aThrowingSendHookDoesNotStopTheSend() throws Exception {
        remoting.on(BROKER_A, storingBroker(10911, offsets));
        producer.getDefaultMQProducerImpl().registerSendMessageHook(new SendMessageHook() {
            @Override
            public String hookName() {
                return "broken";
            }

            @Override
            public void sendMessageBefore(SendMessageContext context) {
                throw new IllegalStateException("broken before");
            }

            @Override
            public void sendMessageAfter(SendMessageContext context) {
                throw new IllegalStateException("broken after");
            }
        });
        SendResult result = producer.send(new Message("TopicTest", new byte[] {1}),
            new MessageQueue("TopicTest", "broker-a", 0));
        assertEquals(SendStatus.SEND_OK, result.getSendStatus());
        assertEquals(List.of("before SYNC", "after result"), events);
    }

    @Test
    void aForbiddenCheckRefusesTheSendBeforeAnyRequest() {
        List<CheckForbiddenContext> seen = new ArrayList<>();
        producer.getDefaultMQProducerImpl().registerCheckForbiddenHook(new CheckForbiddenHook() {
            @Override
            public String hookName() {
                return "deny";
            }

            @Override
            public void checkForbidden(CheckForbiddenContext context) throws MQClientException {
                seen.add(context);
                throw new MQClientException("forbidden topic " + context.getMessage().getTopic(), null);
            }
        });
        MQClientException e = assertThrows(MQClientException.class,
            () -> producer.send(new Message("TopicTest", new byte[] {1}), new MessageQueue("TopicTest", "broker-a", 0)));
        assertTrue(e.getMessage().contains("forbidden topic TopicTest"), e.getMessage());
        assertEquals(List.of(), events);
        assertEquals("pg", seen.get(0).getGroup());
        assertEquals(BROKER_A, seen.get(0).getBrokerAddr());
        assertEquals(CommunicationMode.SYNC, seen.get(0).getCommunicationMode());
        assertEquals("127.0.0.1:9876", seen.get(0).getNameSrvAddr());
        assertTrue(remoting.calls().stream().allMatch(c -> c.startsWith("NS#")), remoting.calls()::toString);
    }

    private void waitForEvents(int count) throws InterruptedException {
        Await.holdsWithin(Duration.ofSeconds(5), Duration.ofMillis(5), () -> events.size() >= count);
        assertInstanceOf(String.class, events.get(count - 1));
    }
}
