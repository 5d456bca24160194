package org.cometmq.common.protocol.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;
import org.junit.jupiter.api.Test;

/**
 * Maps keyed by MessageQueue travel with JSON-object keys (spec 5.0); fastjson2 writes and reads that form
 * natively, these tests pin the exact bytes so an upgrade that changes it is caught.
 */
class ObjectKeyedBodiesJsonTest {
    private static final MessageQueue Q0 = new MessageQueue("TopicTest", "broker-a", 0);
    private static final String Q0_JSON = "{\"brokerName\":\"broker-a\",\"queueId\":0,\"topic\":\"TopicTest\"}";

    @Test
    void resetOffsetBodyUsesObjectKeys() {
        ResetOffsetBody body = new ResetOffsetBody();
        body.getOffsetTable().put(Q0, 5L);
        String json = new String(body.encode(), StandardCharsets.UTF_8);
        assertEquals("{\"offsetTable\":{" + Q0_JSON + ":5}}", json);

        ResetOffsetBody back = ResetOffsetBody.decode(json.getBytes(StandardCharsets.UTF_8), ResetOffsetBody.class);
        assertEquals(Map.of(Q0, 5L), back.getOffsetTable());
    }

    @Test
    void getConsumerStatusBodyNestsObjectKeyedMaps() {
        String json = "{\"consumerTable\":{\"10.0.0.9@1\":{" + Q0_JSON + ":7}},\"messageQueueTable\":{"
            + Q0_JSON + ":1}}";
        GetConsumerStatusBody body = GetConsumerStatusBody.decode(json.getBytes(StandardCharsets.UTF_8),
            GetConsumerStatusBody.class);
        assertEquals(Map.of(Q0, 1L), body.getMessageQueueTable());
        assertEquals(Map.of(Q0, 7L), body.getConsumerTable().get("10.0.0.9@1"));
        assertEquals(json, new String(body.encode(), StandardCharsets.UTF_8));
    }

    @Test
    void consumerRunningInfoRoundTrips() {
        ConsumerRunningInfo info = new ConsumerRunningInfo();
        info.getProperties().put(ConsumerRunningInfo.PROP_CONSUME_TYPE, "CONSUME_PASSIVELY");
        info.getSubscriptionSet().add(new SubscriptionData("TopicTest", "*"));
        ProcessQueueInfo pq = new ProcessQueueInfo();
        pq.setCommitOffset(12);
        pq.setCachedMsgCount(3);
        pq.setLocked(true);
        info.getMqTable().put(Q0, pq);
        ConsumeStatus status = new ConsumeStatus();
        status.setPullRT(1.5);
        status.setConsumeFailedMsgs(4);
        info.getStatusTable().put("TopicTest", status);

        String json = new String(info.encode(), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"mqTable\":{" + Q0_JSON + ":{"), json);
        assertTrue(json.contains("\"pullRT\":1.5"), json);
        assertTrue(json.contains("\"consumeOKTPS\":0.0"), json);

        ConsumerRunningInfo back = ConsumerRunningInfo.decode(info.encode(), ConsumerRunningInfo.class);
        assertEquals("CONSUME_PASSIVELY", back.getProperties().getProperty(ConsumerRunningInfo.PROP_CONSUME_TYPE));
        assertEquals(12, back.getMqTable().get(Q0).getCommitOffset());
        assertEquals(3, back.getMqTable().get(Q0).getCachedMsgCount());
        assertTrue(back.getMqTable().get(Q0).isLocked());
        assertEquals(4, back.getStatusTable().get("TopicTest").getConsumeFailedMsgs());
        assertEquals(List.of("TopicTest"), back.getSubscriptionSet().stream().map(SubscriptionData::getTopic).toList());
        assertEquals(TreeMap.class, back.getMqTable().getClass());
    }

    @Test
    void lockBodiesMatchTheSpec() {
        LockBatchRequestBody request = new LockBatchRequestBody();
        request.setClientId("10.0.0.9@1");
        request.setConsumerGroup("cg");
        request.getMqSet().add(Q0);
        assertEquals("{\"clientId\":\"10.0.0.9@1\",\"consumerGroup\":\"cg\",\"mqSet\":[" + Q0_JSON + "]}",
            new String(request.encode(), StandardCharsets.UTF_8));
        LockBatchResponseBody response = LockBatchResponseBody.decode(
            ("{\"lockOKMQSet\":[" + Q0_JSON + "]}").getBytes(StandardCharsets.UTF_8), LockBatchResponseBody.class);
        assertEquals(java.util.Set.of(Q0), response.getLockOKMQSet());
    }

    @Test
    void consumeMessageDirectlyResultMatchesTheSpec() {
        ConsumeMessageDirectlyResult result = new ConsumeMessageDirectlyResult();
        result.setConsumeResult(CMResult.CR_SUCCESS);
        result.setRemark("ok");
        result.setSpentTimeMills(3);
        assertEquals("{\"autoCommit\":true,\"consumeResult\":\"CR_SUCCESS\",\"order\":false,\"remark\":\"ok\","
            + "\"spentTimeMills\":3}", new String(result.encode(), StandardCharsets.UTF_8));
        GetConsumerListByGroupResponseBody ids = GetConsumerListByGroupResponseBody.decode(
            "{\"consumerIdList\":[\"10.0.0.9@1\",\"10.0.0.8@2\"]}".getBytes(StandardCharsets.UTF_8),
            GetConsumerListByGroupResponseBody.class);
        assertEquals(List.of("10.0.0.9@1", "10.0.0.8@2"), ids.getConsumerIdList());
    }
}
