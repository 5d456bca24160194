package org.cometmq.tools.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cometmq.client.QueryResult;
import org.cometmq.client.consumer.PullResult;
import org.cometmq.client.consumer.PullStatus;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.producer.SendResult;
import org.cometmq.client.producer.SendStatus;
import org.cometmq.client.trace.TraceConstants;
import org.cometmq.common.admin.RollbackStats;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.tools.command.message.MessagePrinter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

class OffsetAndMessageCommandsTest {
    private final CommandRunner runner = new CommandRunner();
    @TempDir
    Path bodyDir;

    @BeforeEach
    void writeBodiesToATempDir() {
        System.setProperty(MessagePrinter.BODY_DIR_PROPERTY, bodyDir.toString());
    }

    @AfterEach
    void restoreBodyDir() {
        System.clearProperty(MessagePrinter.BODY_DIR_PROPERTY);
    }

    @Test
    void resetOffsetByTimeOnlinePrintsTheNewOffsets() throws Exception {
        Map<MessageQueue, Long> offsets = new HashMap<>();
        offsets.put(new MessageQueue("T", "broker-a", 1), 7L);
        offsets.put(new MessageQueue("T", "broker-a", 0), 5L);
        when(runner.admin.resetOffsetByTimestamp("T", "cg", 1_700_000_000_000L, true)).thenReturn(offsets);

        assertEquals(0, runner.run("resetOffsetByTime", "-g", "cg", "-t", "T", "-s", "1700000000000"));
        String pad = " ".repeat(39);
        assertEquals(List.of(
            "rollback consumer offset by specified group[cg], topic[T], force[true], timestamp(string)[1700000000000],"
                + " timestamp(long)[1700000000000]",
            "#brokerName" + " ".repeat(29) + "  #queueId" + " ".repeat(32) + "  #offset" + " ".repeat(33),
            "broker-a" + " ".repeat(32) + "  0" + pad + "  5" + pad,
            "broker-a" + " ".repeat(32) + "  1" + pad + "  7" + pad,
            ""), runner.outLines());
        verify(runner.admin, never()).resetOffsetByTimestampOld(any(), any(), anyLong(), eq(true));
    }

    @Test
    void resetOffsetByTimeFallsBackToTheOfflineResetWhenNoConsumerIsOnline() throws Exception {
        when(runner.admin.resetOffsetByTimestamp("T", "cg", 1_700_000_000_000L, false))
            .thenThrow(new MQClientException(ResponseCode.CONSUMER_NOT_ONLINE, "[cg] not online"));
        RollbackStats stats = new RollbackStats();
        stats.setBrokerName("broker-a");
        stats.setQueueId(0);
        stats.setBrokerOffset(10);
        stats.setConsumerOffset(10);
        stats.setTimestampOffset(4);
        stats.setRollbackOffset(4);
        when(runner.admin.resetOffsetByTimestampOld("cg", "T", 1_700_000_000_000L, false)).thenReturn(List.of(stats));

        assertEquals(0, runner.run("resetOffsetByTime", "-g", "cg", "-t", "T", "-s", "1700000000000", "-f", "false"));
        String pad = " ".repeat(19);
        assertEquals(List.of(
            "rollback consumer offset by specified consumerGroup[cg], topic[T], force[false],"
                + " timestamp(string)[1700000000000], timestamp(long)[1700000000000]",
            "#brokerName           #queueId              #brokerOffset         #consumerOffset       #timestampOffset "
                + "     #rollbackOffset     ",
            "broker-a              0" + pad + "  10" + pad.substring(1) + "  10" + pad.substring(1) + "  4" + pad
                + "  4" + pad,
            ""), runner.outLines());
    }

    @Test
    void resetOffsetByTimeRejectsABadTimestamp() {
        assertEquals(1, runner.run("resetOffsetByTime", "-g", "cg", "-t", "T", "-s", "yesterday"));
        assertEquals("mqadmin: invalid -s 'yesterday': expected now, milliseconds since 1970 or"
            + " yyyy-MM-dd#HH:mm:ss:SSS\n", runner.err());
    }

