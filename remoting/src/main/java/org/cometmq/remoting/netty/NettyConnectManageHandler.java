package org.cometmq.remoting.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.function.Consumer;
import org.cometmq.remoting.common.RemotingHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a connection's life: logs it, turns connect / close / idle / exception into listener events, closes
 * idle and failed connections, and fails at once the requests still waiting on a connection that closed.
 */
@ChannelHandler.Sharable
class NettyConnectManageHandler extends ChannelDuplexHandler {
    private static final Logger log = LoggerFactory.getLogger(RemotingHelper.ROCKETMQ_REMOTING);

    private final String side;
    private final NettyRemotingAbstract remoting;
    private final Consumer<Channel> onClose;

    NettyConnectManageHandler(String side, NettyRemotingAbstract remoting, Consumer<Channel> onClose) {
        this.side = side;
        this.remoting = remoting;
        this.onClose = onClose;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        String addr = RemotingHelper.parseChannelRemoteAddr(ctx.channel());
        log.info("{}: connection with {} active", side, addr);
        remoting.putNettyEvent(new NettyEvent(NettyEventType.CONNECT, addr, ctx.channel()));
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        String addr = RemotingHelper.parseChannelRemoteAddr(ctx.channel());
        log.info("{}: connection with {} closed", side, addr);
        onClose.accept(ctx.channel());
        remoting.failFast(ctx.channel());
        remoting.putNettyEvent(new NettyEvent(NettyEventType.CLOSE, addr, ctx.channel()));
        super.channelInactive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent && ((IdleStateEvent) evt).state() == IdleState.ALL_IDLE) {
            String addr = RemotingHelper.parseChannelRemoteAddr(ctx.channel());
            log.warn("{}: connection with {} idle too long, closing it", side, addr);
            remoting.putNettyEvent(new NettyEvent(NettyEventType.IDLE, addr, ctx.channel())); // queued before CLOSE
            ctx.close();
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        String addr = RemotingHelper.parseChannelRemoteAddr(ctx.channel());
        if (ctx.channel().eventLoop().isShuttingDown()) {
            log.info("{}: connection with {} failed during shutdown: {}", side, addr, String.valueOf(cause));
        } else {
            log.warn("{}: connection with {} failed, closing it: {}", side, addr, String.valueOf(cause));
        }
        remoting.putNettyEvent(new NettyEvent(NettyEventType.EXCEPTION, addr, ctx.channel()));
        ctx.close();
    }
}
