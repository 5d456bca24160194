package org.cometmq.remoting.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import org.cometmq.remoting.protocol.FrameCodec;
import org.cometmq.remoting.protocol.RemotingCommand;

/**
 * Writes each outgoing command as one frame straight into the outbound buffer. A command that cannot be encoded
 * fails only its own write (the sender sees RemotingSendRequestException); the connection stays open.
 */
@ChannelHandler.Sharable
public class NettyEncoder extends MessageToByteEncoder<RemotingCommand> {

    @Override
    protected void encode(ChannelHandlerContext ctx, RemotingCommand cmd, ByteBuf out) {
        FrameCodec.encode(cmd, out);
    }
}
