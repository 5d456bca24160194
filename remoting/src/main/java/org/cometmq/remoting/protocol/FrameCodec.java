package org.cometmq.remoting.protocol;

import io.netty.buffer.ByteBuf;
import org.cometmq.remoting.exception.RemotingCommandException;

/**
 * The outer frame of spec 1.1, the one place that knows it:
 * {@code int32 length | int32 (serializeType << 24 | headerLength) | header | body}, where {@code length}
 * counts every byte after itself. The header layouts are owned by {@link JsonHeaderCodec} and {@link RocketMQSerializable}.
 */
public final class FrameCodec {
    /** Width of the length prefix; the decoder strips it before calling {@link #decode}. */
    public static final int LENGTH_FIELD_SIZE = 4;
    /** Width of the header-length-and-type word. */
    public static final int HEADER_WORD_SIZE = 4;
    /** Largest header a frame can describe (24 bits). */
    public static final int MAX_HEADER_LENGTH = 0x00FFFFFF;

    private FrameCodec() {
    }

    /** Writes the whole frame for {@code cmd} (custom header copied to extFields first) at the writer index of {@code out}. */
    public static void encode(RemotingCommand cmd, ByteBuf out) {
        byte[] body = cmd.getBody();
        encodeHeader(cmd, body == null ? 0 : body.length, out);
        if (body != null) {
            out.writeBytes(body);
        }
    }

    /**
     * Writes the length prefix, header word and header for a frame whose {@code bodyLength} body bytes the caller
     * sends itself (for example a file region transferred without copying).
     */
    public static void encodeHeader(RemotingCommand cmd, int bodyLength, ByteBuf out) {
        cmd.makeCustomHeaderToNet();
        SerializeType type = cmd.getSerializeTypeCurrentRPC() == null ? SerializeType.JSON : cmd.getSerializeTypeCurrentRPC();
        int start = out.writerIndex();
        out.writeLong(0L); // length and header word, patched below once the header size is known
        int headerStart = out.writerIndex();
        if (type == SerializeType.ROCKETMQ) {
            RocketMQSerializable.writeHeader(cmd, out);
        } else {
            JsonHeaderCodec.writeHeader(cmd, out);
        }
        int headerLength = out.writerIndex() - headerStart;
        if (headerLength > MAX_HEADER_LENGTH) {
            out.writerIndex(start);
            throw new IllegalArgumentException("header of " + headerLength + " bytes exceeds the 24-bit header length limit: code="
                + cmd.getCode() + ", opaque=" + cmd.getOpaque());
        }
        out.setInt(start, HEADER_WORD_SIZE + headerLength + bodyLength);
        out.setInt(start + LENGTH_FIELD_SIZE, markProtocolType(headerLength, type));
    }

    /**
     * Decodes one frame whose length prefix was already stripped: all readable bytes of {@code frame} belong to it.
     * A header length beyond the frame, an unknown serialize type or a malformed header raises RemotingCommandException.
     */
    public static RemotingCommand decode(ByteBuf frame) throws RemotingCommandException {
        int frameLength = frame.readableBytes();
        if (frameLength < HEADER_WORD_SIZE) {
            throw new RemotingCommandException("frame of " + frameLength + " bytes is shorter than the 4-byte header length word");
        }
        int word = frame.readInt();
        int headerLength = word & MAX_HEADER_LENGTH;
        int typeCode = (word >>> 24) & 0xFF;
        if (headerLength > frameLength - HEADER_WORD_SIZE) {
            throw new RemotingCommandException("header length " + headerLength + " exceeds the frame's remaining "
                + (frameLength - HEADER_WORD_SIZE) + " bytes");
        }
        SerializeType type = SerializeType.valueOf((byte) typeCode);
        if (type == null) {
            throw new RemotingCommandException("unknown serialize type " + typeCode + " (expected 0 JSON or 1 ROCKETMQ)");
        }
        int headerStart = frame.readerIndex();
        ByteBuf header = frame.slice(headerStart, headerLength);
        RemotingCommand cmd = type == SerializeType.ROCKETMQ
            ? RocketMQSerializable.readHeader(header, headerLength)
            : JsonHeaderCodec.readHeader(header, headerLength);
        cmd.setSerializeTypeCurrentRPC(type);
        frame.readerIndex(headerStart + headerLength);
        int bodyLength = frame.readableBytes();
        if (bodyLength > 0) {
            byte[] body = new byte[bodyLength];
            frame.readBytes(body);
            cmd.setBody(body);
        }
        return cmd;
    }

    /** Composes the header word: type code in the top byte, header length in the low 24 bits. */
    public static int markProtocolType(int headerLength, SerializeType type) {
        return ((type.getCode() & 0xFF) << 24) | (headerLength & MAX_HEADER_LENGTH);
    }

    /** The header length held in a header word. */
    public static int getHeaderLength(int word) {
        return word & MAX_HEADER_LENGTH;
    }
}
