package org.cometmq.broker.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.sysflag.MessageSysFlag;
import org.junit.jupiter.api.Test;

/** Property lookups straight from a stored record's bytes, with the rules of the properties-string parser. */
class StoredPropertiesViewTest {

    /** A stored record whose properties string is exactly {@code properties}, at position 7 of the buffer. */
    private static ByteBuffer record(String properties, boolean direct, boolean ipv6Born) throws Exception {
        MessageExt msg = new MessageExt();
        msg.setTopic("T");
        msg.setBody("body-bytes".getBytes(StandardCharsets.UTF_8));
        msg.setBornHost(ipv6Born ? new InetSocketAddress("::1", 1) : new InetSocketAddress("127.0.0.1", 1));
        msg.setStoreHost(new InetSocketAddress("127.0.0.1", 10911));
        if (ipv6Born) {
            msg.setSysFlag(MessageSysFlag.BORNHOST_V6_FLAG);
        }
        byte[] encoded = MessageDecoder.encode(msg, false);
        // swap in the raw properties string (encode would build it from a map and lose duplicates and odd entries)
        byte[] raw = properties.getBytes(StandardCharsets.UTF_8);
        ByteBuffer fixed = ByteBuffer.allocate(encoded.length + raw.length);
        fixed.put(encoded, 0, encoded.length - 2);
        fixed.putShort((short) raw.length).put(raw);
        fixed.putInt(0, fixed.capacity());
        ByteBuffer buffer = direct ? ByteBuffer.allocateDirect(fixed.capacity() + 7) : ByteBuffer.allocate(fixed.capacity() + 7);
        buffer.position(7);
        buffer.put(fixed.array());
        buffer.position(7);
        return buffer;
    }

    private static StoredPropertiesView view(String properties, boolean direct) throws Exception {
        return new StoredPropertiesView().wrap(record(properties, direct, false));
    }

    @Test
    void findsEachPropertyInHeapAndDirectBuffers() throws Exception {
        String properties = "a\u00013\u0002color\u0001red\u0002TAGS\u0001TagA\u0002näme\u0001wért";
        for (boolean direct : new boolean[] {false, true}) {
            StoredPropertiesView view = view(properties, direct);
            assertEquals("3", view.get("a"));
            assertEquals("red", view.get("color"));
            assertEquals("TagA", view.get("TAGS"));
            assertEquals("wért", view.get("näme"));
            assertNull(view.get("colo"));
            assertNull(view.get("colors"));
            assertNull(view.get("b"));
        }
    }

    @Test
    void followsTheMapParserForOddEntries() throws Exception {
        // empty value, empty name, no separator, a value holding \u0001, and a repeated name (last one wins)
        StoredPropertiesView view = view("e\u0001\u0002\u0001x\u0002plain\u0002v\u0001a\u0001b\u0002k\u00011\u0002k\u00012",
            false);
        assertNull(view.get("e"));
        assertNull(view.get(""));
        assertNull(view.get("plain"));
        assertEquals("a\u0001b", view.get("v"));
        assertEquals("2", view.get("k"));
        assertEquals(MessageDecoder.string2messageProperties(
            "e\u0001\u0002\u0001x\u0002plain\u0002v\u0001a\u0001b\u0002k\u00011\u0002k\u00012"),
            java.util.Map.of("v", "a\u0001b", "k", "2"));
    }

    @Test
    void readsRecordsWithIpv6HostsAndNoProperties() throws Exception {
        StoredPropertiesView view = new StoredPropertiesView().wrap(record("x\u0001y", true, true));
        assertEquals("y", view.get("x"));
        StoredPropertiesView empty = view("", false);
        assertNull(empty.get("x"));
    }

    @Test
    void rewrapsForTheNextRecordAndRefusesInconsistentLengths() throws Exception {
        StoredPropertiesView view = new StoredPropertiesView();
        assertSame(view, view.wrap(record("a\u00011", false, false)));
        assertEquals("1", view.get("a"));
        view.wrap(record("a\u00012", true, false));
        assertEquals("2", view.get("a"));

        ByteBuffer truncated = record("a\u00011", false, false);
        truncated.limit(truncated.limit() - 2);
        assertThrows(IndexOutOfBoundsException.class, () -> new StoredPropertiesView().wrap(truncated));
    }
}
