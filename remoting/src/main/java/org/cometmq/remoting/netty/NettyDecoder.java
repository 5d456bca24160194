package org.cometmq.remoting.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.cometmq.remoting.common.RemotingHelper;
import org.cometmq.remoting.exception.RemotingCommandException;
import org.cometmq.remoting.protocol.FrameCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts the inbound byte stream into frames by their 4-byte length prefix and decodes each into a command,
 * reading the header in place. A frame whose length is out of range or whose header is malformed closes this
 * connection only, with a WARN naming the peer and the reason; nothing is answered (as the Java peers do).
 */
public class NettyDecoder extends ByteToMessageDecoder {
    private static final Logger log = LoggerFactory.getLogger(RemotingHelper.ROCKETMQ_REMOTING);

    private final int frameMaxLength;
    private boolean failed = false;

    public NettyDecoder(int frameMaxLength) {
        this.frameMaxLength = frameMaxLength;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < FrameCodec.LENGTH_FIELD_SIZE) {
            return;
        }
        int length = in.getInt(in.readerIndex());
        if (length < FrameCodec.HEADER_WORD_SIZE || length > frameMaxLength) {
            fail(ctx, in, "frame length " + Integer.toUnsignedString(length) + " is outside the accepted range ["
                + FrameCodec.HEADER_WORD_SIZE + ", " + frameMaxLength + "]");
            return;
        }
        if (in.readableBytes() < FrameCodec.LENGTH_FIELD_SIZE + length) {
            return;
        }
        in.skipBytes(FrameCodec.LENGTH_FIELD_SIZE);
        ByteBuf frame = in.readSlice(length);
        try {
            out.add(FrameCodec.decode(frame));
        } catch (RemotingCommandException e) {
            fail(ctx, in, e.getMessage());
        }
    }

    private void fail(ChannelHandlerContext ctx, ByteBuf in, String reason) {
        failed = true;
        in.skipBytes(in.readableBytes());
        log.warn("closing connection with {}: malformed frame: {}", RemotingHelper.parseChannelRemoteAddr(ctx.channel()), reason);
        ctx.close();
    }
}
