package org.cometmq.test.broker;

import static org.cometmq.test.broker.BrokerFixture.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.client.consumer.PullStatus;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.cometmq.test.fidelity.RawRemoting;
import org.cometmq.test.harness.CrossProcess;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Requests a well-behaved client would not send: each gets its documented code and the broker keeps serving. */
@CrossProcess
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerBadInputIT {
    private static final int SYSTEM_ERROR = 1;
    private static final int MESSAGE_ILLEGAL = 13;
    private static final int NO_PERMISSION = 16;

    private BrokerFixture fixture;
    private NettyRemotingClient raw;

    @BeforeAll
    void startServers() throws Exception {
        fixture = BrokerFixture.start("badinput", Map.of());
        raw = new NettyRemotingClient(new NettyClientConfig());
        raw.start();
    }

    @AfterAll
    void stopServers() {
        if (raw != null) {
            raw.shutdown();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    /** A SEND_MESSAGE_V2 for {@code topic} written with Apache's own header classes, bypassing client checks. */
    private RemotingCommand rawSend(String topic, int queueId, byte[] body) throws Exception {
        return raw.invokeSync(fixture.broker.address(), RawRemoting.sendRequest(topic, "TBW102", queueId, body), 10_000);
    }

    @Test
    void illegalTopicNamesAreRefusedWithTheReason() throws Exception {
        RemotingCommand blank = rawSend("", 0, bytes("x"));
        assertEquals(SYSTEM_ERROR, blank.getCode());
        RemotingCommand illegal = rawSend("has space", 0, bytes("x"));
        assertEquals(SYSTEM_ERROR, illegal.getCode());
        assertTrue(illegal.getRemark().contains("illegal characters"), illegal.getRemark());
        RemotingCommand tooLong = rawSend("L".repeat(128), 0, bytes("x"));
        assertEquals(SYSTEM_ERROR, tooLong.getCode());
        assertTrue(tooLong.getRemark().contains("longer than topic max length"), tooLong.getRemark());
        RemotingCommand forbidden = rawSend("SCHEDULE_TOPIC_XXXX", 0, bytes("x"));
        assertEquals(NO_PERMISSION, forbidden.getCode());
        assertBrokerStillServes();
    }

    @Test
    void oversizeBodyIsMessageIllegal() throws Exception {
        String topic = fixture.createTopic("BadSize", 2, 6);
        DefaultMQProducer producer = fixture.producer("badsize");
        producer.setMaxMessageSize(8 * 1024 * 1024);
        byte[] body = new byte[4 * 1024 * 1024 + 1];
        new java.util.Random(42).nextBytes(body); // incompressible: the client compresses large bodies
        MQBrokerException refused = assertThrows(MQBrokerException.class,
            () -> producer.send(new Message(topic, "TagA", body), new MessageQueue(topic, fixture.broker.brokerName(), 0)));
        assertEquals(MESSAGE_ILLEGAL, refused.getResponseCode());
        assertBrokerStillServes();
    }

    @Test
    void queueIdBeyondTheTopicIsRefused() throws Exception {
        String topic = fixture.createTopic("BadQueue", 2, 6);
        DefaultMQProducer producer = fixture.producer("badqueue");
        MQBrokerException refused = assertThrows(MQBrokerException.class,
            () -> producer.send(new Message(topic, "TagA", bytes("x")), new MessageQueue(topic, fixture.broker.brokerName(), 5)));
        assertEquals(SYSTEM_ERROR, refused.getResponseCode());
        assertTrue(refused.getErrorMessage().contains("queueId[5] is illegal"), refused.getErrorMessage());
        assertBrokerStillServes();
    }

    @Test
    void pullPastTheEndIsOffsetIllegal() throws Exception {
        String topic = fixture.createTopic("BadPull", 1, 6);
        DefaultMQProducer producer = fixture.producer("badpull");
        for (int i = 0; i < 3; i++) {
            producer.send(new Message(topic, "TagA", bytes("p-" + i)));
        }
        DefaultMQPullConsumer consumer = new DefaultMQPullConsumer(BrokerFixture.unique("badpull_cg"));
        consumer.setNamesrvAddr(fixture.namesrvAddr());
        consumer.setVipChannelEnabled(false);
        consumer.setInstanceName(BrokerFixture.unique("badpull"));
        fixture.track(consumer, consumer::shutdown);
        consumer.start();
        MessageQueue queue = new MessageQueue(topic, fixture.broker.brokerName(), 0);
        PullResult found = Await.until("3 messages in " + topic, java.time.Duration.ofSeconds(30),
            () -> consumer.pull(queue, "*", 0, 32),
            r -> r.getPullStatus() == PullStatus.FOUND && r.getMsgFoundList().size() == 3);
        assertEquals(3, found.getNextBeginOffset());
        PullResult atEnd = consumer.pull(queue, "*", 3, 32);
        assertEquals(PullStatus.NO_NEW_MSG, atEnd.getPullStatus());
        assertEquals(3, atEnd.getNextBeginOffset());
        PullResult pastEnd = consumer.pull(queue, "*", 1_000, 32);
        assertEquals(PullStatus.OFFSET_ILLEGAL, pastEnd.getPullStatus());
        assertEquals(3, pastEnd.getMaxOffset());
        assertBrokerStillServes();
    }

    private void assertBrokerStillServes() throws Exception {
        assertTrue(fixture.broker.process().isAlive());
        String topic = fixture.createTopic("StillUp", 1, 6);
        assertEquals(SendStatus.SEND_OK,
            fixture.producer("stillup").send(new Message(topic, "TagA", bytes("ok"))).getSendStatus());
    }
}
