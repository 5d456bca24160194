package org.cometmq.client.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cometmq.client.AccessChannel;
import org.cometmq.client.producer.LocalTransactionState;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageType;

/**
 * The text layout of trace records, the one 4.9 clients write to the trace topic and trace readers (mqadmin
 * queryMsgTraceById, consoles) parse. A record is its fields joined by {@link TraceConstants#CONTENT_SPLITOR} and
 * ended by {@link TraceConstants#FIELD_SPLITOR}; a trace message body is records one after the other. Fields, in
 * order:
 * <ul>
 * <li>Pub: type, timeStamp, regionId, groupName, topic, msgId, tags, keys, storeHost, bodyLength, costTime,
 * msgType ordinal, offsetMsgId, success</li>
 * <li>SubBefore (one per message): type, timeStamp, regionId, groupName, requestId, msgId, retryTimes, keys</li>
 * <li>SubAfter (one per message): type, requestId, msgId, costTime, success, keys, contextCode, then, unless the
 * access channel is CLOUD, timeStamp and groupName (a CLOUD record ends with a field separator instead)</li>
 * <li>EndTransaction: type, timeStamp, regionId, groupName, topic, msgId, tags, keys, storeHost, msgType ordinal,
 * transactionId, transactionState name, fromTransactionCheck</li>
 * </ul>
 * A null field is written as {@code null}. The trace message is indexed by every msgId and every message key.
 */
public class TraceDataEncoder {
    private static final String RECORD_SPLIT = String.valueOf(TraceConstants.FIELD_SPLITOR);
    private static final String FIELD_SPLIT = String.valueOf(TraceConstants.CONTENT_SPLITOR);

    /** Parses a trace message body; records of an unknown type are skipped. */
    public static List<TraceContext> decoderFromTraceDataString(String traceData) {
        List<TraceContext> contexts = new ArrayList<>();
        if (traceData == null || traceData.isEmpty()) {
            return contexts;
        }
        for (String record : traceData.split(RECORD_SPLIT)) {
            Fields line = new Fields(record.split(FIELD_SPLIT));
            TraceContext context = switch (line.get(0)) {
                case "Pub" -> decodePub(line);
                case "SubBefore" -> decodeSubBefore(line);
                case "SubAfter" -> decodeSubAfter(line);
                case "EndTransaction" -> decodeEndTransaction(line);
                default -> null;
            };
            if (context != null) {
                contexts.add(context);
            }
        }
        return contexts;
    }

    private static TraceContext decodePub(Fields line) {
        TraceContext context = headed(TraceType.Pub, line);
        TraceBean bean = messageFields(line);
        bean.setBodyLength(Integer.parseInt(line.get(9)));
        context.setCostTime(Integer.parseInt(line.get(10)));
        bean.setMsgType(MessageType.values()[Integer.parseInt(line.get(11))]);
        if (line.length() == 13) {
            context.setSuccess(Boolean.parseBoolean(line.get(12)));
        } else if (line.length() >= 14) {
            bean.setOffsetMsgId(line.get(12));
            context.setSuccess(Boolean.parseBoolean(line.get(13)));
            if (line.length() >= 15) {
                // records of some older clients carry the client host last
                bean.setClientHost(line.get(14));
            }
        }
        return withBean(context, bean);
    }

    private static TraceContext decodeSubBefore(Fields line) {
        TraceContext context = headed(TraceType.SubBefore, line);
        context.setRequestId(line.get(4));
        TraceBean bean = new TraceBean();
        bean.setMsgId(line.get(5));
        bean.setRetryTimes(Integer.parseInt(line.get(6)));
        bean.setKeys(line.get(7));
        return withBean(context, bean);
    }

    private static TraceContext decodeSubAfter(Fields line) {
        TraceContext context = new TraceContext();
        context.setTraceType(TraceType.SubAfter);
        context.setRequestId(line.get(1));
        TraceBean bean = new TraceBean();
        bean.setMsgId(line.get(2));
        bean.setKeys(line.get(5));
        context.setCostTime(Integer.parseInt(line.get(3)));
        context.setSuccess(Boolean.parseBoolean(line.get(4)));
        if (line.length() >= 7) {
            context.setContextCode(Integer.parseInt(line.get(6)));
        }
        if (line.length() >= 9) {
            context.setTimeStamp(Long.parseLong(line.get(7)));
            context.setGroupName(line.get(8));
        }
        return withBean(context, bean);
    }

    private static TraceContext decodeEndTransaction(Fields line) {
        TraceContext context = headed(TraceType.EndTransaction, line);
        TraceBean bean = messageFields(line);
        bean.setMsgType(MessageType.values()[Integer.parseInt(line.get(9))]);
        bean.setTransactionId(line.get(10));
        bean.setTransactionState(LocalTransactionState.valueOf(line.get(11)));
        bean.setFromTransactionCheck(Boolean.parseBoolean(line.get(12)));
        return withBean(context, bean);
    }

