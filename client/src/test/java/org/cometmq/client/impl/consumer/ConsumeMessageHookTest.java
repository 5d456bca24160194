package org.cometmq.client.impl.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.cometmq.client.AccessChannel;
import org.cometmq.client.consumer.DefaultMQPushConsumer;
import org.cometmq.client.consumer.PullResult;
import org.cometmq.client.consumer.PullStatus;
import org.cometmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.cometmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.cometmq.client.consumer.listener.MessageListenerConcurrently;
import org.cometmq.client.consumer.listener.MessageListenerOrderly;
import org.cometmq.client.hook.ConsumeMessageContext;
import org.cometmq.client.hook.ConsumeMessageHook;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.heartbeat.MessageModel;
import org.cometmq.testkit.ManualClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Consume hooks around push listener calls (concurrent and orderly) and around pull results. */
class ConsumeMessageHookTest {
    private static final MessageQueue MQ = new MessageQueue("TopicTest", "broker-a", 0);

    private final DefaultMQPushConsumer config = new DefaultMQPushConsumer("cg");
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final ManualClock clock = new ManualClock(1_000_000L);
    private ConsumeServiceParts parts;

    @BeforeEach
    void setUp() throws Exception {
        config.setConsumeThreadMin(1);
        config.setConsumeThreadMax(1);
        config.setMessageModel(MessageModel.BROADCASTING);
        ConsumeMessageHooks hooks = new ConsumeMessageHooks();
        hooks.register(new ConsumeMessageHook() {
            @Override
            public String hookName() {
                return "recording";
            }

            @Override
            public void consumeMessageBefore(ConsumeMessageContext context) {
                events.add("before " + describe(context));
            }

            @Override
            public void consumeMessageAfter(ConsumeMessageContext context) {
                events.add("after " + describe(context));
            }
        });
        parts = new ConsumeServiceParts(config, new RecordingOffsetStore(), null, new ConsumeStatsRecorder(), hooks,
            (msg, delayLevel, brokerName) -> { }, null, clock);
    }

    private static String describe(ConsumeMessageContext c) {
        return c.getConsumerGroup() + " " + c.getMq().getQueueId() + " n=" + c.getMsgList().size() + " success="
            + c.isSuccess() + " status=" + c.getStatus() + " props=" + c.getProps() + " channel="
            + c.getAccessChannel();
    }

    private List<String> runConcurrently(MessageListenerConcurrently listener) {
        ConsumeMessageConcurrentlyService service = new ConsumeMessageConcurrentlyService(parts, (msgs, ctx) -> {
            events.add("listener");
            return listener.consumeMessage(msgs, ctx);
        });
        try {
            ProcessQueue pq = new ProcessQueue();
            List<MessageExt> msgs = new ArrayList<>(ProcessQueueTest.range(0, 2));
            pq.putMessage(msgs);
            service.new ConsumeRequest(msgs, pq, MQ).run();
        } finally {
            service.shutdown(0);
        }
        return events;
    }

    @Test
    void concurrentSuccess() {
        assertEquals(List.of("before cg 0 n=2 success=false status=null props={} channel=null", "listener",
            "after cg 0 n=2 success=true status=CONSUME_SUCCESS props={ConsumeContextType=SUCCESS} channel=LOCAL"),
            runConcurrently((msgs, ctx) -> ConsumeConcurrentlyStatus.CONSUME_SUCCESS));
    }

    @Test
    void concurrentLater() {
        assertEquals("after cg 0 n=2 success=false status=RECONSUME_LATER props={ConsumeContextType=FAILED} "
            + "channel=LOCAL", runConcurrently((msgs, ctx) -> ConsumeConcurrentlyStatus.RECONSUME_LATER).get(2));
    }

    @Test
    void concurrentThrowAndNull() {
        assertEquals("after cg 0 n=2 success=false status=RECONSUME_LATER props={ConsumeContextType=EXCEPTION} "
            + "channel=LOCAL", runConcurrently((msgs, ctx) -> {
                throw new IllegalStateException("listener bug");
            }).get(2));
        events.clear();
        assertEquals("after cg 0 n=2 success=false status=RECONSUME_LATER props={ConsumeContextType=RETURNNULL} "
            + "channel=LOCAL", runConcurrently((msgs, ctx) -> null).get(2));
    }

    @Test
    void concurrentTimeOutCountsFromConsumeTimeout() {
        config.setConsumeTimeout(0);
        assertEquals("after cg 0 n=2 success=true status=CONSUME_SUCCESS props={ConsumeContextType=TIME_OUT} "
            + "channel=LOCAL", runConcurrently((msgs, ctx) -> ConsumeConcurrentlyStatus.CONSUME_SUCCESS).get(2));
    }

    @Test
    void concurrentTimeOutIsJudgedOnTheClientClock() {
        config.setConsumeTimeout(1);
        assertEquals("after cg 0 n=2 success=true status=CONSUME_SUCCESS props={ConsumeContextType=SUCCESS} "
            + "channel=LOCAL", runConcurrently((msgs, ctx) -> {
                clock.advance(59_999);
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            }).get(2));
        events.clear();
        assertEquals("after cg 0 n=2 success=true status=CONSUME_SUCCESS props={ConsumeContextType=TIME_OUT} "
            + "channel=LOCAL", runConcurrently((msgs, ctx) -> {
                clock.advance(60_000);
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            }).get(2));
    }

    private List<String> runOrderly(MessageListenerOrderly listener) {
        ConsumeMessageOrderlyService service = new ConsumeMessageOrderlyService(parts, (msgs, ctx) -> {
            events.add("listener");
            return listener.consumeMessage(msgs, ctx);
        });
        try {
            ProcessQueue pq = new ProcessQueue();
            pq.putMessage(ProcessQueueTest.range(0, 1));
            service.new ConsumeRequest(pq, MQ).run();
        } finally {
            service.shutdown(0);
        }
        return events;
    }

    @Test
    void orderlySuccessAndSuspend() {
        config.setAccessChannel(AccessChannel.CLOUD);
        assertEquals(List.of("before cg 0 n=1 success=false status=null props={} channel=null", "listener",
            "after cg 0 n=1 success=true status=SUCCESS props={ConsumeContextType=SUCCESS} channel=CLOUD"),
            runOrderly((msgs, ctx) -> ConsumeOrderlyStatus.SUCCESS));
        events.clear();
        assertEquals("after cg 0 n=1 success=false status=SUSPEND_CURRENT_QUEUE_A_MOMENT "
            + "props={ConsumeContextType=FAILED} channel=CLOUD",
            runOrderly((msgs, ctx) -> ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT).get(2));
    }

    @Test
    void pullResultsAreReportedAsConsumed() {
        ConsumeMessageHooks hooks = new ConsumeMessageHooks();
        AtomicReference<String> before = new AtomicReference<>();
        hooks.register(new ConsumeMessageHook() {
            @Override
            public String hookName() {
                return "recorder";
            }

            @Override
            public void consumeMessageBefore(ConsumeMessageContext context) {
                before.set(describe(context));
            }

            @Override
            public void consumeMessageAfter(ConsumeMessageContext context) {
                events.add(before.get() + " -> " + describe(context));
            }
        });
        PullResult result = new PullResult(PullStatus.FOUND, 2, 0, 2, ProcessQueueTest.range(0, 2));
        hooks.aroundPull(null, "pcg", MQ, result, AccessChannel.LOCAL);
        assertEquals(List.of("pcg 0 n=2 success=false status=null props=null channel=null -> pcg 0 n=2 success=true "
            + "status=CONSUME_SUCCESS props=null channel=LOCAL"), events);
    }
}