    @Test
    void queryMsgByKeyListsIdsQueuesAndOffsetsInTheAnswersOrder() throws Exception {
        List<MessageExt> found = new ArrayList<>(List.of(message("ID-2", 1, 3), message("ID-1", 0, 9)));
        when(runner.admin.queryMessage("T", "k1", 64, 0, Long.MAX_VALUE)).thenReturn(new QueryResult(0, found));
        assertEquals(0, runner.run("queryMsgByKey", "-t", "T", "-k", "k1"));
        assertEquals(List.of(
            "#Message ID                                        #QID                                  #Offset",
            "ID-2                                                  1                                        3",
            "ID-1                                                  0                                        9",
            ""), runner.outLines());
    }

    @Test
    void queryMsgTraceByIdPrintsPubThenOneTablePerConsumerGroup() throws Exception {
        String id = "7F0000010B2C18B4AAC2000000000001";
        char c = TraceConstants.CONTENT_SPLITOR;
        char f = TraceConstants.FIELD_SPLITOR;
        long t = 1700000000000L;
        String pub = String.join(String.valueOf(c), "Pub", String.valueOf(t), "DefaultRegion", "pg", "TopicTest", id,
            "TagA", "k1", "127.0.0.1:10911", "11", "3", "0", "OFF", "true") + f;
        String subBefore = String.join(String.valueOf(c), "SubBefore", String.valueOf(t + 5), "null", "cg", "R1", id,
            "0", "k1") + f;
        String subAfter = String.join(String.valueOf(c), "SubAfter", "R1", id, "2", "false", "k1", "4",
            String.valueOf(t + 7), "cg") + f;
        String otherMessage = String.join(String.valueOf(c), "SubAfter", "R2", "OTHER", "2", "true", "k1", "0",
            String.valueOf(t), "cg") + f;
        MessageExt producerTrace = traceMessage(pub, 5000);
        MessageExt consumerTrace = traceMessage(subBefore + subAfter + otherMessage, 6000);
        when(runner.admin.queryMessage(eq("RMQ_SYS_TRACE_TOPIC"), eq(id), eq(64), eq(0L), anyLong()))
            .thenReturn(new QueryResult(0, List.of(producerTrace, consumerTrace)));
        assertEquals(0, runner.run("queryMsgTraceById", "-i", id));
        String row = "%-10s %-20s %-20s %-20s %-10s %-10s";
        assertEquals(List.of(
            String.format(row, "#Type", "#ProducerGroup", "#ClientHost", "#SendTime", "#CostTimes", "#Status"),
            String.format(row, "Pub", "pg", "127.0.0.1", Formats.dateTime(t), "3ms", "success"),
            "",
            String.format(row, "#Type", "#ConsumerGroup", "#ClientHost", "#ConsumerTime", "#CostTimes", "#Status"),
            String.format(row, "Sub", "cg", "127.0.0.1", Formats.dateTime(t + 7), "2ms", "failed"),
            "",
            ""), runner.outLines());
    }

    @Test
    void queryMsgTraceByIdReadsTheTraceTopicGivenWithDashT() throws Exception {
        char c = TraceConstants.CONTENT_SPLITOR;
        String pub = String.join(String.valueOf(c), "Pub", "1700000000000", "DefaultRegion", "pg", "TopicTest", "ID1",
            "TagA", "k1", "127.0.0.1:10911", "11", "3", "0", "OFF", "false") + TraceConstants.FIELD_SPLITOR;
        when(runner.admin.queryMessage(eq("MyTraceTopic"), eq("ID1"), eq(64), eq(0L), anyLong()))
            .thenReturn(new QueryResult(0, List.of(traceMessage(pub, 5000))));
        assertEquals(0, runner.run("queryMsgTraceById", "-i", "ID1", "-t", "MyTraceTopic"));
        assertTrue(runner.outLines().get(1).startsWith("Pub        pg "), runner.out());
        assertTrue(runner.outLines().get(1).endsWith(" failed    "), runner.out());
    }

    private static MessageExt traceMessage(String data, int bornPort) {
        MessageExt msg = new MessageExt();
        msg.setTopic("RMQ_SYS_TRACE_TOPIC");
        msg.setBody(data.getBytes(StandardCharsets.UTF_8));
        msg.setBornHost(new InetSocketAddress("127.0.0.1", bornPort));
        return msg;
    }

