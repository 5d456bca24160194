package org.cometmq.common.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import org.cometmq.common.UtilAll;
import org.cometmq.common.sysflag.MessageSysFlag;
import org.junit.jupiter.api.Test;

class MessageDecoderTest {

    static MessageExt sample(String topic, byte[] body) throws Exception {
        MessageExt msg = new MessageExt();
        msg.setTopic(topic);
        msg.setBody(body);
        msg.setTags("TagA");
        msg.setKeys(Arrays.asList("k1", "k2"));
        msg.putUserProperty("color", "blue");
        MessageAccessor.putProperty(msg, MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX,
            "7F0000010A1B2C3D4E5F00010002");
        msg.setQueueId(3);
        msg.setFlag(0x55);
        msg.setQueueOffset(1234567L);
        msg.setCommitLogOffset(0xC8AL);
        msg.setBornTimestamp(1700000000123L);
        msg.setStoreTimestamp(1700000000456L);
        msg.setBornHost(new InetSocketAddress(InetAddress.getByName("192.168.1.7"), 50123));
        msg.setStoreHost(new InetSocketAddress(InetAddress.getByName("10.0.0.1"), 10911));
        msg.setReconsumeTimes(2);
        msg.setPreparedTransactionOffset(77L);
        return msg;
    }

    private static void assertSameMessage(MessageExt expected, MessageExt actual, byte[] expectedBody) {
        assertEquals(expected.getTopic(), actual.getTopic());
        assertArrayEquals(expectedBody, actual.getBody());
        assertEquals(expected.getProperties(), actual.getProperties());
        assertEquals(expected.getTags(), actual.getTags());
        assertEquals(expected.getKeys(), actual.getKeys());
        assertEquals(expected.getQueueId(), actual.getQueueId());
        assertEquals(expected.getFlag(), actual.getFlag());
        assertEquals(expected.getQueueOffset(), actual.getQueueOffset());
        assertEquals(expected.getCommitLogOffset(), actual.getCommitLogOffset());
        assertEquals(expected.getSysFlag(), actual.getSysFlag());
        assertEquals(expected.getBornTimestamp(), actual.getBornTimestamp());
        assertEquals(expected.getStoreTimestamp(), actual.getStoreTimestamp());
        assertEquals(expected.getBornHost(), actual.getBornHost());
        assertEquals(expected.getStoreHost(), actual.getStoreHost());
        assertEquals(expected.getReconsumeTimes(), actual.getReconsumeTimes());
        assertEquals(expected.getPreparedTransactionOffset(), actual.getPreparedTransactionOffset());
    }

    @Test
    void roundTripIpv4WithPropertiesKeysAndTags() throws Exception {
        MessageExt msg = sample("TopicTest", "hello world".getBytes(StandardCharsets.UTF_8));
        byte[] record = MessageDecoder.encode(msg, false);
        ByteBuffer bb = ByteBuffer.wrap(record);
        MessageExt decoded = MessageDecoder.decode(bb, true, true, false);

        assertSameMessage(msg, decoded, msg.getBody());
        assertEquals("TagA", decoded.getTags());
        assertEquals("k1 k2", decoded.getKeys());
        assertEquals("blue", decoded.getUserProperty("color"));
        assertEquals(record.length, decoded.getStoreSize());
        assertEquals(UtilAll.crc32(msg.getBody()), decoded.getBodyCRC());
        assertEquals("0A00000100002A9F0000000000000C8A", decoded.getMsgId());
        assertEquals(record.length, bb.position());
        assertFalse(decoded instanceof MessageClientExt);
    }

