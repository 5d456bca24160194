package org.cometmq.store.commitlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageExtBatch;
import org.cometmq.store.AppendMessageResult;
import org.cometmq.store.AppendMessageStatus;
import org.cometmq.store.DispatchRequest;
import org.cometmq.store.MessageExtBrokerInner;
import org.cometmq.store.StoreTestSupport;
import org.cometmq.store.schedule.DelayLevelTable;
import org.junit.jupiter.api.Test;

class RecordEncodingTest {

    private final QueueOffsetTable offsets = new QueueOffsetTable();
    private final MessageRecordEncoder encoder = new MessageRecordEncoder(offsets);
    private final CommitLogRecordParser parser = new CommitLogRecordParser(new DelayLevelTable("1s 2s"));

    private static int crc(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return (int) (crc.getValue() & 0x7FFFFFFF);
    }

    @Test
    void writesTheStoredLayoutFieldByField() {
        byte[] body = StoreTestSupport.body("hello world");
        MessageExtBrokerInner msg = StoreTestSupport.message("TopicA", 2, body, "TagX", "k1 k2");
        msg.setStoreTimestamp(1_700_000_000_123L);
        msg.setFlag(77);
        msg.setReconsumeTimes(3);
        assertNull(MessageRecordEncoder.prepare(msg, 4 * 1024 * 1024));
        ByteBuffer file = ByteBuffer.allocate(4096);
        AppendMessageResult result = encoder.doAppend(10_000, file, 100, 3996, msg);
        int props = msg.getPropertiesString().getBytes(StandardCharsets.UTF_8).length;
        int expectedLen = 91 + body.length + "TopicA".length() + props;
        assertEquals(AppendMessageStatus.PUT_OK, result.getStatus());
        assertEquals(expectedLen, result.getWroteBytes());
        assertEquals(10_100, result.getWroteOffset());
        assertEquals(0, result.getLogicsOffset());
        assertEquals(expectedLen, file.getInt(100));
        assertEquals(0xDAA320A7, file.getInt(104));
        assertEquals(crc(body), file.getInt(108));
        assertEquals(2, file.getInt(112));
        assertEquals(77, file.getInt(116));
        assertEquals(0, file.getLong(120));
        assertEquals(10_100, file.getLong(128));
        assertEquals(0, file.getInt(136));
        assertEquals(msg.getBornTimestamp(), file.getLong(140));
        assertEquals(0x7F000001, file.getInt(148));
        assertEquals(50123, file.getInt(152));
        assertEquals(1_700_000_000_123L, file.getLong(156));
        assertEquals(0x7F000001, file.getInt(164));
        assertEquals(10911, file.getInt(168));
        assertEquals(3, file.getInt(172));
        assertEquals(0, file.getLong(176));
        assertEquals(body.length, file.getInt(184));
        assertEquals(6, file.get(188 + body.length));
        assertEquals("7F00000100002A9F0000000000002774", result.getMsgId());

        MessageExt decoded = MessageDecoder.decode(file.slice(100, expectedLen), true, false);
        assertEquals("TopicA", decoded.getTopic());
        assertEquals("TagX", decoded.getTags());
        assertEquals("k1 k2", decoded.getKeys());
        assertArrayEquals(body, decoded.getBody());
    }

    @Test
    void queueOffsetsAreDenseAndHalfMessagesDoNotAdvance() {
        ByteBuffer file = ByteBuffer.allocate(8192);
        int pos = 0;
        long[] expected = {0, 1, 0, 2};
        int[] sysFlags = {0, 0, 0x4, 0x8};
        for (int i = 0; i < 4; i++) {
            MessageExtBrokerInner msg = StoreTestSupport.message("T", 0, new byte[] {(byte) i}, null, null);
            msg.setSysFlag(sysFlags[i]);
            MessageRecordEncoder.prepare(msg, 1024);
            AppendMessageResult r = encoder.doAppend(0, file, pos, 8192 - pos, msg);
            assertEquals(expected[i], r.getLogicsOffset(), "message " + i);
            pos += r.getWroteBytes();
        }
        assertEquals(3, offsets.current("T-0"));
    }

    @Test
    void writesBlankRecordWhenTheMessageDoesNotFit() {
        MessageExtBrokerInner msg = StoreTestSupport.message("T", 0, new byte[100], null, null);
        MessageRecordEncoder.prepare(msg, 1024);
        int msgLen = msg.getEncodedFields().msgLen;
        ByteBuffer file = ByteBuffer.allocate(1024);
        AppendMessageResult r = encoder.doAppend(0, file, 1024 - msgLen - 7, msgLen + 7, msg);
        assertEquals(AppendMessageStatus.END_OF_FILE, r.getStatus());
        assertEquals(msgLen + 7, r.getWroteBytes());
        assertEquals(msgLen + 7, file.getInt(1024 - msgLen - 7));
        assertEquals(0xCBD43194, file.getInt(1024 - msgLen - 3));
        file.position(1024 - msgLen - 7);
        DispatchRequest blank = parser.checkMessageAndReturnSize(file, true);
        assertTrue(blank.isSuccess());
        assertEquals(0, blank.getMsgSize());
        assertEquals(0, offsets.current("T-0"), "a blank does not use a queue offset");
    }

