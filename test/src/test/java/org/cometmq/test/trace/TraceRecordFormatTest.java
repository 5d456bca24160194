package org.cometmq.test.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.rocketmq.client.trace.TraceBean;
import org.apache.rocketmq.client.trace.TraceContext;
import org.apache.rocketmq.client.trace.TraceDataEncoder;
import org.apache.rocketmq.client.trace.TraceTransferBean;
import org.apache.rocketmq.client.trace.TraceType;
import org.cometmq.client.AccessChannel;
import org.cometmq.client.producer.LocalTransactionState;
import org.cometmq.common.message.MessageType;
import org.junit.jupiter.api.Test;

/**
 * CometMQ's TraceDataEncoder against Apache 4.9.7's, in one JVM: the same contexts encode to the same characters
 * and index keys, and each side decodes the other's records to the same fields.
 */
class TraceRecordFormatTest {

    /** One trace context described once, built as either side's class. */
    private record Spec(String type, long timeStamp, String regionId, String groupName, String requestId, int costTime,
        boolean success, int contextCode, boolean cloud, List<BeanSpec> beans) {
    }

    private record BeanSpec(String topic, String msgId, String offsetMsgId, String tags, String keys, String storeHost,
        int bodyLength, int retryTimes, int msgType, String transactionId, String transactionState,
        boolean fromCheck) {
    }

    private static List<Spec> specs() {
        BeanSpec plain = new BeanSpec("TopicTest", "7F0000010B2C18B4AAC2000000000001",
            "7F00000100002A9F0000000000000010", "TagA", "k1 k2", "127.0.0.1:10911", 11, 0, 0, null, null, false);
        BeanSpec noKeys = new BeanSpec("TopicTest", "7F0000010B2C18B4AAC2000000000002", "", null, null,
            "127.0.0.1:10911", 0, 3, 3, null, null, false);
        BeanSpec tx = new BeanSpec("TxTopic", "7F0000010B2C18B4AAC2000000000003", "", "TagT", "order-7",
            "127.0.0.1:10911", 5, 0, 2, "7F0000010B2C18B4AAC2000000000003", "ROLLBACK_MESSAGE", true);
        return List.of(
            new Spec("Pub", 1700000000123L, "DefaultRegion", "pg", "R", 4, true, 0, false, List.of(plain)),
            new Spec("Pub", 1700000000124L, "DefaultRegion", "pg", "R", 0, false, 0, false, List.of(noKeys)),
            new Spec("SubBefore", 1700000000200L, null, "cg", "REQ-1", 0, true, 0, false, List.of(plain, noKeys)),
            new Spec("SubAfter", 1700000000300L, null, "cg", "REQ-1", 7, false, 4, false, List.of(plain, noKeys)),
            new Spec("SubAfter", 1700000000300L, "cn-1", "cg", "REQ-2", 7, true, 0, true, List.of(plain)),
            new Spec("EndTransaction", 1700000000400L, "DefaultRegion", "tg", "R", 0, true, 0, false, List.of(tx)));
    }

    private static TraceContext apache(Spec s) {
        TraceContext ctx = new TraceContext();
        ctx.setTraceType(TraceType.valueOf(s.type()));
        ctx.setTimeStamp(s.timeStamp());
        ctx.setRegionId(s.regionId());
        ctx.setGroupName(s.groupName());
        ctx.setRequestId(s.requestId());
        ctx.setCostTime(s.costTime());
        ctx.setSuccess(s.success());
        ctx.setContextCode(s.contextCode());
        ctx.setAccessChannel(s.cloud() ? org.apache.rocketmq.client.AccessChannel.CLOUD
            : org.apache.rocketmq.client.AccessChannel.LOCAL);
        List<TraceBean> beans = new ArrayList<>();
        for (BeanSpec b : s.beans()) {
            TraceBean bean = new TraceBean();
            bean.setTopic(b.topic());
            bean.setMsgId(b.msgId());
            bean.setOffsetMsgId(b.offsetMsgId());
            bean.setTags(b.tags());
            bean.setKeys(b.keys());
            bean.setStoreHost(b.storeHost());
            bean.setBodyLength(b.bodyLength());
            bean.setRetryTimes(b.retryTimes());
            bean.setMsgType(org.apache.rocketmq.common.message.MessageType.values()[b.msgType()]);
            bean.setTransactionId(b.transactionId());
            if (b.transactionState() != null) {
                bean.setTransactionState(
                    org.apache.rocketmq.client.producer.LocalTransactionState.valueOf(b.transactionState()));
            }
            bean.setFromTransactionCheck(b.fromCheck());
            beans.add(bean);
        }
        ctx.setTraceBeans(beans);
        return ctx;
    }

