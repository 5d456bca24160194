package org.cometmq.client.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cometmq.common.message.MessageType;
import org.junit.jupiter.api.Test;

class TraceDataSegmentTest {

    private static TraceContext pub(String msgId, String keys) {
        TraceContext ctx = new TraceContext();
        ctx.setTraceType(TraceType.Pub);
        TraceBean bean = new TraceBean();
        bean.setMsgId(msgId);
        bean.setKeys(keys);
        bean.setMsgType(MessageType.Normal_Msg);
        ctx.setTraceBeans(new ArrayList<>(List.of(bean)));
        return ctx;
    }

    @Test
    void recordsLeaveAsOneBodyIndexedByEveryIdAndKey() {
        TraceDataSegment segment = new TraceDataSegment("RMQ_SYS_TRACE_TOPIC", "DefaultRegion");
        assertFalse(segment.add(pub("M1", "a b"), 10_000));
        assertFalse(segment.add(pub("M2", ""), 10_000));
        String expected = TraceDataEncoder.encoderFromContextBean(pub("M1", "a b")).getTransData();
        TraceTransferBean all = segment.drain();
        assertTrue(all.getTransData().startsWith(expected.substring(0, 4)), all.getTransData());
        assertEquals(2, TraceDataEncoder.decoderFromTraceDataString(all.getTransData()).size());
        assertEquals(Set.of("M1", "M2", "a", "b"), all.getTransKey());
        assertTrue(segment.isEmpty());
        assertFalse(segment.waitedLongerThan(0));
    }

    @Test
    void aSegmentIsFullAtTheSizeLimit() {
        TraceDataSegment segment = new TraceDataSegment("RMQ_SYS_TRACE_TOPIC", "DefaultRegion");
        int oneRecord = TraceDataEncoder.encoderFromContextBean(pub("M1", "k")).getTransData().length();
        assertFalse(segment.add(pub("M1", "k"), 2 * oneRecord));
        assertTrue(segment.add(pub("M2", "k"), 2 * oneRecord));
        assertTrue(segment.waitedLongerThan(0));
    }
}