    @Test
    void rejectsOversizedBodyAndProperties() {
        MessageExtBrokerInner big = StoreTestSupport.message("T", 0, new byte[1025], null, null);
        assertEquals(AppendMessageStatus.MESSAGE_SIZE_EXCEEDED, MessageRecordEncoder.prepare(big, 1024));
        MessageExtBrokerInner props = StoreTestSupport.message("T", 0, new byte[1], null, null);
        props.setPropertiesString("A\u0001" + "x".repeat(40_000));
        assertEquals(AppendMessageStatus.PROPERTIES_SIZE_EXCEEDED, MessageRecordEncoder.prepare(props, 1024));
    }

    @Test
    void parserDetectsCorruptionAndReadsDispatchFacts() {
        MessageExtBrokerInner msg = StoreTestSupport.message("T", 1, StoreTestSupport.body("abc"), "tg", "key1");
        StoreTestSupport.putProperty(msg, MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, "UNIQ1");
        msg.setStoreTimestamp(42);
        MessageRecordEncoder.prepare(msg, 1024);
        ByteBuffer file = ByteBuffer.allocate(1024);
        AppendMessageResult r = encoder.doAppend(5000, file, 0, 1024, msg);
        DispatchRequest ok = parser.checkMessageAndReturnSize(file.duplicate(), true);
        assertTrue(ok.isSuccess());
        assertEquals(r.getWroteBytes(), ok.getMsgSize());
        assertEquals("T", ok.getTopic());
        assertEquals(1, ok.getQueueId());
        assertEquals(5000, ok.getCommitLogOffset());
        assertEquals("tg".hashCode(), ok.getTagsCode());
        assertEquals(42, ok.getStoreTimestamp());
        assertEquals("key1", ok.getKeys());
        assertEquals("UNIQ1", ok.getUniqKey());
        int bodyPos = MessageDecoder.bodySizePosition(0) + 4;
        file.put(bodyPos, (byte) 'X');
        DispatchRequest corrupt = parser.checkMessageAndReturnSize(file.duplicate(), true);
        assertEquals(false, corrupt.isSuccess());
        assertTrue(parser.checkMessageAndReturnSize(file.duplicate(), false).isSuccess(), "CRC check off");
        file.putInt(4, 0x12345678);
        assertEquals(false, parser.checkMessageAndReturnSize(file.duplicate(), false).isSuccess());
    }

    @Test
    void scheduleTopicTagsCodeIsDeliverTime() {
        MessageExtBrokerInner msg = StoreTestSupport.message("SCHEDULE_TOPIC_XXXX", 1, new byte[1], "tg", null);
        StoreTestSupport.putProperty(msg, MessageConst.PROPERTY_DELAY_TIME_LEVEL, "2");
        msg.setStoreTimestamp(10_000);
        MessageRecordEncoder.prepare(msg, 1024);
        ByteBuffer file = ByteBuffer.allocate(1024);
        encoder.doAppend(0, file, 0, 1024, msg);
        assertEquals(12_000, parser.checkMessageAndReturnSize(file, false).getTagsCode());
    }

    @Test
    void batchIsSplitIntoConsecutiveRecordsWithBatchProperties() {
        Message m1 = new Message("B", "t1", "ka", StoreTestSupport.body("one"));
        Message m2 = new Message("B", "t2", "kb", StoreTestSupport.body("two!"));
        MessageExtBatch batch = new MessageExtBatch();
        batch.setTopic("B");
        batch.setQueueId(0);
        batch.setBody(MessageDecoder.encodeMessages(List.of(m1, m2)));
        batch.setBornHost(StoreTestSupport.BORN_HOST);
        batch.setStoreHost(StoreTestSupport.STORE_HOST);
        batch.setStoreTimestamp(99);
        org.cometmq.common.message.MessageAccessor.putProperty(batch, "CLUSTER", "c1");
        offsets.advance("B-0", 5);
        PreparedBatch prepared = PreparedBatch.parse(batch);
        assertEquals(2, prepared.getCount());
        ByteBuffer file = ByteBuffer.allocate(4096);
        AppendMessageResult r = new BatchRecordEncoder(offsets).doAppend(0, file, 0, 4096, prepared);
        assertEquals(2, r.getMsgNum());
        assertEquals(5, r.getLogicsOffset());
        assertEquals(prepared.getTotalLength(), r.getWroteBytes());
        assertEquals(2, r.getMsgId().split(",").length);
        List<MessageExt> decoded = MessageDecoder.decodes(file.slice(0, r.getWroteBytes()), true, false);
        assertEquals(2, decoded.size());
        assertEquals("one", new String(decoded.get(0).getBody(), StandardCharsets.UTF_8));
        assertEquals("two!", new String(decoded.get(1).getBody(), StandardCharsets.UTF_8));
        assertEquals(5, decoded.get(0).getQueueOffset());
        assertEquals(6, decoded.get(1).getQueueOffset());
        assertEquals("kb", decoded.get(1).getKeys());
        assertEquals("c1", decoded.get(1).getProperty("CLUSTER"));
        assertEquals(decoded.get(0).getStoreSize(), decoded.get(1).getCommitLogOffset());
        assertEquals(7, offsets.current("B-0"));
    }
}
