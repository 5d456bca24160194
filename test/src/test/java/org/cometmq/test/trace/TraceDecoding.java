package org.cometmq.test.trace;

import java.util.ArrayList;
import java.util.List;
import org.apache.rocketmq.client.trace.TraceBean;
import org.apache.rocketmq.client.trace.TraceContext;

/**
 * Decoded trace records of either side as comparable lines: every field of the context and its first bean,
 * {@code |}-separated, starting with the record type, the time stamp, the region and the group.
 */
final class TraceDecoding {
    private TraceDecoding() {
    }

    static List<String> describeApache(List<TraceContext> contexts) {
        List<String> out = new ArrayList<>();
        for (TraceContext c : contexts) {
            TraceBean b = c.getTraceBeans().get(0);
            out.add(String.join("|", c.getTraceType().name(), String.valueOf(c.getTimeStamp()), c.getRegionId(),
                c.getGroupName(), carried(c.getTraceType().name(),
                    c.getRequestId(), true), String.valueOf(c.getCostTime()), String.valueOf(c.isSuccess()),
                String.valueOf(c.getContextCode()), b.getTopic(), b.getMsgId(), b.getOffsetMsgId(), b.getTags(),
                b.getKeys(), carried(c.getTraceType().name(), b.getStoreHost(), false),
                String.valueOf(b.getBodyLength()), String.valueOf(b.getRetryTimes()),
                String.valueOf(b.getMsgType()), b.getTransactionId(), String.valueOf(b.getTransactionState()),
                String.valueOf(b.isFromTransactionCheck())));
        }
        return out;
    }

    static List<String> describeComet(List<org.cometmq.client.trace.TraceContext> contexts) {
        List<String> out = new ArrayList<>();
        for (org.cometmq.client.trace.TraceContext c : contexts) {
            org.cometmq.client.trace.TraceBean b = c.getTraceBeans().get(0);
            out.add(String.join("|", c.getTraceType().name(), String.valueOf(c.getTimeStamp()), c.getRegionId(),
                c.getGroupName(), carried(c.getTraceType().name(),
                    c.getRequestId(), true), String.valueOf(c.getCostTime()), String.valueOf(c.isSuccess()),
                String.valueOf(c.getContextCode()), b.getTopic(), b.getMsgId(), b.getOffsetMsgId(), b.getTags(),
                b.getKeys(), carried(c.getTraceType().name(), b.getStoreHost(), false),
                String.valueOf(b.getBodyLength()), String.valueOf(b.getRetryTimes()),
                String.valueOf(b.getMsgType()), b.getTransactionId(), String.valueOf(b.getTransactionState()),
                String.valueOf(b.isFromTransactionCheck())));
        }
        return out;
    }

    /**
     * A field that only consumer records carry ({@code consumerField}) or only producer records carry; the other
     * kind leaves it at its default, a fresh id or this host's address, and is not compared.
     */
    private static String carried(String type, String value, boolean consumerField) {
        return type.startsWith("Sub") == consumerField ? value : "-";
    }
}
