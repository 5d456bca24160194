package org.cometmq.dashboard.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.common.admin.ConsumeStats;
import org.cometmq.common.admin.OffsetWrapper;
import org.cometmq.common.admin.TopicOffset;
import org.cometmq.common.admin.TopicStatsTable;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.tools.admin.MQAdminExt;
import org.junit.jupiter.api.Test;

class ConsumerGroupsTest {
    private final MQAdminExt admin = mock(MQAdminExt.class);
    private final ConsumerGroups groups = new ConsumerGroups(admin, new ClusterView(admin));

    private static OffsetWrapper offsets(long broker, long consumer) {
        OffsetWrapper wrapper = new OffsetWrapper();
        wrapper.setBrokerOffset(broker);
        wrapper.setConsumerOffset(consumer);
        return wrapper;
    }

    @Test
    void lagPerQueueIsMaxOffsetMinusCommittedOffsetAndTheTotalTheirSum() throws Exception {
        ConsumeStats stats = new ConsumeStats();
        HashMap<MessageQueue, OffsetWrapper> table = new HashMap<>();
        table.put(new MessageQueue("T", "broker-a", 1), offsets(40, 15));
        table.put(new MessageQueue("T", "broker-a", 0), offsets(30, 30));
        table.put(new MessageQueue("T", "broker-a", 2), offsets(12, -1));
        stats.setOffsetTable(table);
        when(admin.examineConsumeStats("G")).thenReturn(stats);
        when(admin.examineConsumerConnectionInfo("G")).thenThrow(new org.cometmq.client.exception.MQBrokerException(
            ResponseCode.CONSUMER_NOT_ONLINE, "the consumer group[G] not online", "127.0.0.1:10911"));
        TopicStatsTable dlq = new TopicStatsTable();
        TopicOffset dlqOffsets = new TopicOffset();
        dlqOffsets.setMinOffset(2);
        dlqOffsets.setMaxOffset(5);
        dlq.getOffsetTable().put(new MessageQueue("%DLQ%G", "broker-a", 0), dlqOffsets);
        when(admin.examineTopicStats("%DLQ%G")).thenReturn(dlq);

        Map<String, Object> detail = groups.detail("G");

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> queues = (List<Map<String, Object>>) detail.get("queues");
        assertEquals(List.of(0, 1, 2), queues.stream().map(q -> q.get("queueId")).toList(), "ordered by queue");
        assertEquals(List.of(0L, 25L, 12L), queues.stream().map(q -> q.get("lag")).toList(),
            "a queue never committed (-1) lags by its whole max offset");
        assertEquals(37L, detail.get("totalLag"));
        assertEquals(false, detail.get("online"));
        assertEquals(3L, detail.get("dlqMessages"));
    }

    @Test
    void aGroupWithoutStatsOrDlqShowsEmptyAndOtherFailuresSurface() throws Exception {
        when(admin.examineConsumeStats("fresh")).thenThrow(new MQClientException(ResponseCode.SYSTEM_ERROR,
            "Not found the consumer group consume stats"));
        when(admin.examineConsumerConnectionInfo("fresh"))
            .thenThrow(new MQClientException(ResponseCode.CONSUMER_NOT_ONLINE, "not online"));
        when(admin.examineTopicStats(anyString())).thenThrow(new MQClientException(17, "No topic route info"));

        Map<String, Object> detail = groups.detail("fresh");
        assertEquals(List.of(), detail.get("queues"));
        assertEquals(0L, detail.get("totalLag"));
        assertEquals(0L, detail.get("dlqMessages"));

        when(admin.examineConsumerConnectionInfo("broken"))
            .thenThrow(new MQClientException(ResponseCode.SYSTEM_ERROR, "broker down"));
        MQClientException error = org.junit.jupiter.api.Assertions.assertThrows(MQClientException.class,
            () -> groups.detail("broken"));
        org.junit.jupiter.api.Assertions.assertTrue(error.getMessage().contains("broker down"), error.getMessage());
    }
}
