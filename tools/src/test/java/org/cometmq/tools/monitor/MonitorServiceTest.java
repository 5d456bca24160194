package org.cometmq.tools.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.cometmq.client.consumer.MQPullConsumer;
import org.cometmq.client.consumer.PullResult;
import org.cometmq.client.consumer.PullStatus;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.common.admin.ConsumeStats;
import org.cometmq.common.admin.OffsetWrapper;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.body.Connection;
import org.cometmq.common.protocol.body.ConsumerConnection;
import org.cometmq.common.protocol.body.ConsumerRunningInfo;
import org.cometmq.common.protocol.body.TopicList;
import org.cometmq.tools.admin.MQAdminExt;
import org.junit.jupiter.api.Test;

class MonitorServiceTest {
    private final MQAdminExt admin = mock(MQAdminExt.class);
    private final MQPullConsumer pullConsumer = mock(MQPullConsumer.class);
    private final List<String> reports = new ArrayList<>();
    private final MonitorService service = new MonitorService(new MonitorConfig(), new Recorder(), admin,
        pullConsumer, null);

    @Test
    void aRoundReportsTheBacklogPerTopicAndTheRunningInfoOfEachOnlineGroupWithARetryTopic() throws Exception {
        TopicList topics = new TopicList();
        topics.setTopicList(new HashSet<>(Set.of("%RETRY%G", "T", "%RETRY%Offline")));
        when(admin.fetchAllTopicList()).thenReturn(topics);
        MessageQueue t0 = new MessageQueue("T", "broker-a", 0);
        ConsumeStats stats = new ConsumeStats();
        stats.getOffsetTable().put(t0, offsets(10, 7, 1_000));
        stats.getOffsetTable().put(new MessageQueue("T", "broker-a", 1), offsets(5, 6, 0));
        stats.getOffsetTable().put(new MessageQueue("%RETRY%G", "broker-a", 0), offsets(0, 0, 0));
        when(admin.examineConsumeStats("G")).thenReturn(stats);
        when(admin.examineConsumerConnectionInfo("G")).thenReturn(connections("c1", 407, "old", 0));
        ConsumerRunningInfo info = new ConsumerRunningInfo();
        when(admin.getConsumerRunningInfo("G", "c1", false)).thenReturn(info);
        when(admin.examineConsumeStats("Offline")).thenThrow(new MQClientException(206, "no offsets"));
        when(admin.examineConsumerConnectionInfo("Offline")).thenThrow(new MQClientException(206, "not online"));
        when(pullConsumer.maxOffset(t0)).thenReturn(10L);
        MessageExt latest = new MessageExt();
        latest.setStoreTimestamp(4_000);
        when(pullConsumer.pull(t0, "*", 9, 1)).thenReturn(new PullResult(PullStatus.FOUND, 10, 0, 10,
            List.of(latest)));

        service.doMonitorWork();

        assertEquals("begin", reports.get(0));
        assertEquals("end", reports.get(reports.size() - 1));
        assertEquals(Set.of(
            "UndoneMsgs [consumerGroup=G, topic=T, undoneMsgsTotal=3, undoneMsgsSingleMQ=3,"
                + " undoneMsgsDelayTimeMills=3000]",
            "UndoneMsgs [consumerGroup=G, topic=%RETRY%G, undoneMsgsTotal=0, undoneMsgsSingleMQ=0,"
                + " undoneMsgsDelayTimeMills=0]",
            "running info of [c1]"), Set.copyOf(reports.subList(1, reports.size() - 1)));
        assertEquals(5, reports.size(), reports.toString());
        verify(admin, never()).getConsumerRunningInfo("G", "old", false);
    }

    private static OffsetWrapper offsets(long broker, long consumer, long lastTimestamp) {
        OffsetWrapper offsets = new OffsetWrapper();
        offsets.setBrokerOffset(broker);
        offsets.setConsumerOffset(consumer);
        offsets.setLastTimestamp(lastTimestamp);
        return offsets;
    }

    private static ConsumerConnection connections(String clientId, int version, String oldClientId,
        int oldVersion) {
        ConsumerConnection consumers = new ConsumerConnection();
        for (String[] client : new String[][] {{clientId, String.valueOf(version)},
            {oldClientId, String.valueOf(oldVersion)}}) {
            Connection connection = new Connection();
            connection.setClientId(client[0]);
            connection.setVersion(Integer.parseInt(client[1]));
            consumers.getConnectionSet().add(connection);
        }
        return consumers;
    }

    /** Records what the round reports, in order. */
    private final class Recorder implements MonitorListener {
        @Override
        public void beginRound() {
            reports.add("begin");
        }

        @Override
        public void reportUndoneMsgs(UndoneMsgs undoneMsgs) {
            reports.add(undoneMsgs.toString());
        }

        @Override
        public void reportFailedMsgs(FailedMsgs failedMsgs) {
            reports.add(failedMsgs.toString());
        }

        @Override
        public void reportDeleteMsgsEvent(DeleteMsgsEvent deleteMsgsEvent) {
            reports.add(deleteMsgsEvent.toString());
        }

        @Override
        public void reportConsumerRunningInfo(TreeMap<String, ConsumerRunningInfo> criTable) {
            reports.add("running info of " + criTable.keySet());
        }

        @Override
        public void endRound() {
            reports.add("end");
        }
    }
}