    /** A context of {@code type} with the time stamp, region and group the Pub, SubBefore and EndTransaction share. */
    private static TraceContext headed(TraceType type, Fields line) {
        TraceContext context = new TraceContext();
        context.setTraceType(type);
        context.setTimeStamp(Long.parseLong(line.get(1)));
        context.setRegionId(line.get(2));
        context.setGroupName(line.get(3));
        return context;
    }

    /** Fields 4 to 8 of a Pub or EndTransaction record: topic, msgId, tags, keys, storeHost. */
    private static TraceBean messageFields(Fields line) {
        TraceBean bean = new TraceBean();
        bean.setTopic(line.get(4));
        bean.setMsgId(line.get(5));
        bean.setTags(line.get(6));
        bean.setKeys(line.get(7));
        bean.setStoreHost(line.get(8));
        return bean;
    }

    private static TraceContext withBean(TraceContext context, TraceBean bean) {
        List<TraceBean> beans = new ArrayList<>(1);
        beans.add(bean);
        context.setTraceBeans(beans);
        return context;
    }

    /** Encodes one context into its records and index keys; null for a null context. */
    public static TraceTransferBean encoderFromContextBean(TraceContext ctx) {
        if (ctx == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(256);
        switch (ctx.getTraceType()) {
            case Pub -> encodePub(sb, ctx, ctx.getTraceBeans().get(0));
            case SubBefore -> ctx.getTraceBeans().forEach(bean -> encodeSubBefore(sb, ctx, bean));
            case SubAfter -> ctx.getTraceBeans().forEach(bean -> encodeSubAfter(sb, ctx, bean));
            case EndTransaction -> encodeEndTransaction(sb, ctx, ctx.getTraceBeans().get(0));
            default -> {
            }
        }
        TraceTransferBean transferBean = new TraceTransferBean();
        transferBean.setTransData(sb.toString());
        for (TraceBean bean : ctx.getTraceBeans()) {
            transferBean.getTransKey().add(bean.getMsgId());
            if (bean.getKeys() != null && !bean.getKeys().isEmpty()) {
                transferBean.getTransKey().addAll(Arrays.asList(bean.getKeys().split(MessageConst.KEY_SEPARATOR)));
            }
        }
        return transferBean;
    }

    private static void encodePub(StringBuilder sb, TraceContext ctx, TraceBean bean) {
        fields(sb, ctx.getTraceType(), ctx.getTimeStamp(), ctx.getRegionId(), ctx.getGroupName(), bean.getTopic(),
            bean.getMsgId(), bean.getTags(), bean.getKeys(), bean.getStoreHost(), bean.getBodyLength(),
            ctx.getCostTime(), bean.getMsgType().ordinal(), bean.getOffsetMsgId(), ctx.isSuccess());
        sb.append(TraceConstants.FIELD_SPLITOR);
    }

    private static void encodeSubBefore(StringBuilder sb, TraceContext ctx, TraceBean bean) {
        fields(sb, ctx.getTraceType(), ctx.getTimeStamp(), ctx.getRegionId(), ctx.getGroupName(),
            ctx.getRequestId(), bean.getMsgId(), bean.getRetryTimes(), bean.getKeys());
        sb.append(TraceConstants.FIELD_SPLITOR);
    }

    private static void encodeSubAfter(StringBuilder sb, TraceContext ctx, TraceBean bean) {
        fields(sb, ctx.getTraceType(), ctx.getRequestId(), bean.getMsgId(), ctx.getCostTime(), ctx.isSuccess(),
            bean.getKeys(), ctx.getContextCode());
        sb.append(TraceConstants.CONTENT_SPLITOR);
        if (ctx.getAccessChannel() != AccessChannel.CLOUD) {
            fields(sb, ctx.getTimeStamp(), ctx.getGroupName());
            sb.append(TraceConstants.FIELD_SPLITOR);
        }
    }

    private static void encodeEndTransaction(StringBuilder sb, TraceContext ctx, TraceBean bean) {
        fields(sb, ctx.getTraceType(), ctx.getTimeStamp(), ctx.getRegionId(), ctx.getGroupName(), bean.getTopic(),
            bean.getMsgId(), bean.getTags(), bean.getKeys(), bean.getStoreHost(), bean.getMsgType().ordinal(),
            bean.getTransactionId(), bean.getTransactionState().name(), bean.isFromTransactionCheck());
        sb.append(TraceConstants.FIELD_SPLITOR);
    }

    /** Appends {@code values} separated by CONTENT_SPLITOR (nulls as "null"), without a terminator. */
    private static void fields(StringBuilder sb, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(TraceConstants.CONTENT_SPLITOR);
            }
            sb.append(values[i]);
        }
    }

    /** The fields of one record; a field dropped by split (trailing empty ones) reads as empty. */
    private record Fields(String[] values) {
        String get(int index) {
            return index < values.length ? values[index] : "";
        }

        int length() {
            return values.length;
        }
    }
}
