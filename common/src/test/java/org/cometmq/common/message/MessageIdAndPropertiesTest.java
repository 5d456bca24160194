package org.cometmq.common.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageIdAndPropertiesTest {

    @Test
    void offsetMessageIdSpecExample() throws Exception {
        String id = "0A00000100002A9F0000000000000C8A";
        MessageId decoded = MessageDecoder.decodeMessageId(id);
        assertEquals(new InetSocketAddress(InetAddress.getByName("10.0.0.1"), 10911), decoded.getAddress());
        assertEquals(0xC8AL, decoded.getOffset());
        assertEquals(id, MessageDecoder.createMessageId(decoded.getAddress(), decoded.getOffset()));
        assertEquals(0xC8AL, MessageDecoder.decodeMessageId(id.toLowerCase()).getOffset());

        ByteBuffer scratch = ByteBuffer.allocate(28);
        ByteBuffer host = ByteBuffer.wrap(new byte[] {10, 0, 0, 1, 0, 0, 0x2A, (byte) 0x9F});
        assertEquals(id, MessageDecoder.createMessageId(scratch, host, 0xC8AL));
    }

    @Test
    void offsetMessageIdIpv6() throws Exception {
        InetSocketAddress addr = new InetSocketAddress(InetAddress.getByName("2001:db8::1"), 10911);
        String id = MessageDecoder.createMessageId(addr, Long.MAX_VALUE);
        assertEquals("20010DB800000000000000000000000100002A9F7FFFFFFFFFFFFFFF", id);
        MessageId decoded = MessageDecoder.decodeMessageId(id);
        assertEquals(addr, decoded.getAddress());
        assertEquals(Long.MAX_VALUE, decoded.getOffset());
    }

    @Test
    void badOffsetMessageIdsAreRejected() {
        assertThrows(MessageFormatException.class, () -> MessageDecoder.decodeMessageId("0A000001"));
        assertThrows(MessageFormatException.class, () -> MessageDecoder.decodeMessageId(null));
        assertThrows(MessageFormatException.class,
            () -> MessageDecoder.decodeMessageId("ZZ00000100002A9F0000000000000C8A"));
        assertThrows(MessageFormatException.class,
            () -> MessageDecoder.decodeMessageId("0A000001FFFF2A9F0000000000000C8A"));
    }

    @Test
    void propertiesToStringHasNoTrailingSeparatorAndSkipsNulls() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("KEYS", "a b");
        props.put("NULLED", null);
        props.put("TAGS", "t");
        assertEquals("KEYS\u0001a b\u0002TAGS\u0001t", MessageDecoder.messageProperties2String(props));
        assertEquals("", MessageDecoder.messageProperties2String(new LinkedHashMap<>()));
        assertEquals("", MessageDecoder.messageProperties2String(null));
    }

    @Test
    void propertiesParserEdgeCases() {
        Map<String, String> m = MessageDecoder.string2messageProperties(
            "A\u0001b\u0002" // ok
                + "\u0001x\u0002" // separator first: ignored
                + "k\u0001\u0002" // separator last: ignored
                + "ab\u0002" // short and no separator: ignored
                + "noSeparatorHere\u0002" // no separator: ignored
                + "\u0002" // empty entry
                + "K\u0001v\u0001w\u0002" // value keeps later \u0001
                + "Z\u0001last");
        assertEquals(3, m.size(), m.toString());
        assertEquals("b", m.get("A"));
        assertEquals("v\u0001w", m.get("K"));
        assertEquals("last", m.get("Z"));
        assertTrue(MessageDecoder.string2messageProperties("").isEmpty());
        assertTrue(MessageDecoder.string2messageProperties(null).isEmpty());
        assertEquals(Map.of("A", "b"), MessageDecoder.string2messageProperties("A\u0001b\u0002"));
        assertEquals(Map.of("A", "b"), MessageDecoder.string2messageProperties("\u0002\u0002A\u0001b"));
    }

    @Test
    void propertiesRoundTripWithUnicode() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("名字", "值 ✓");
        props.put("UNIQ_KEY", "ABC");
        assertEquals(props, MessageDecoder.string2messageProperties(MessageDecoder.messageProperties2String(props)));
    }
}