    private static org.cometmq.client.trace.TraceContext comet(Spec s) {
        org.cometmq.client.trace.TraceContext ctx = new org.cometmq.client.trace.TraceContext();
        ctx.setTraceType(org.cometmq.client.trace.TraceType.valueOf(s.type()));
        ctx.setTimeStamp(s.timeStamp());
        ctx.setRegionId(s.regionId());
        ctx.setGroupName(s.groupName());
        ctx.setRequestId(s.requestId());
        ctx.setCostTime(s.costTime());
        ctx.setSuccess(s.success());
        ctx.setContextCode(s.contextCode());
        ctx.setAccessChannel(s.cloud() ? AccessChannel.CLOUD : AccessChannel.LOCAL);
        List<org.cometmq.client.trace.TraceBean> beans = new ArrayList<>();
        for (BeanSpec b : s.beans()) {
            org.cometmq.client.trace.TraceBean bean = new org.cometmq.client.trace.TraceBean();
            bean.setTopic(b.topic());
            bean.setMsgId(b.msgId());
            bean.setOffsetMsgId(b.offsetMsgId());
            bean.setTags(b.tags());
            bean.setKeys(b.keys());
            bean.setStoreHost(b.storeHost());
            bean.setBodyLength(b.bodyLength());
            bean.setRetryTimes(b.retryTimes());
            bean.setMsgType(MessageType.values()[b.msgType()]);
            bean.setTransactionId(b.transactionId());
            if (b.transactionState() != null) {
                bean.setTransactionState(LocalTransactionState.valueOf(b.transactionState()));
            }
            bean.setFromTransactionCheck(b.fromCheck());
            beans.add(bean);
        }
        ctx.setTraceBeans(beans);
        return ctx;
    }

    @Test
    void sameContextsEncodeToTheSameCharactersAndKeys() {
        for (Spec spec : specs()) {
            TraceTransferBean theirs = TraceDataEncoder.encoderFromContextBean(apache(spec));
            org.cometmq.client.trace.TraceTransferBean ours =
                org.cometmq.client.trace.TraceDataEncoder.encoderFromContextBean(comet(spec));
            assertEquals(theirs.getTransData(), ours.getTransData(), spec.toString());
            assertEquals(theirs.getTransKey(), ours.getTransKey(), spec.toString());
        }
    }

    @Test
    void eachSideDecodesTheOthersRecordsToTheSameFields() {
        StringBuilder data = new StringBuilder();
        for (Spec spec : specs()) {
            if (!spec.cloud()) {
                // a CLOUD SubAfter record has no terminator, so it only decodes when it comes last
                data.append(TraceDataEncoder.encoderFromContextBean(apache(spec)).getTransData());
            }
        }
        List<String> byApache = TraceDecoding.describeApache(
            TraceDataEncoder.decoderFromTraceDataString(data.toString()));
        List<String> byComet = TraceDecoding.describeComet(
            org.cometmq.client.trace.TraceDataEncoder.decoderFromTraceDataString(data.toString()));
        assertEquals(byApache, byComet);
        assertEquals(7, byComet.size());
    }
}
