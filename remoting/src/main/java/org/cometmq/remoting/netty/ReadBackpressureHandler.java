package org.cometmq.remoting.netty;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Tells the connection's {@link ChannelReadGate} when its unsent answers cross a water mark: above the high mark,
 * because the peer does not read them, the connection is not read and its requests wait; below the low mark they go
 * on. A client that never reads thus cannot grow the server's outbound queue with every request it sends.
 */
@ChannelHandler.Sharable
final class ReadBackpressureHandler extends ChannelInboundHandlerAdapter {
    static final ReadBackpressureHandler INSTANCE = new ReadBackpressureHandler();

    private ReadBackpressureHandler() {
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        ChannelReadGate.of(ctx.channel()).writabilityChanged();
        ctx.fireChannelWritabilityChanged();
    }
}
