package org.cometmq.broker.transaction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.cometmq.common.message.MessageAccessor;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.sysflag.MessageSysFlag;
import org.cometmq.store.MessageExtBrokerInner;
import org.junit.jupiter.api.Test;

/** The message conversions of a transaction, field by field. */
class HalfMessagesTest {
    private static final long BORN = 1_700_000_000_000L;

    private static MessageExtBrokerInner prepared() {
        Map<String, String> properties = new HashMap<>();
        properties.put(MessageConst.PROPERTY_TRANSACTION_PREPARED, "true");
        properties.put(MessageConst.PROPERTY_PRODUCER_GROUP, "pg");
        properties.put(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, "UNIQ-1");
        properties.put(MessageConst.PROPERTY_TAGS, "TagA");
        properties.put(MessageConst.PROPERTY_WAIT_STORE_MSG_OK, "true");
        properties.put("color", "red");
        MessageExtBrokerInner msg = TempStore.message("TopicA", 3, "hello", BORN, properties);
        msg.setFlag(7);
        msg.setReconsumeTimes(0);
        msg.setSysFlag(MessageSysFlag.TRANSACTION_PREPARED_TYPE | MessageSysFlag.MULTI_TAGS_FLAG);
        return msg;
    }

    /** The half message as the store would give it back: decoded from its stored layout at the given offsets. */
    private static MessageExt stored(MessageExtBrokerInner msg, long queueOffset, long commitLogOffset) {
        msg.setQueueOffset(queueOffset);
        msg.setCommitLogOffset(commitLogOffset);
        msg.setStoreTimestamp(BORN + 5);
        MessageAccessor.setProperties(msg, MessageDecoder.string2messageProperties(msg.getPropertiesString()));
        return MessageDecoder.decode(ByteBuffer.wrap(MessageDecoder.encode(msg, false)), true, false);
    }

    @Test
    void halfMessageParksInQueueZeroOfTheHalfTopicWithTheRealDestination() {
        MessageExtBrokerInner half = HalfMessages.toHalf(prepared());
        assertEquals("RMQ_SYS_TRANS_HALF_TOPIC", half.getTopic());
        assertEquals(0, half.getQueueId());
        assertEquals(MessageSysFlag.MULTI_TAGS_FLAG, half.getSysFlag());
        assertEquals("TagA".hashCode(), half.getTagsCode());
        assertEquals(7, half.getFlag());
        assertEquals(BORN, half.getBornTimestamp());
        Map<String, String> stored = MessageDecoder.string2messageProperties(half.getPropertiesString());
        assertEquals(Map.of("TRAN_MSG", "true", "PGROUP", "pg", "UNIQ_KEY", "UNIQ-1", "TAGS", "TagA", "color", "red",
            "REAL_TOPIC", "TopicA", "REAL_QID", "3"), stored);
        assertEquals("true", half.getProperty(MessageConst.PROPERTY_WAIT_STORE_MSG_OK));
    }

    @Test
    void committedMessageRestoresTopicAndQueueAndPointsAtTheHalfMessage() {
        MessageExt half = stored(HalfMessages.toHalf(prepared()), 4, 8_192);
        MessageExtBrokerInner real = HalfMessages.toCommitted(half);
        assertEquals("TopicA", real.getTopic());
        assertEquals(3, real.getQueueId());
        assertEquals(MessageSysFlag.TRANSACTION_COMMIT_TYPE | MessageSysFlag.MULTI_TAGS_FLAG, real.getSysFlag());
        assertEquals(8_192, real.getPreparedTransactionOffset());
        assertEquals("UNIQ-1", real.getTransactionId());
        assertEquals("TagA".hashCode(), real.getTagsCode());
        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), real.getBody());
        assertEquals(Map.of("PGROUP", "pg", "UNIQ_KEY", "UNIQ-1", "TAGS", "TagA", "color", "red"),
            MessageDecoder.string2messageProperties(real.getPropertiesString()));
    }

    @Test
    void opRecordNamesTheHalfQueueOffsetWithTagD() {
        MessageExt half = stored(HalfMessages.toHalf(prepared()), 41, 100);
        MessageExtBrokerInner op = HalfMessages.toOp(half, TempStore.STORE_HOST, 123L);
        assertEquals("RMQ_SYS_TRANS_OP_HALF_TOPIC", op.getTopic());
        assertEquals(0, op.getQueueId());
        assertEquals("41", new String(op.getBody(), StandardCharsets.UTF_8));
        assertEquals("d", op.getTags());
        assertEquals("d".hashCode(), op.getTagsCode());
        assertEquals("TAGS\u0001d", op.getPropertiesString());
        assertEquals(123L, op.getBornTimestamp());
    }

    @Test
    void putBackCopyCountsTheCheckAndDiscardedCopyMovesTopic() {
        MessageExt half = stored(HalfMessages.toHalf(prepared()), 0, 0);
        assertEquals(0, HalfMessages.checkTimes(half));
        MessageExtBrokerInner copy = HalfMessages.toPutBack(half, 1);
        assertEquals("RMQ_SYS_TRANS_HALF_TOPIC", copy.getTopic());
        assertEquals(BORN, copy.getBornTimestamp());
        assertEquals(1, HalfMessages.checkTimes(copy));
        assertEquals("1", MessageDecoder.string2messageProperties(copy.getPropertiesString())
            .get("TRANSACTION_CHECK_TIMES"));
        MessageExtBrokerInner discarded = HalfMessages.toDiscarded(copy);
        assertEquals("TRANS_CHECK_MAX_TIME_TOPIC", discarded.getTopic());
        assertEquals(0, discarded.getQueueId());
        assertEquals("TopicA", discarded.getProperty(MessageConst.PROPERTY_REAL_TOPIC));
        assertEquals(1, HalfMessages.checkTimes(discarded));
    }

    @Test
    void checkBodyCarriesTheRealTopicAndTheHalfMessagePosition() {
        MessageExt half = stored(HalfMessages.toHalf(prepared()), 9, 4_096);
        MessageExt decoded = MessageDecoder.decode(ByteBuffer.wrap(MessageDecoder.encode(
            HalfMessages.toCheckBody(half), false)));
        assertEquals("TopicA", decoded.getTopic());
        assertEquals(3, decoded.getQueueId());
        assertEquals(9, decoded.getQueueOffset());
        assertEquals(4_096, decoded.getCommitLogOffset());
        assertEquals("UNIQ-1", decoded.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX));
        assertEquals("pg", decoded.getProperty(MessageConst.PROPERTY_PRODUCER_GROUP));
        assertEquals("hello", new String(decoded.getBody(), StandardCharsets.UTF_8));
        assertNull(decoded.getProperty(MessageConst.PROPERTY_WAIT_STORE_MSG_OK));
    }
}
