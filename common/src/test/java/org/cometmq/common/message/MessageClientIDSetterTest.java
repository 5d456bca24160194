package org.cometmq.common.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;
import org.cometmq.common.UtilAll;
import org.junit.jupiter.api.Test;

class MessageClientIDSetterTest {

    @Test
    void idFieldsDecode() {
        long before = System.currentTimeMillis();
        String id = MessageClientIDSetter.createUniqID();
        long after = System.currentTimeMillis();
        byte[] ip = UtilAll.getIP();
        assertEquals((ip.length + 12) * 2, id.length());
        assertTrue(id.matches("[0-9A-F]+"), id);

        assertArrayEquals(ip, MessageClientIDSetter.getIPFromID(id));
        assertEquals(UtilAll.getPid() & 0xFFFF, MessageClientIDSetter.getPidFromID(id));
        byte[] bytes = UtilAll.string2bytes(id);
        int loaderHash = ByteBuffer.wrap(bytes).getInt(ip.length + 2);
        assertEquals(MessageClientIDSetter.class.getClassLoader().hashCode(), loaderHash);

        long t = MessageClientIDSetter.getNearlyTimeFromID(id).getTime();
        assertTrue(t >= before && t <= after, before + " <= " + t + " <= " + after);
    }

    @Test
    void consecutiveIdsDifferInTheCounter() {
        Set<String> ids = new HashSet<>();
        String prev = MessageClientIDSetter.createUniqID();
        for (int i = 0; i < 1000; i++) {
            String next = MessageClientIDSetter.createUniqID();
            assertNotEquals(prev, next);
            ids.add(next);
            int prevCounter = Integer.parseInt(prev.substring(prev.length() - 4), 16);
            int nextCounter = Integer.parseInt(next.substring(next.length() - 4), 16);
            assertEquals((prevCounter + 1) & 0xFFFF, nextCounter);
            prev = next;
        }
        assertEquals(1000, ids.size());
    }

    @Test
    void setUniqIdKeepsAnExistingId() {
        Message msg = new Message("T", new byte[0]);
        MessageClientIDSetter.setUniqID(msg);
        String first = MessageClientIDSetter.getUniqID(msg);
        MessageClientIDSetter.setUniqID(msg);
        assertEquals(first, MessageClientIDSetter.getUniqID(msg));
        assertEquals(first, msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX));
    }

    @Test
    void readsIpv4AndIpv6Ids() {
        String v4 = "0A0000010102AABBCCDD0000001000FF";
        assertEquals("10.0.0.1", MessageClientIDSetter.getIPStrFromID(v4));
        assertEquals(0x0102, MessageClientIDSetter.getPidFromID(v4));
        String v6 = "20010DB8000000000000000000000001" + "0304" + "AABBCCDD" + "00000010" + "00FF";
        assertEquals(16, MessageClientIDSetter.getIPFromID(v6).length);
        assertEquals(0x0304, MessageClientIDSetter.getPidFromID(v6));
    }
}
