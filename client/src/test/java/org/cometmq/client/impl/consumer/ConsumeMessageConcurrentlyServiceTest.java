package org.cometmq.client.impl.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cometmq.client.consumer.DefaultMQPushConsumer;
import org.cometmq.client.consumer.listener.ConsumeConcurrentlyContext;
import org.cometmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.cometmq.client.consumer.listener.MessageListenerConcurrently;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.heartbeat.MessageModel;
import org.cometmq.testkit.Await;
import org.cometmq.testkit.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsumeMessageConcurrentlyServiceTest {
    private static final MessageQueue MQ = new MessageQueue("TopicTest", "broker-a", 0);

    private final DefaultMQPushConsumer config = new DefaultMQPushConsumer("cg");
    private final RecordingOffsetStore offsetStore = new RecordingOffsetStore();
    private final List<String> sentBack = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> failingOffsets = new ArrayList<>();
    private ConsumeMessageConcurrentlyService service;
    private CountDownLatch batches;

    @BeforeEach
    void setUp() throws Exception {
        config.setConsumeThreadMin(2);
        config.setConsumeThreadMax(2);
        MessageSendBack sendBack = (msg, delayLevel, brokerName) -> {
            if (failingOffsets.contains(msg.getQueueOffset())) {
                throw new MQClientException("broker unreachable", null);
            }
            sentBack.add(msg.getQueueOffset() + "/level" + delayLevel + "/" + brokerName);
        };
        ConsumeServiceParts parts = new ConsumeServiceParts(config, offsetStore, null, new ConsumeStatsRecorder(),
            new ConsumeMessageHooks(), sendBack, null, new ManualClock(1_000_000L));
        MessageListenerConcurrently listener = (msgs, context) -> {
            batchSizes.add(msgs.size());
            batches.countDown();
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        };
        service = new ConsumeMessageConcurrentlyService(parts, listener);
    }

    @AfterEach
    void tearDown() {
        service.shutdown(0);
    }

    private static List<MessageExt> msgs(long from, int count) {
        return new ArrayList<>(ProcessQueueTest.range(from, from + count));
    }

    private ConsumeMessageConcurrentlyService.ConsumeRequest request(List<MessageExt> msgs, ProcessQueue pq) {
        return service.new ConsumeRequest(msgs, pq, MQ);
    }

    @Test
    void successCommitsOnePastTheLastMessage() {
        ProcessQueue pq = new ProcessQueue();
        List<MessageExt> msgs = msgs(10, 3);
        pq.putMessage(msgs);
        service.processConsumeResult(ConsumeConcurrentlyStatus.CONSUME_SUCCESS, new ConsumeConcurrentlyContext(MQ),
            request(msgs, pq));
        assertEquals(13L, offsetStore.memory.get(MQ));
        assertEquals(List.of(), sentBack);
        assertEquals(0, pq.getMsgCount().get());
    }

    @Test
    void reconsumeLaterSendsEveryMessageBackWithTheContextDelayLevel() {
        ProcessQueue pq = new ProcessQueue();
        List<MessageExt> msgs = msgs(0, 2);
        pq.putMessage(msgs);
        ConsumeConcurrentlyContext context = new ConsumeConcurrentlyContext(MQ);
        context.setDelayLevelWhenNextConsume(2);
        service.processConsumeResult(ConsumeConcurrentlyStatus.RECONSUME_LATER, context, request(msgs, pq));
        assertEquals(List.of("0/level2/broker-a", "1/level2/broker-a"), sentBack);
        assertEquals(2L, offsetStore.memory.get(MQ));
    }

    @Test
    void ackIndexSplitsABatchIntoDoneAndRetried() {
        ProcessQueue pq = new ProcessQueue();
        List<MessageExt> msgs = msgs(5, 3);
        pq.putMessage(msgs);
        ConsumeConcurrentlyContext context = new ConsumeConcurrentlyContext(MQ);
        context.setAckIndex(0);
        service.processConsumeResult(ConsumeConcurrentlyStatus.CONSUME_SUCCESS, context, request(msgs, pq));
        assertEquals(List.of("6/level0/broker-a", "7/level0/broker-a"), sentBack);
        assertEquals(8L, offsetStore.memory.get(MQ));
    }

    @Test
    void failedSendBackKeepsTheMessageForALocalRetry() {
        ProcessQueue pq = new ProcessQueue();
        List<MessageExt> msgs = msgs(20, 3);
        pq.putMessage(msgs);
        failingOffsets.add(21L);
        MessageExt m20 = msgs.get(0);
        MessageExt m21 = msgs.get(1);
        service.processConsumeResult(ConsumeConcurrentlyStatus.RECONSUME_LATER, new ConsumeConcurrentlyContext(MQ),
            request(msgs, pq));
        assertEquals(List.of("20/level0/broker-a", "22/level0/broker-a"), sentBack);
        // 21 stays held (retried here in 5 s) so the committed offset cannot pass it.
        assertEquals(21L, offsetStore.memory.get(MQ));
        assertEquals(1, pq.getMsgCount().get());
        assertEquals(1, m21.getReconsumeTimes());
        assertEquals(0, m20.getReconsumeTimes());
    }

    @Test
    void broadcastingDropsFailuresWithoutSendingBack() {
        config.setMessageModel(MessageModel.BROADCASTING);
        ProcessQueue pq = new ProcessQueue();
        List<MessageExt> msgs = msgs(0, 2);
        pq.putMessage(msgs);
        service.processConsumeResult(ConsumeConcurrentlyStatus.RECONSUME_LATER, new ConsumeConcurrentlyContext(MQ),
            request(msgs, pq));
        assertEquals(List.of(), sentBack);
        assertEquals(2L, offsetStore.memory.get(MQ));
    }

    @Test
    void droppedQueueCommitsNothing() {
        ProcessQueue pq = new ProcessQueue();
        List<MessageExt> msgs = msgs(0, 2);
        pq.putMessage(msgs);
        pq.setDropped(true);
        service.processConsumeResult(ConsumeConcurrentlyStatus.CONSUME_SUCCESS, new ConsumeConcurrentlyContext(MQ),
            request(msgs, pq));
        assertEquals(null, offsetStore.memory.get(MQ));
    }

    @Test
    void pulledMessagesAreCutIntoBatchesOfConsumeMessageBatchMaxSize() throws Exception {
        config.setConsumeMessageBatchMaxSize(2);
        batches = new CountDownLatch(3);
        ProcessQueue pq = new ProcessQueue();
        List<MessageExt> msgs = msgs(0, 5);
        pq.putMessage(msgs);
        service.submitConsumeRequest(msgs, pq, MQ, true);
        assertTrue(batches.await(10, TimeUnit.SECONDS));
        List<Integer> sizes = new ArrayList<>(batchSizes);
        Collections.sort(sizes);
        assertEquals(List.of(1, 2, 2), sizes);
        // the last batch removes its messages from the queue first and records the offset after that
        Await.holdsWithin(Duration.ofSeconds(2), Duration.ofMillis(20),
            () -> pq.getMsgCount().get() == 0 && Long.valueOf(5L).equals(offsetStore.memory.get(MQ)));
        assertEquals(0, pq.getMsgCount().get());
        assertEquals(5L, offsetStore.memory.get(MQ));
    }
}
