package org.cometmq.client.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.cometmq.client.AccessChannel;
import org.cometmq.client.hook.ConsumeMessageContext;
import org.cometmq.client.hook.SendMessageContext;
import org.cometmq.client.producer.SendResult;
import org.cometmq.client.producer.SendStatus;
import org.cometmq.client.trace.hook.ConsumeMessageTraceHookImpl;
import org.cometmq.client.trace.hook.SendMessageTraceHookImpl;
import org.cometmq.common.MixAll;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageAccessor;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the trace hooks append for one send and one listener call. */
class TraceHooksTest {
    private final List<TraceContext> appended = new ArrayList<>();
    private final AsyncTraceDispatcher dispatcher = new AsyncTraceDispatcher("g", TraceDispatcher.Type.PRODUCE, null,
        null) {
        @Override
        public boolean append(Object ctx) {
            appended.add((TraceContext) ctx);
            return true;
        }
    };

    @AfterEach
    void tearDown() {
        dispatcher.shutdown();
    }

    private static SendMessageContext sendContext(String topic) {
        SendMessageContext context = new SendMessageContext();
        context.setProducerGroup("ns%pg");
        context.setMessage(new Message(topic, "TagA", "k1 k2", new byte[5]));
        context.setBrokerAddr("127.0.0.1:10911");
        context.setMq(new MessageQueue(topic, "broker-a", 1));
        return context;
    }

    private static SendResult result(String regionId, boolean traceOn) {
        SendResult result = new SendResult(SendStatus.SEND_OK, "M1", "OFF1", new MessageQueue("t", "broker-a", 1), 5);
        result.setRegionId(regionId);
        result.setTraceOn(traceOn);
        return result;
    }

    @Test
    void aSentMessageLeavesOnePubRecord() {
        SendMessageTraceHookImpl hook = new SendMessageTraceHookImpl(dispatcher);
        SendMessageContext context = sendContext("TopicTest");
        hook.sendMessageBefore(context);
        hook.sendMessageAfter(context);
        assertEquals(List.of(), appended, "an async send just sent has no result yet");
        context.setSendResult(result("DefaultRegion", true));
        hook.sendMessageAfter(context);
        assertEquals(1, appended.size());
        TraceContext pub = appended.get(0);
        assertEquals(TraceType.Pub, pub.getTraceType());
        assertEquals("pg", pub.getGroupName());
        assertEquals("DefaultRegion", pub.getRegionId());
        assertTrue(pub.isSuccess());
        TraceBean bean = pub.getTraceBeans().get(0);
        assertEquals("TopicTest M1 OFF1 TagA k1 k2 127.0.0.1:10911 5 Normal_Msg", bean.getTopic() + " "
            + bean.getMsgId() + " " + bean.getOffsetMsgId() + " " + bean.getTags() + " " + bean.getKeys() + " "
            + bean.getStoreHost() + " " + bean.getBodyLength() + " " + bean.getMsgType());
    }

    @Test
    void traceOffOrTraceTopicLeavesNothing() {
        SendMessageTraceHookImpl hook = new SendMessageTraceHookImpl(dispatcher);
        SendMessageContext off = sendContext("TopicTest");
        hook.sendMessageBefore(off);
        off.setSendResult(result("DefaultRegion", false));
        hook.sendMessageAfter(off);
        SendMessageContext traceTopic = sendContext("RMQ_SYS_TRACE_TOPIC");
        hook.sendMessageBefore(traceTopic);
        traceTopic.setSendResult(result("DefaultRegion", true));
        hook.sendMessageAfter(traceTopic);
        assertEquals(List.of(), appended);
    }

    @Test
    void aListenerCallLeavesSubBeforeAndSubAfterSharingTheRequestId() {
        ConsumeMessageTraceHookImpl hook = new ConsumeMessageTraceHookImpl(dispatcher);
        MessageExt traced = new MessageExt();
        traced.setTopic("TopicTest");
        traced.setMsgId("M1");
        traced.setKeys("k1");
        traced.setReconsumeTimes(3);
        MessageExt untraced = new MessageExt();
        untraced.setMsgId("M2");
        MessageAccessor.putProperty(untraced, MessageConst.PROPERTY_TRACE_SWITCH, "false");
        ConsumeMessageContext context = new ConsumeMessageContext();
        context.setConsumerGroup("cg");
        context.setMsgList(List.of(traced, untraced));
        context.setProps(new HashMap<>());
        hook.consumeMessageBefore(context);
        context.getProps().put(MixAll.CONSUME_CONTEXT_TYPE, "FAILED");
        context.setSuccess(false);
        context.setAccessChannel(AccessChannel.LOCAL);
        hook.consumeMessageAfter(context);
        assertEquals(2, appended.size());
        TraceContext before = appended.get(0);
        TraceContext after = appended.get(1);
        assertEquals(TraceType.SubBefore, before.getTraceType());
        assertEquals(List.of("M1"), before.getTraceBeans().stream().map(TraceBean::getMsgId).toList());
        assertEquals(3, before.getTraceBeans().get(0).getRetryTimes());
        assertEquals(TraceType.SubAfter, after.getTraceType());
        assertEquals(before.getRequestId(), after.getRequestId());
        assertEquals(4, after.getContextCode());
        assertEquals(false, after.isSuccess());
        assertEquals("cg", after.getGroupName());
    }
}
