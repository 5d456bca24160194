package org.cometmq.client.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cometmq.client.AccessChannel;
import org.cometmq.client.producer.LocalTransactionState;
import org.cometmq.common.message.MessageType;
import org.junit.jupiter.api.Test;

/** The 4.9 record layouts, written out by hand: fields joined by char 1, each record ended by char 2. */
class TraceDataEncoderTest {
    private static final char C = TraceConstants.CONTENT_SPLITOR;
    private static final char F = TraceConstants.FIELD_SPLITOR;

    private static String record(Object... fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            sb.append(i == 0 ? "" : String.valueOf(C)).append(fields[i]);
        }
        return sb.toString();
    }

    private static TraceContext context(TraceType type, TraceBean... beans) {
        TraceContext ctx = new TraceContext();
        ctx.setTraceType(type);
        ctx.setTimeStamp(1700000000123L);
        ctx.setRegionId("DefaultRegion");
        ctx.setGroupName("pg");
        ctx.setRequestId("REQ1");
        ctx.setCostTime(7);
        ctx.setSuccess(true);
        ctx.setTraceBeans(new ArrayList<>(List.of(beans)));
        return ctx;
    }

    private static TraceBean bean(String msgId, String keys) {
        TraceBean bean = new TraceBean();
        bean.setTopic("TopicTest");
        bean.setMsgId(msgId);
        bean.setOffsetMsgId("7F00000100002A9F0000000000000010");
        bean.setTags("TagA");
        bean.setKeys(keys);
        bean.setStoreHost("127.0.0.1:10911");
        bean.setBodyLength(11);
        bean.setRetryTimes(2);
        bean.setMsgType(MessageType.Normal_Msg);
        return bean;
    }

    @Test
    void pubRecord() {
        TraceTransferBean out = TraceDataEncoder.encoderFromContextBean(context(TraceType.Pub, bean("M1", "k1 k2")));
        assertEquals(record("Pub", 1700000000123L, "DefaultRegion", "pg", "TopicTest", "M1", "TagA", "k1 k2",
            "127.0.0.1:10911", 11, 7, 0, "7F00000100002A9F0000000000000010", true) + F, out.getTransData());
        assertEquals(Set.of("M1", "k1", "k2"), out.getTransKey());
    }

    @Test
    void subBeforeRecordPerMessage() {
        TraceTransferBean out = TraceDataEncoder.encoderFromContextBean(
            context(TraceType.SubBefore, bean("M1", null), bean("M2", "k2")));
        assertEquals(record("SubBefore", 1700000000123L, "DefaultRegion", "pg", "REQ1", "M1", 2, "null") + F
            + record("SubBefore", 1700000000123L, "DefaultRegion", "pg", "REQ1", "M2", 2, "k2") + F,
            out.getTransData());
        assertEquals(Set.of("M1", "M2", "k2"), out.getTransKey());
    }

    @Test
    void subAfterRecordEndsWithTimeAndGroupUnlessCloud() {
        TraceContext ctx = context(TraceType.SubAfter, bean("M1", "k1"));
        ctx.setContextCode(0);
        ctx.setAccessChannel(AccessChannel.LOCAL);
        assertEquals(record("SubAfter", "REQ1", "M1", 7, true, "k1", 0, 1700000000123L, "pg") + F,
            TraceDataEncoder.encoderFromContextBean(ctx).getTransData());
        ctx.setAccessChannel(AccessChannel.CLOUD);
        assertEquals(record("SubAfter", "REQ1", "M1", 7, true, "k1", 0) + C,
            TraceDataEncoder.encoderFromContextBean(ctx).getTransData());
    }

    @Test
    void endTransactionRecord() {
        TraceBean bean = bean("M1", "k1");
        bean.setMsgType(MessageType.Trans_msg_Commit);
        bean.setTransactionId("TX1");
        bean.setTransactionState(LocalTransactionState.COMMIT_MESSAGE);
        bean.setFromTransactionCheck(true);
        assertEquals(record("EndTransaction", 1700000000123L, "DefaultRegion", "pg", "TopicTest", "M1", "TagA", "k1",
            "127.0.0.1:10911", 2, "TX1", "COMMIT_MESSAGE", true) + F,
            TraceDataEncoder.encoderFromContextBean(context(TraceType.EndTransaction, bean)).getTransData());
    }

    @Test
    void decodesWhatItEncodes() {
        TraceContext after = context(TraceType.SubAfter, bean("M3", "k3"));
        after.setContextCode(4);
        after.setAccessChannel(AccessChannel.LOCAL);
        String data = TraceDataEncoder.encoderFromContextBean(context(TraceType.Pub, bean("M1", "k1"))).getTransData()
            + TraceDataEncoder.encoderFromContextBean(context(TraceType.SubBefore, bean("M2", "k2"))).getTransData()
            + TraceDataEncoder.encoderFromContextBean(after).getTransData();
        List<TraceContext> decoded = TraceDataEncoder.decoderFromTraceDataString(data);
        assertEquals(3, decoded.size());
        TraceContext pub = decoded.get(0);
        assertEquals(TraceType.Pub, pub.getTraceType());
        assertEquals("7F00000100002A9F0000000000000010", pub.getTraceBeans().get(0).getOffsetMsgId());
        assertEquals(11, pub.getTraceBeans().get(0).getBodyLength());
        assertEquals(7, pub.getCostTime());
        TraceContext subBefore = decoded.get(1);
        assertEquals("REQ1", subBefore.getRequestId());
        assertEquals(2, subBefore.getTraceBeans().get(0).getRetryTimes());
        TraceContext subAfter = decoded.get(2);
        assertEquals(4, subAfter.getContextCode());
        assertEquals("pg", subAfter.getGroupName());
        assertEquals(1700000000123L, subAfter.getTimeStamp());
        assertEquals("k3", subAfter.getTraceBeans().get(0).getKeys());
    }

    @Test
    void emptyInputsDecodeToNothing() {
        assertEquals(List.of(), TraceDataEncoder.decoderFromTraceDataString(""));
        assertEquals(List.of(), TraceDataEncoder.decoderFromTraceDataString(null));
        assertNull(TraceDataEncoder.encoderFromContextBean(null));
    }
}
