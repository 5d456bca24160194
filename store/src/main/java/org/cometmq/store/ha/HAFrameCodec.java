package org.cometmq.store.ha;

import java.nio.ByteBuffer;

/**
 * The two messages of the HA port (spec HA.md 2.2, 2.3), big-endian: the slave's 8-byte offset report, and the
 * master's transfer frame, a 12-byte header (commit-log offset of the first body byte, body size) followed by
 * that many raw commit-log bytes; a frame with an empty body is a heartbeat.
 */
public final class HAFrameCodec {

    /** Bytes of one slave report. */
    public static final int REPORT_SIZE = 8;
    /** Bytes of a transfer-frame header. */
    public static final int HEADER_SIZE = 8 + 4;
    /**
     * Largest body a 4.9.7 slave can take: its 4 MiB read buffer must hold a whole frame. Bodies above it would
     * stall such a slave forever.
     */
    public static final int MAX_BODY_SIZE = 4 * 1024 * 1024 - HEADER_SIZE;

    private HAFrameCodec() {
    }

    /** A report of {@code maxPhyOffset}, ready to write. */
    public static ByteBuffer encodeReport(long maxPhyOffset) {
        ByteBuffer buffer = ByteBuffer.allocate(REPORT_SIZE);
        buffer.putLong(maxPhyOffset).flip();
        return buffer;
    }

    /** Writes a frame header into {@code header} (cleared first) and flips it for writing. */
    public static ByteBuffer encodeHeader(ByteBuffer header, long phyOffset, int bodySize) {
        if (bodySize < 0 || bodySize > MAX_BODY_SIZE) {
            throw new IllegalArgumentException("frame body of " + bodySize + " bytes; allowed 0.." + MAX_BODY_SIZE);
        }
        header.clear();
        header.putLong(phyOffset).putInt(bodySize).flip();
        return header;
    }

    /** A new header buffer holding one frame header. */
    public static ByteBuffer encodeHeader(long phyOffset, int bodySize) {
        return encodeHeader(ByteBuffer.allocate(HEADER_SIZE), phyOffset, bodySize);
    }

    /** Commit-log offset of the header that starts at {@code position} of {@code buffer}. */
    public static long headerPhyOffset(ByteBuffer buffer, int position) {
        return buffer.getLong(position);
    }

    /** Body size of the header that starts at {@code position} of {@code buffer}. */
    public static int headerBodySize(ByteBuffer buffer, int position) {
        return buffer.getInt(position + 8);
    }

    /**
     * The last whole report in {@code buffer} between 0 and its position, or -1 when none; as 4.9.7's master, only
     * the newest report of a read counts. Whole reports are consumed, a partial one stays at the start.
     */
    public static long takeLastReport(ByteBuffer buffer) {
        int whole = buffer.position() - buffer.position() % REPORT_SIZE;
        if (whole == 0) {
            return -1;
        }
        long last = buffer.getLong(whole - REPORT_SIZE);
        buffer.flip();
        buffer.position(whole);
        buffer.compact();
        return last;
    }
}
