package org.cometmq.remoting.netty;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import org.cometmq.remoting.protocol.RemotingCommand;

/** Last inbound handler: hands every decoded command to the shared remoting machinery. */
@ChannelHandler.Sharable
class NettyCommandHandler extends SimpleChannelInboundHandler<RemotingCommand> {
    private final NettyRemotingAbstract remoting;

    NettyCommandHandler(NettyRemotingAbstract remoting) {
        this.remoting = remoting;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, RemotingCommand msg) {
        remoting.processMessageReceived(ctx, msg);
    }
}
