package org.cometmq.remoting.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslContext;
import java.util.List;
import org.cometmq.remoting.common.RemotingHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First handler of every server connection when TLS is possible: looks at the first byte once. 0x16 (a TLS
 * handshake record; a plain frame never starts with it, its length would exceed the frame limit) gets an SslHandler
 * inserted behind this one; anything else stays plain. Enforcing mode closes plain connections; then the handler
 * removes itself.
 */
final class TlsModeHandler extends ByteToMessageDecoder {
    private static final Logger log = LoggerFactory.getLogger(RemotingHelper.ROCKETMQ_REMOTING);
    private static final byte HANDSHAKE = 0x16;

    private final TlsMode mode;
    private final SslContext sslContext;

    TlsModeHandler(TlsMode mode, SslContext sslContext) {
        this.mode = mode;
        this.sslContext = sslContext;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (!in.isReadable()) {
            return;
        }
        boolean tls = in.getByte(in.readerIndex()) == HANDSHAKE;
        if (tls) {
            ctx.pipeline().addAfter(ctx.name(), NettyRemotingServer.TLS_HANDLER_NAME, sslContext.newHandler(ctx.alloc()));
        } else if (mode == TlsMode.ENFORCING) {
            log.warn("closing plain connection from {}: the server enforces TLS (tls.server.mode=enforcing)",
                RemotingHelper.parseChannelRemoteAddr(ctx.channel()));
            in.skipBytes(in.readableBytes());
            ctx.close();
            return;
        }
        ctx.pipeline().remove(this);
    }
}