    @Test
    void queryMsgByIdPrintsTheMessageDetails() throws Exception {
        MessageExt msg = message("0A00000100002A9F0000000000000000", 2, 5);
        msg.setTags("TagA");
        msg.setKeys("k1");
        msg.setCommitLogOffset(1234);
        msg.setBornTimestamp(1_700_000_000_000L);
        msg.setStoreTimestamp(1_700_000_000_001L);
        msg.setBornHost(new InetSocketAddress("127.0.0.1", 50000));
        msg.setStoreHost(new InetSocketAddress("127.0.0.1", 10911));
        msg.setBody("hello".getBytes(StandardCharsets.UTF_8));
        when(runner.admin.viewMessage("0A00000100002A9F0000000000000000")).thenReturn(msg);

        assertEquals(0, runner.run("queryMsgById", "-i", "0A00000100002A9F0000000000000000"));
        List<String> lines = runner.outLines();
        assertEquals("OffsetID:            0A00000100002A9F0000000000000000", lines.get(0));
        assertEquals("Topic:               T", lines.get(1));
        assertEquals("Tags:                [TagA]", lines.get(2));
        assertEquals("Keys:                [k1]", lines.get(3));
        assertEquals("Queue ID:            2", lines.get(4));
        assertEquals("Queue Offset:        5", lines.get(5));
        assertEquals("CommitLog Offset:    1234", lines.get(6));
        assertEquals("Reconsume Times:     0", lines.get(7));
        assertEquals("Born Timestamp:      " + Formats.humanTime(1_700_000_000_000L), lines.get(8));
        assertEquals("Store Timestamp:     " + Formats.humanTime(1_700_000_000_001L), lines.get(9));
        assertEquals("Born Host:           127.0.0.1:50000", lines.get(10));
        assertEquals("Store Host:          127.0.0.1:10911", lines.get(11));
        assertEquals("System Flag:         0", lines.get(12));
        assertEquals("Properties:          {KEYS=k1, TAGS=TagA}", lines.get(13));
        String bodyPath = lines.get(14).substring("Message Body Path:   ".length());
        assertEquals(bodyDir.resolve("0A00000100002A9F0000000000000000").toString(), bodyPath);
        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), java.nio.file.Files.readAllBytes(
            java.nio.file.Paths.get(bodyPath)));
        assertEquals("WARN: No Consumer", lines.get(lines.size() - 1), "4.9.7's line when no group consumes T");
        assertEquals(18, lines.size());
    }

    @Test
    void queryMsgByIdPrintsWhatEachGroupDidWithTheMessageAs497Does() throws Exception {
        MessageExt msg = message("0A00000100002A9F0000000000000000", 2, 5);
        when(runner.admin.viewMessage("0A00000100002A9F0000000000000000")).thenReturn(msg);
        org.cometmq.tools.admin.api.MessageTrack consumed = new org.cometmq.tools.admin.api.MessageTrack();
        consumed.setConsumerGroup("G1");
        consumed.setTrackType(org.cometmq.tools.admin.api.TrackType.CONSUMED);
        org.cometmq.tools.admin.api.MessageTrack offline = new org.cometmq.tools.admin.api.MessageTrack();
        offline.setConsumerGroup("G2");
        offline.setTrackType(org.cometmq.tools.admin.api.TrackType.NOT_ONLINE);
        offline.setExceptionDesc("CODE:206 DESC:the consumer group not online");
        when(runner.admin.messageTrackDetail(msg)).thenReturn(List.of(consumed, offline));

        assertEquals(0, runner.run("queryMsgById", "-i", "0A00000100002A9F0000000000000000"));
        List<String> lines = runner.outLines();
        assertEquals("", lines.get(lines.size() - 2));
        assertEquals("MessageTrack [consumerGroup=G1, trackType=CONSUMED, exceptionDesc=null]MessageTrack"
            + " [consumerGroup=G2, trackType=NOT_ONLINE, exceptionDesc=CODE:206 DESC:the consumer group not online]",
            lines.get(lines.size() - 1));
    }

    @Test
    void queryMsgByIdOfAMissingMessage() throws Exception {
        when(runner.admin.viewMessage("X")).thenThrow(new MQClientException(ResponseCode.NO_MESSAGE,
            "query message by id finished, but no message."));
        assertEquals(1, runner.run("queryMsgById", "-i", "X"));
        assertEquals("mqadmin: not found: query message by id finished, but no message.\n", runner.err());
    }

    @Test
    void queryMsgByOffsetPrintsThePulledMessage() throws Exception {
        MessageQueue mq = new MessageQueue("T", "broker-a", 1);
        MessageExt msg = message("ID", 1, 3);
        msg.setBody(new byte[0]);
        PullResult found = new PullResult(PullStatus.FOUND, 4, 0, 10, List.of(msg));
        when(runner.puller.pull(mq, "*", 3, 1)).thenReturn(found);
        assertEquals(0, runner.run("queryMsgByOffset", "-t", "T", "-b", "broker-a", "-i", "1", "-o", "3"));
        assertEquals("Queue Offset:        3", runner.outLines().get(5));

        CommandRunner past = new CommandRunner();
        when(past.puller.pull(mq, "*", 30, 1)).thenReturn(new PullResult(PullStatus.OFFSET_ILLEGAL, 10, 0, 10, null));
        assertEquals(1, past.run("queryMsgByOffset", "-t", "T", "-b", "broker-a", "-i", "1", "-o", "30"));
        assertEquals("mqadmin: no message at offset 30 of MessageQueue [topic=T, brokerName=broker-a, queueId=1]"
            + " (OFFSET_ILLEGAL, queue offsets 0..10)\n", past.err());
    }

    @Test
    void sendMessageToAChosenQueue() throws Exception {
        MessageQueue mq = new MessageQueue("T", "broker-a", 2);
        when(runner.producer.send(any(Message.class), eq(mq)))
            .thenReturn(new SendResult(SendStatus.SEND_OK, "UNIQ", "OFFSET", mq, 7));
        assertEquals(0, runner.run("sendMessage", "-t", "T", "-p", "hi", "-c", "TagA", "-k", "k1", "-b", "broker-a",
            "-i", "2"));
        ArgumentCaptor<Message> sent = ArgumentCaptor.forClass(Message.class);
        verify(runner.producer).send(sent.capture(), eq(mq));
        assertEquals("TagA", sent.getValue().getTags());
        assertEquals("k1", sent.getValue().getKeys());
        assertArrayEquals("hi".getBytes(StandardCharsets.UTF_8), sent.getValue().getBody());
        assertEquals(List.of(
            "#Broker Name                      #QID  #Send Result            #MsgId",
            "broker-a                          2     SEND_OK                 UNIQ",
            ""), runner.outLines());
    }

    @Test
    void sendMessageToAQueueNeedsTheBroker() {
        assertEquals(1, runner.run("sendMessage", "-t", "T", "-p", "hi", "-i", "2"));
        assertEquals("mqadmin: Broker name must be set if the queue is chosen! (add -b)\n", runner.err());
    }

    @Test
    void printMsgReadsEveryQueueInBatches() throws Exception {
        MessageQueue mq = new MessageQueue("T", "broker-a", 0);
        when(runner.puller.fetchSubscribeMessageQueues("T")).thenReturn(Set.of(mq));
        when(runner.admin.minOffset(mq)).thenReturn(0L);
        when(runner.admin.maxOffset(mq)).thenReturn(2L);
        MessageExt first = message("M1", 0, 0);
        first.setBody("a".getBytes(StandardCharsets.UTF_8));
        MessageExt second = message("M2", 0, 1);
        second.setBody("b".getBytes(StandardCharsets.UTF_8));
        when(runner.puller.pull(mq, "*", 0, 32)).thenReturn(new PullResult(PullStatus.FOUND, 2, 0, 2,
            List.of(first, second)));
        assertEquals(0, runner.run("printMsg", "-t", "T"));
        List<String> lines = runner.outLines();
        assertEquals("minOffset=0, maxOffset=2, MessageQueue [topic=T, brokerName=broker-a, queueId=0]", lines.get(0));
        assertEquals("MSGID: M1 " + first + " BODY: a", lines.get(1));
        assertEquals("MSGID: M2 " + second + " BODY: b", lines.get(2));
        assertEquals("--------------------------------------------------------", lines.get(3));
        assertEquals(5, lines.size());
    }

    @Test
    void consumeMessageOfOneQueueSaysWhenTheCountCutsItShort() throws Exception {
        MessageQueue mq = new MessageQueue("T", "broker-a", 0);
        when(runner.admin.maxOffset(mq)).thenReturn(100L);
        MessageExt msg = message("M5", 0, 5);
        msg.setBody("x".getBytes(StandardCharsets.UTF_8));
        when(runner.puller.pull(mq, "*", 5, 1)).thenReturn(new PullResult(PullStatus.FOUND, 6, 0, 100, List.of(msg)));
        assertEquals(0, runner.run("consumeMessage", "-t", "T", "-b", "broker-a", "-i", "0", "-o", "5", "-c", "1"));
        assertEquals(List.of("The oldler 1 message will be provided", "Consume ok", "MSGID: M5 " + msg + " BODY: x",
            ""), runner.outLines());

        CommandRunner past = new CommandRunner();
        when(past.admin.maxOffset(mq)).thenReturn(3L);
        assertEquals(0, past.run("consumeMessage", "-t", "T", "-b", "broker-a", "-i", "0", "-o", "7"));
        assertEquals(List.of(mq + " no matched msg, offset=7", ""), past.outLines());
    }

    @Test
    void consumeMessageOfATopicReadsItsQueuesInTurnAndCountsAs497Does() throws Exception {
        MessageQueue q0 = new MessageQueue("T", "broker-a", 0);
        MessageQueue q1 = new MessageQueue("T", "broker-a", 1);
        when(runner.puller.asGroup("G")).thenReturn(runner.puller);
        when(runner.puller.fetchSubscribeMessageQueues("T")).thenReturn(new LinkedHashSet<>(List.of(q0, q1)));
        when(runner.admin.maxOffset(q0)).thenReturn(3L);
        when(runner.admin.maxOffset(q1)).thenReturn(5L);
        MessageExt first = message("A0", 0, 0);
        first.setBody("a".getBytes(StandardCharsets.UTF_8));
        MessageExt second = message("A1", 0, 1);
        second.setBody("b".getBytes(StandardCharsets.UTF_8));
        MessageExt third = message("B0", 1, 0);
        third.setBody("c".getBytes(StandardCharsets.UTF_8));
        when(runner.puller.pull(q0, "*", 0, 4)).thenReturn(new PullResult(PullStatus.FOUND, 2, 0, 3,
            List.of(first, second)));
        when(runner.puller.pull(q0, "*", 2, 2)).thenReturn(new PullResult(PullStatus.NO_MATCHED_MSG, 3, 0, 3,
            List.of()));
        when(runner.puller.pull(q0, "*", 3, 1)).thenReturn(new PullResult(PullStatus.NO_NEW_MSG, 3, 0, 3, List.of()));
        when(runner.puller.pull(q1, "*", 0, 1)).thenReturn(new PullResult(PullStatus.FOUND, 1, 0, 5, List.of(third)));

        // -c 5: queue 0 (3 messages) uses 4 of the count, as in 4.9.7, leaving 1 for queue 1
        assertEquals(0, runner.run("consumeMessage", "-t", "T", "-g", "G", "-c", "5"));
        assertEquals(List.of("Consume ok", "MSGID: A0 " + first + " BODY: a", "MSGID: A1 " + second + " BODY: b",
            q0 + " no matched msg. status=NO_MATCHED_MSG, offset=3",
            q0 + " print msg finished. status=NO_NEW_MSG, offset=3",
            "The older 1 message of the 1 queue will be provided", "Consume ok", "MSGID: B0 " + third + " BODY: c",
            ""), runner.outLines());
        verify(runner.puller).asGroup("G");
    }

    @Test
    void consumeMessageValidatesItsOptions() {
        assertEquals(1, runner.run("consumeMessage", "-t", "T", "-i", "0"));
        assertEquals("mqadmin: Please set the brokerName before queueId! (add -b)\n", runner.err());
        CommandRunner count = new CommandRunner();
        assertEquals(1, count.run("consumeMessage", "-t", "T", "-c", "0"));
        assertEquals("mqadmin: Please input a positive messageNumber! (-c 0)\n", count.err());
        CommandRunner future = new CommandRunner();
        assertEquals(1, future.run("consumeMessage", "-t", "T", "-s", "4102444800000"));
        assertEquals("mqadmin: Please set the beginTimestamp before now!\n", future.err());
    }

    private static MessageExt message(String msgId, int queueId, long queueOffset) {
        MessageExt msg = new MessageExt();
        msg.setTopic("T");
        msg.setMsgId(msgId);
        msg.setQueueId(queueId);
        msg.setQueueOffset(queueOffset);
        msg.setBornHost(new InetSocketAddress("127.0.0.1", 1));
        msg.setStoreHost(new InetSocketAddress("127.0.0.1", 2));
        return msg;
    }
}
