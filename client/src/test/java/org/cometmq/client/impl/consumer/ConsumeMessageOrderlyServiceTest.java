package org.cometmq.client.impl.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import org.cometmq.client.consumer.DefaultMQPushConsumer;
import org.cometmq.client.consumer.listener.ConsumeOrderlyContext;
import org.cometmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.heartbeat.MessageModel;
import org.cometmq.testkit.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsumeMessageOrderlyServiceTest {
    private static final MessageQueue MQ = new MessageQueue("TopicTest", "broker-a", 1);

    private final DefaultMQPushConsumer config = new DefaultMQPushConsumer("cg");
    private final RecordingOffsetStore offsetStore = new RecordingOffsetStore();
    private final List<Message> sentBack = new ArrayList<>();
    private ConsumeMessageOrderlyService service;

    @BeforeEach
    void setUp() throws Exception {
        config.setConsumeThreadMin(1);
        config.setConsumeThreadMax(1);
        DefaultMQProducer innerProducer = mock(DefaultMQProducer.class);
        when(innerProducer.send(any(Message.class))).thenAnswer(inv -> {
            sentBack.add(inv.getArgument(0));
            return null;
        });
        ConsumeServiceParts parts = new ConsumeServiceParts(config, offsetStore, null, null,
            new ConsumeMessageHooks(), (msg, delayLevel, brokerName) -> { }, innerProducer,
            new ManualClock(1_000_000L));
        service = new ConsumeMessageOrderlyService(parts, (msgs, ctx) -> ConsumeOrderlyStatus.SUCCESS);
    }

    @AfterEach
    void tearDown() {
        // Broadcasting: shutdown has no broker locks to release.
        config.setMessageModel(MessageModel.BROADCASTING);
        service.shutdown(0);
    }

    private static ProcessQueue queueWith(long from, int count) {
        ProcessQueue pq = new ProcessQueue();
        pq.putMessage(ProcessQueueTest.range(from, from + count));
        return pq;
    }

    @Test
    void successCommitsOnePastTheBatch() {
        ProcessQueue pq = queueWith(30, 3);
        List<MessageExt> batch = pq.takeMessages(2);
        assertTrue(service.processConsumeResult(batch, ConsumeOrderlyStatus.SUCCESS, new ConsumeOrderlyContext(MQ),
            pq, MQ));
        assertEquals(32L, offsetStore.memory.get(MQ));
        assertEquals(1, pq.getMsgCount().get());
    }

    @Test
    void suspendPutsTheBatchBackAndCountsTheAttempt() {
        ProcessQueue pq = queueWith(0, 2);
        List<MessageExt> batch = pq.takeMessages(1);
        ConsumeOrderlyContext context = new ConsumeOrderlyContext(MQ);
        assertFalse(service.processConsumeResult(batch, ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT,
            context, pq, MQ));
        assertEquals(1, batch.get(0).getReconsumeTimes());
        assertEquals(null, offsetStore.memory.get(MQ));
        assertEquals(List.of(0L, 1L), pq.takeMessages(5).stream().map(MessageExt::getQueueOffset).toList());
        assertEquals(List.of(), sentBack);
    }

    @Test
    void pastMaxReconsumeTimesTheMessageIsSentBackAndTheQueueMovesOn() {
        config.setMaxReconsumeTimes(2);
        ProcessQueue pq = queueWith(7, 1);
        List<MessageExt> batch = pq.takeMessages(1);
        batch.get(0).setReconsumeTimes(2);
        assertTrue(service.processConsumeResult(batch, ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT,
            new ConsumeOrderlyContext(MQ), pq, MQ));
        assertEquals(8L, offsetStore.memory.get(MQ));
        assertEquals(1, sentBack.size());
        Message copy = sentBack.get(0);
        assertEquals("%RETRY%cg", copy.getTopic());
        assertEquals("T", copy.getProperty(MessageConst.PROPERTY_RETRY_TOPIC));
        assertEquals("2", copy.getProperty(MessageConst.PROPERTY_RECONSUME_TIME));
        assertEquals("2", copy.getProperty(MessageConst.PROPERTY_MAX_RECONSUME_TIMES));
        assertEquals(5, copy.getDelayTimeLevel());
    }

    @Test
    void unlimitedByDefault() {
        assertEquals(Integer.MAX_VALUE, service.getMaxReconsumeTimes());
        config.setMaxReconsumeTimes(5);
        assertEquals(5, service.getMaxReconsumeTimes());
    }
}
