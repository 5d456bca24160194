package org.cometmq.tools.admin.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.List;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.impl.MQAdminImpl;
import org.cometmq.client.impl.MQClientAPIImpl;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.admin.ConsumeStats;
import org.cometmq.common.admin.OffsetWrapper;
import org.cometmq.common.admin.TopicOffset;
import org.cometmq.common.admin.TopicStatsTable;
import org.cometmq.common.protocol.header.UpdateConsumerOffsetRequestHeader;
import org.cometmq.common.protocol.route.BrokerData;
import org.cometmq.common.protocol.route.QueueData;
import org.cometmq.common.protocol.route.TopicRouteData;
import org.cometmq.common.admin.RollbackStats;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class ConsumerAdminAndOffsetResetTest {
    private static final String A = "127.0.0.1:10911";
    private static final String B = "127.0.0.1:20911";

    private final MQClientAPIImpl api = mock(MQClientAPIImpl.class);
    private final BrokerAdminCalls broker = mock(BrokerAdminCalls.class);
    private final ConsumerAdmin consumers = new ConsumerAdmin(api, mock(MQAdminImpl.class), broker, 1000);
    private final OffsetReset reset = new OffsetReset(api, broker, 1000);

    @Test
    void consumeStatsAreMergedOverTheBrokersOfTheRetryTopic() throws Exception {
        when(api.getTopicRouteInfoFromNameServer("%RETRY%cg", 1000)).thenReturn(route());
        when(broker.getConsumeStats(A, "cg", null, 3000)).thenReturn(stats("broker-a", 10, 8, 1.5));
        when(broker.getConsumeStats(B, "cg", null, 3000)).thenReturn(stats("broker-b", 4, 4, 2.0));

        ConsumeStats merged = consumers.examineConsumeStats("cg", null);
        assertEquals(2, merged.getOffsetTable().size());
        assertEquals(3.5, merged.getConsumeTps());
        assertEquals(2, merged.computeTotalDiff());
    }

    @Test
    void noOffsetsAnywhereMeansTheGroupIsNotOnline() throws Exception {
        when(api.getTopicRouteInfoFromNameServer("%RETRY%cg", 1000)).thenReturn(route());
        when(broker.getConsumeStats(any(), eq("cg"), any(), anyLong())).thenReturn(new ConsumeStats());
        MQClientException e = assertThrows(MQClientException.class, () -> consumers.examineConsumeStats("cg", null));
        assertEquals(ResponseCode.CONSUMER_NOT_ONLINE, e.getResponseCode());
    }

    @Test
    void onlineResetRefusalKeepsTheBrokersCode() throws Exception {
        when(broker.invokeBrokerToResetOffset(A, "T", "cg", 5L, true, false))
            .thenThrow(new MQBrokerException(ResponseCode.CONSUMER_NOT_ONLINE, "Consumer not online", A));
        MQClientException e = assertThrows(MQClientException.class,
            () -> reset.resetOnline(route(), "T", "cg", 5L, true, false));
        assertEquals(ResponseCode.CONSUMER_NOT_ONLINE, e.getResponseCode());
        assertEquals("Consumer not online", e.getErrorMessage());
    }

    @Test
    void offlineRollbackWithoutForceOnlyMovesOffsetsBack() throws Exception {
        TopicRouteData route = route();
        // broker-a: the group consumed queue 0 up to 8; the timestamp maps to 5 (back) -> reset to 5
        when(broker.getConsumeStats(A, "cg", null, 1000)).thenReturn(stats("broker-a", 10, 8, 0));
        when(api.searchOffset(A, "T", 0, 77L, 1000)).thenReturn(5L);
        // broker-b: never consumed; queue 0 holds 0..6, 1 holds 2..3; the timestamp maps past the min -> unchanged
        when(broker.getConsumeStats(B, "cg", null, 1000)).thenReturn(new ConsumeStats());
        TopicStatsTable table = new TopicStatsTable();
        table.getOffsetTable().put(new MessageQueue("T", "broker-b", 0), topicOffset(0, 6));
        table.getOffsetTable().put(new MessageQueue("T", "broker-b", 1), topicOffset(2, 3));
        when(broker.getTopicStatsInfo(B, "T")).thenReturn(table);
        when(api.searchOffset(B, "T", 0, 77L, 1000)).thenReturn(4L);
        when(api.searchOffset(B, "T", 1, 77L, 1000)).thenReturn(2L);

        List<RollbackStats> rows = reset.rollback(route, "cg", "T", 77L, false);
        assertEquals(3, rows.size());
        RollbackStats a0 = rows.get(0);
        assertEquals("broker-a", a0.getBrokerName());
        assertEquals(10, a0.getBrokerOffset());
        assertEquals(8, a0.getConsumerOffset());
        assertEquals(5, a0.getTimestampOffset());
        assertEquals(5, a0.getRollbackOffset());

        ArgumentCaptor<UpdateConsumerOffsetRequestHeader> header =
            ArgumentCaptor.forClass(UpdateConsumerOffsetRequestHeader.class);
        verify(api).updateConsumerOffset(eq(A), header.capture(), eq(1000L));
        assertEquals(5L, header.getValue().getCommitOffset());
        assertEquals("cg", header.getValue().getConsumerGroup());
        // broker-b queue 0: 4 > min 0 -> not moved without force; queue 1: 2 <= 2 -> committed
        ArgumentCaptor<UpdateConsumerOffsetRequestHeader> atB =
            ArgumentCaptor.forClass(UpdateConsumerOffsetRequestHeader.class);
        verify(api).updateConsumerOffset(eq(B), atB.capture(), eq(1000L));
        assertEquals(1, atB.getValue().getQueueId());
        assertEquals(2L, atB.getValue().getCommitOffset());
        RollbackStats b0 = rows.stream().filter(r -> r.getBrokerName().equals("broker-b") && r.getQueueId() == 0)
            .findFirst().orElseThrow();
        assertEquals(0, b0.getRollbackOffset());
        assertEquals(4, b0.getTimestampOffset());
        assertEquals(6, b0.getBrokerOffset());
    }

    private static TopicRouteData route() {
        TopicRouteData route = new TopicRouteData();
        HashMap<Long, String> a = new HashMap<>();
        a.put(0L, A);
        HashMap<Long, String> b = new HashMap<>();
        b.put(0L, B);
        route.setBrokerDatas(List.of(new BrokerData("C1", "broker-a", a), new BrokerData("C1", "broker-b", b)));
        route.setQueueDatas(List.of(new QueueData("broker-a", 1, 1, 6, 0), new QueueData("broker-b", 2, 2, 6, 0)));
        return route;
    }

    private static ConsumeStats stats(String brokerName, long brokerOffset, long consumerOffset, double tps) {
        ConsumeStats stats = new ConsumeStats();
        OffsetWrapper wrapper = new OffsetWrapper();
        wrapper.setBrokerOffset(brokerOffset);
        wrapper.setConsumerOffset(consumerOffset);
        stats.getOffsetTable().put(new MessageQueue("T", brokerName, 0), wrapper);
        stats.setConsumeTps(tps);
        return stats;
    }

    private static TopicOffset topicOffset(long min, long max) {
        TopicOffset offset = new TopicOffset();
        offset.setMinOffset(min);
        offset.setMaxOffset(max);
        return offset;
    }
}