    @Test
    void clientDecodeUsesUniqKeyAsMsgIdAndKeepsOffsetId() throws Exception {
        MessageExt msg = sample("TopicTest", new byte[] {1, 2, 3});
        MessageExt decoded = MessageDecoder.clientDecode(ByteBuffer.wrap(MessageDecoder.encode(msg)), true);
        MessageClientExt client = assertInstanceOf(MessageClientExt.class, decoded);
        assertEquals("7F0000010A1B2C3D4E5F00010002", client.getMsgId());
        assertEquals("0A00000100002A9F0000000000000C8A", client.getOffsetMsgId());

        MessageAccessor.clearProperty(client, MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
        assertEquals("0A00000100002A9F0000000000000C8A", client.getMsgId());
    }

    @Test
    void roundTripIpv6BornAndStoreHosts() throws Exception {
        MessageExt msg = sample("TopicV6", "six".getBytes(StandardCharsets.UTF_8));
        msg.setBornHost(new InetSocketAddress(InetAddress.getByName("fe80::1:2:3:4"), 40000));
        msg.setStoreHost(new InetSocketAddress(InetAddress.getByName("2001:db8::10"), 10911));
        msg.setBornHostV6Flag();
        msg.setStoreHostAddressV6Flag();
        byte[] record = MessageDecoder.encode(msg, false);
        assertEquals(91 + 12 + 12 + 3 + 7 + propsLen(msg), record.length);

        MessageExt decoded = MessageDecoder.decode(ByteBuffer.wrap(record));
        assertSameMessage(msg, decoded, msg.getBody());
        assertEquals(MessageSysFlag.BORNHOST_V6_FLAG | MessageSysFlag.STOREHOSTADDRESS_V6_FLAG, decoded.getSysFlag());
        assertEquals("20010DB80000000000000000000000100000" + "2A9F" + "0000000000000C8A", decoded.getMsgId());
        assertEquals(56, decoded.getMsgId().length());
    }

    @Test
    void mixedIpv6BornIpv4Store() throws Exception {
        MessageExt msg = sample("TopicMix", new byte[0]);
        msg.setBornHost(new InetSocketAddress(InetAddress.getByName("::1"), 1));
        msg.setBornHostV6Flag();
        byte[] record = MessageDecoder.encode(msg);
        assertEquals(91 + 12 + 0 + 8 + propsLen(msg), record.length);
        ByteBuffer bb = ByteBuffer.wrap(record);
        assertEquals(1700000000456L, bb.getLong(MessageDecoder.storeTimestampPosition(msg.getSysFlag())));
        MessageExt decoded = MessageDecoder.decode(bb);
        assertSameMessage(msg, decoded, new byte[0]);
    }

    @Test
    void fourMebibyteBodyRoundTrip() throws Exception {
        byte[] body = new byte[4 * 1024 * 1024];
        new Random(42).nextBytes(body);
        MessageExt msg = sample("BigTopic", body);
        byte[] record = MessageDecoder.encode(msg);
        assertEquals(91 + body.length + 8 + propsLen(msg), record.length);
        MessageExt decoded = MessageDecoder.decode(ByteBuffer.wrap(record), true, true, false, false, true);
        assertSameMessage(msg, decoded, body);
    }

    @Test
    void compressedBodyIsStoredDeflatedAndInflatedOnDecode() throws Exception {
        byte[] body = new byte[8192];
        Arrays.fill(body, (byte) 'a');
        MessageExt msg = sample("Zip", body);
        msg.setSysFlag(MessageSysFlag.COMPRESSED_FLAG | MessageSysFlag.COMPRESSION_ZLIB_TYPE);
        byte[] record = MessageDecoder.encode(msg, true);
        ByteBuffer bb = ByteBuffer.wrap(record);
        int storedBodyLen = bb.getInt(MessageDecoder.BODY_SIZE_POSITION);
        assertTrue(storedBodyLen < 200, "stored body should be deflated, was " + storedBodyLen);
        byte[] stored = Arrays.copyOfRange(record, MessageDecoder.BODY_SIZE_POSITION + 4,
            MessageDecoder.BODY_SIZE_POSITION + 4 + storedBodyLen);
        assertEquals(UtilAll.crc32(stored), bb.getInt(MessageDecoder.BODY_CRC_POSITION));

        MessageExt inflated = MessageDecoder.decode(ByteBuffer.wrap(record), true, true);
        assertArrayEquals(body, inflated.getBody());
        assertEquals(0x301, inflated.getSysFlag());

        MessageExt raw = MessageDecoder.decode(ByteBuffer.wrap(record), true, false);
        assertArrayEquals(stored, raw.getBody());

        MessageExt noBody = MessageDecoder.decode(ByteBuffer.wrap(record), false);
        assertNull(noBody.getBody());
        assertEquals("Zip", noBody.getTopic());
    }

    @Test
    void compressedFlagWithoutTypeBitsMeansZlib() throws Exception {
        byte[] body = "older client compressed body".getBytes(StandardCharsets.UTF_8);
        MessageExt msg = sample("Zip", UtilAll.compress(body, 5));
        msg.setSysFlag(MessageSysFlag.COMPRESSED_FLAG);
        MessageExt decoded = MessageDecoder.decode(ByteBuffer.wrap(MessageDecoder.encode(msg)));
        assertArrayEquals(body, decoded.getBody());
    }

    @Test
    void unsupportedCompressionTypeIsAClearError() throws Exception {
        MessageExt msg = sample("Lz4", new byte[] {1, 2, 3});
        msg.setSysFlag(MessageSysFlag.COMPRESSED_FLAG | MessageSysFlag.COMPRESSION_LZ4_TYPE);
        byte[] record = MessageDecoder.encode(msg);
        MessageFormatException e = assertThrows(MessageFormatException.class,
            () -> MessageDecoder.decode(ByteBuffer.wrap(record)));
        assertTrue(e.getMessage().contains("compression type 0x100"), e.getMessage());
        assertArrayEquals(new byte[] {1, 2, 3}, MessageDecoder.decode(ByteBuffer.wrap(record), true, false).getBody());
    }

    private static int propsLen(Message msg) {
        return MessageDecoder.messageProperties2String(msg.getProperties()).getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void byteLayoutMatchesHandComputedRecord() throws Exception {
        MessageExt msg = new MessageExt();
        msg.setTopic("T1");
        msg.setBody(new byte[] {9, 8, 7});
        MessageAccessor.putProperty(msg, "A", "b");
        msg.setQueueId(1);
        msg.setFlag(2);
        msg.setQueueOffset(3);
        msg.setCommitLogOffset(4);
        msg.setSysFlag(0);
        msg.setBornTimestamp(5);
        msg.setBornHost(new InetSocketAddress(InetAddress.getByName("1.2.3.4"), 6));
        msg.setStoreTimestamp(7);
        msg.setStoreHost(new InetSocketAddress(InetAddress.getByName("5.6.7.8"), 9));
        msg.setReconsumeTimes(10);
        msg.setPreparedTransactionOffset(11);

        CRC32 crc = new CRC32();
        crc.update(new byte[] {9, 8, 7});
        int bodyCrc = (int) (crc.getValue() & 0x7FFFFFFF);
        int size = 91 + 3 + 2 + 3;
        ByteBuffer expected = ByteBuffer.allocate(size);
        expected.putInt(size).putInt(0xDAA320A7).putInt(bodyCrc).putInt(1).putInt(2).putLong(3).putLong(4).putInt(0)
            .putLong(5).put(new byte[] {1, 2, 3, 4}).putInt(6).putLong(7).put(new byte[] {5, 6, 7, 8}).putInt(9)
            .putInt(10).putLong(11).putInt(3).put(new byte[] {9, 8, 7}).put((byte) 2).put(new byte[] {'T', '1'})
            .putShort((short) 3).put(new byte[] {'A', 1, 'b'});

        byte[] record = MessageDecoder.encode(msg);
        assertArrayEquals(expected.array(), record);
        assertEquals(size, MessageDecoder.calMsgLength(0, 3, 2, 3));
        assertEquals(84, MessageDecoder.bodySizePosition(0));
        assertEquals(56, MessageDecoder.storeTimestampPosition(0));
        assertEquals(4L, ByteBuffer.wrap(record).getLong(MessageDecoder.PHY_POS_POSITION));
        assertEquals(3L, ByteBuffer.wrap(record).getLong(MessageDecoder.QUEUE_OFFSET_POSITION));
    }

    @Test
    void everyTruncationOfASmallRecordIsAClearError() throws Exception {
        MessageExt msg = sample("Cut", new byte[] {1, 2, 3, 4, 5});
        byte[] record = MessageDecoder.encode(msg);
        for (int cut = 0; cut < record.length; cut++) {
            ByteBuffer bb = ByteBuffer.wrap(Arrays.copyOf(record, cut));
            assertThrows(MessageFormatException.class, () -> MessageDecoder.decode(bb), "cut at " + cut);
            assertEquals(0, bb.position(), "position must not move on failure, cut at " + cut);
        }
        int cut = record.length - 1;
        ByteBuffer buffer = ByteBuffer.wrap(record, 0, cut).slice();
        MessageFormatException e = assertThrows(MessageFormatException.class, () -> MessageDecoder.decodes(buffer));
        assertTrue(e.getMessage().contains("Truncated"), e.getMessage());
    }

    @Test
    void corruptFieldsAreRejected() throws Exception {
        byte[] record = MessageDecoder.encode(sample("Bad", new byte[] {1, 2, 3}));

        byte[] flipped = record.clone();
        flipped[4] ^= 0x01;
        MessageFormatException magic = assertThrows(MessageFormatException.class,
            () -> MessageDecoder.decode(ByteBuffer.wrap(flipped)));
        assertTrue(magic.getMessage().contains("magic code"), magic.getMessage());

        byte[] blank = record.clone();
        ByteBuffer.wrap(blank).putInt(4, MessageDecoder.BLANK_MAGIC_CODE);
        MessageFormatException b = assertThrows(MessageFormatException.class,
            () -> MessageDecoder.decode(ByteBuffer.wrap(blank)));
        assertTrue(b.getMessage().contains("blank"), b.getMessage());

        byte[] negBody = record.clone();
        ByteBuffer.wrap(negBody).putInt(MessageDecoder.BODY_SIZE_POSITION, -1);
        assertThrows(MessageFormatException.class, () -> MessageDecoder.decode(ByteBuffer.wrap(negBody)));

        byte[] bigBody = record.clone();
        ByteBuffer.wrap(bigBody).putInt(MessageDecoder.BODY_SIZE_POSITION, 4);
        assertThrows(MessageFormatException.class, () -> MessageDecoder.decode(ByteBuffer.wrap(bigBody)));

        byte[] negTopic = record.clone();
        negTopic[MessageDecoder.BODY_SIZE_POSITION + 4 + 3] = (byte) 0x80;
        assertThrows(MessageFormatException.class, () -> MessageDecoder.decode(ByteBuffer.wrap(negTopic)));

        byte[] smallTotal = record.clone();
        ByteBuffer.wrap(smallTotal).putInt(0, 50);
        assertThrows(MessageFormatException.class, () -> MessageDecoder.decode(ByteBuffer.wrap(smallTotal)));

        byte[] badCrc = record.clone();
        badCrc[MessageDecoder.BODY_SIZE_POSITION + 4] ^= 0x7F;
        assertThrows(MessageFormatException.class,
            () -> MessageDecoder.decode(ByteBuffer.wrap(badCrc), true, true, false, false, true));
        assertEquals("Bad", MessageDecoder.decode(ByteBuffer.wrap(badCrc)).getTopic());
    }

    @Test
    void decodeReadsOnlyInsideTotalSizeEvenWhenMoreBytesFollow() throws Exception {
        byte[] record = MessageDecoder.encode(sample("One", new byte[] {7}));
        byte[] withTrailer = Arrays.copyOf(record, record.length + 10);
        Arrays.fill(withTrailer, record.length, withTrailer.length, (byte) 0x5A);
        ByteBuffer bb = ByteBuffer.wrap(withTrailer);
        MessageExt decoded = MessageDecoder.decode(bb);
        assertEquals("One", decoded.getTopic());
        assertEquals(record.length, bb.position());
    }

    @Test
    void decodesConcatenatedRecordsAndStopsAtTheEnd() throws Exception {
        ByteBuffer all = ByteBuffer.allocate(1 << 16);
        for (int i = 0; i < 5; i++) {
            MessageExt msg = sample("Multi" + i, ("body-" + i).getBytes(StandardCharsets.UTF_8));
            msg.setQueueOffset(i);
            msg.setCommitLogOffset(1000L * i);
            all.put(MessageDecoder.encode(msg));
        }
        all.flip();
        List<MessageExt> list = MessageDecoder.decodes(all);
        assertEquals(5, list.size());
        for (int i = 0; i < 5; i++) {
            assertEquals("Multi" + i, list.get(i).getTopic());
            assertEquals("body-" + i, new String(list.get(i).getBody(), StandardCharsets.UTF_8));
            assertEquals(i, list.get(i).getQueueOffset());
            assertInstanceOf(MessageClientExt.class, list.get(i));
        }
        assertFalse(all.hasRemaining());
        assertEquals(0, MessageDecoder.decodes(ByteBuffer.allocate(0)).size());
    }

    @Test
    void decodeWorksOnDirectAndOffsetBuffers() throws Exception {
        byte[] record = MessageDecoder.encode(sample("Direct", new byte[] {4, 5}));
        ByteBuffer direct = ByteBuffer.allocateDirect(record.length + 3);
        direct.put(new byte[] {0, 0, 0}).put(record).flip();
        direct.position(3);
        MessageExt decoded = MessageDecoder.decode(direct);
        assertEquals("Direct", decoded.getTopic());
        assertArrayEquals(new byte[] {4, 5}, decoded.getBody());
        assertEquals(record.length + 3, direct.position());

        ByteBuffer sliced = ByteBuffer.wrap(Arrays.copyOf(new byte[7], 7 + record.length));
        sliced.position(7);
        sliced.put(record);
        sliced.position(7);
        ByteBuffer slice = sliced.slice();
        assertEquals("Direct", MessageDecoder.decode(slice).getTopic());
        Map<String, String> props = MessageDecoder.decodeProperties(ByteBuffer.wrap(record));
        assertEquals("TagA", props.get(MessageConst.PROPERTY_TAGS));
    }

    @Test
    void encodeRejectsOversizedTopicAndProperties() throws Exception {
        MessageExt msg = sample("x".repeat(128), new byte[1]);
        assertThrows(MessageFormatException.class, () -> MessageDecoder.encode(msg));
        MessageExt big = sample("ok", new byte[1]);
        big.putUserProperty("big", "v".repeat(40000));
        assertThrows(MessageFormatException.class, () -> MessageDecoder.encode(big));
        MessageExt mismatch = sample("ok", new byte[1]);
        mismatch.setBornHostV6Flag();
        assertThrows(MessageFormatException.class, () -> MessageDecoder.encode(mismatch));
    }
}
