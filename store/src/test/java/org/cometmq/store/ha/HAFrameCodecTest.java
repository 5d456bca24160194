package org.cometmq.store.ha;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The byte vectors of spec HA.md section 10. */
class HAFrameCodecTest {

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    private static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replace(" ", ""));
    }

    @Test
    void slaveReportsAreEightBigEndianBytes() {
        assertArrayEquals(hex("00 00 00 00 00 00 00 00"), bytes(HAFrameCodec.encodeReport(0)));
        assertArrayEquals(hex("00 00 00 00 00 4c 4b bb"), bytes(HAFrameCodec.encodeReport(5000123)));
        assertArrayEquals(hex("00 00 00 00 40 00 00 00"), bytes(HAFrameCodec.encodeReport(1073741824L)));
    }

    @Test
    void heartbeatAndTransferHeaders() {
        assertArrayEquals(hex("00 00 00 00 00 4c 4b bb 00 00 00 00"), bytes(HAFrameCodec.encodeHeader(5000123, 0)));
        assertArrayEquals(hex("00 00 00 00 00 4c 4b bb 00 00 80 00"),
            bytes(HAFrameCodec.encodeHeader(5000123, 32768)));
        assertArrayEquals(hex("00 00 00 00 c0 00 00 00 00 00 00 e4"),
            bytes(HAFrameCodec.encodeHeader(3221225472L, 228)));
    }

    @Test
    void headersDecodeFromAnyPosition() {
        ByteBuffer buffer = ByteBuffer.allocate(20);
        buffer.position(5);
        buffer.put(hex("00 00 00 00 c0 00 00 00 00 00 00 e4"));
        assertEquals(3221225472L, HAFrameCodec.headerPhyOffset(buffer, 5));
        assertEquals(228, HAFrameCodec.headerBodySize(buffer, 5));
    }

    @Test
    void onlyTheLastWholeReportCountsAndAPartialOneWaits() {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        buffer.put(hex("00 00 00 00 00 00 00 00"));
        buffer.put(hex("00 00 00 00 c0 00 00 e4"));
        buffer.put(hex("00 00 00 00"));
        assertEquals(3221225700L, HAFrameCodec.takeLastReport(buffer));
        assertEquals(4, buffer.position());
        assertEquals(-1, HAFrameCodec.takeLastReport(buffer));
        buffer.put(hex("00 4c 4b bb"));
        assertEquals(5000123, HAFrameCodec.takeLastReport(buffer));
        assertEquals(0, buffer.position());
    }

    @Test
    void bodiesAJavaSlaveCannotBufferAreRefused() {
        assertEquals(4194292, HAFrameCodec.MAX_BODY_SIZE);
        assertThrows(IllegalArgumentException.class, () -> HAFrameCodec.encodeHeader(0, 4194293));
        assertThrows(IllegalArgumentException.class, () -> HAFrameCodec.encodeHeader(0, -1));
    }
}
