package org.cometmq.common.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageModelTest {

    @Test
    void messageProperties() {
        Message msg = new Message("T", "TagA", "k1", new byte[] {1});
        assertEquals("TagA", msg.getTags());
        assertEquals("k1", msg.getKeys());
        assertTrue(msg.isWaitStoreMsgOK());
        assertEquals("true", msg.getProperty(MessageConst.PROPERTY_WAIT_STORE_MSG_OK));
        msg.setWaitStoreMsgOK(false);
        assertFalse(msg.isWaitStoreMsgOK());
        assertEquals(0, msg.getDelayTimeLevel());
        msg.setDelayTimeLevel(3);
        assertEquals(3, msg.getDelayTimeLevel());
        assertEquals("3", msg.getProperty("DELAY"));
        msg.setKeys(Arrays.asList("a", "b", "c"));
        assertEquals("a b c", msg.getKeys());

        Message plain = new Message("T", new byte[0]);
        assertEquals(null, plain.getTags());
        assertEquals(1, plain.getProperties().size());
    }

    @Test
    void putUserPropertyRefusesReservedAndBlank() {
        Message msg = new Message("T", new byte[0]);
        IllegalArgumentException reserved = assertThrows(IllegalArgumentException.class,
            () -> msg.putUserProperty("UNIQ_KEY", "x"));
        assertEquals("The Property<UNIQ_KEY> is used by system, input another please", reserved.getMessage());
        assertThrows(IllegalArgumentException.class, () -> msg.putUserProperty("TAGS", "x"));
        assertThrows(IllegalArgumentException.class, () -> msg.putUserProperty("a", " "));
        assertThrows(IllegalArgumentException.class, () -> msg.putUserProperty("", "v"));
        msg.putUserProperty(MessageConst.PROPERTY_CHECK_IMMUNITY_TIME_IN_SECONDS, "10");
        assertEquals("10", msg.getUserProperty(MessageConst.PROPERTY_CHECK_IMMUNITY_TIME_IN_SECONDS));
    }

    @Test
    void messageQueueOrderEqualityAndToString() {
        MessageQueue a = new MessageQueue("T", "broker-a", 1);
        assertEquals("MessageQueue [topic=T, brokerName=broker-a, queueId=1]", a.toString());
        assertEquals(a, new MessageQueue(a));
        assertEquals(a.hashCode(), new MessageQueue("T", "broker-a", 1).hashCode());
        assertNotEquals(a, new MessageQueue("T", "broker-a", 2));

        List<MessageQueue> list = new ArrayList<>(Arrays.asList(
            new MessageQueue("T", "broker-b", 0), new MessageQueue("S", "broker-z", 9),
            new MessageQueue("T", "broker-a", 10), new MessageQueue("T", "broker-a", 2)));
        Collections.sort(list);
        assertEquals("[MessageQueue [topic=S, brokerName=broker-z, queueId=9], "
            + "MessageQueue [topic=T, brokerName=broker-a, queueId=2], "
            + "MessageQueue [topic=T, brokerName=broker-a, queueId=10], "
            + "MessageQueue [topic=T, brokerName=broker-b, queueId=0]]", list.toString());
    }

    @Test
    void hostBytes() throws Exception {
        MessageExt ext = new MessageExt();
        ext.setBornHost(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 258));
        ext.setStoreHost(new InetSocketAddress(InetAddress.getByName("::1"), 10911));
        ByteBuffer born = ext.getBornHostBytes();
        assertEquals(8, born.remaining());
        assertEquals(0x7F000001, born.getInt(0));
        assertEquals(258, born.getInt(4));
        ByteBuffer store = ext.getStoreHostBytes(ByteBuffer.allocate(20));
        assertEquals(20, store.remaining());
        assertEquals(1, store.get(15));
        assertEquals(10911, store.getInt(16));
        assertEquals("127.0.0.1", ext.getBornHostString());
    }

    @Test
    void cloneMessageCopiesProperties() {
        Message msg = new Message("T", "tag", new byte[] {1});
        msg.setFlag(4);
        Message copy = MessageAccessor.cloneMessage(msg);
        MessageAccessor.putProperty(copy, "X", "y");
        assertEquals(null, msg.getProperty("X"));
        assertEquals("tag", copy.getTags());
        assertEquals(4, copy.getFlag());
    }
}
