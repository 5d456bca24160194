package org.cometmq.dashboard.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/** The dashboard's HTTP listener: codec, a 1 MiB body limit, idle close, then the handler on worker threads. */
public final class HttpServer implements AutoCloseable {
    private static final int MAX_BODY = 1 << 20;
    private static final int IDLE_SECONDS = 120;

    private final EventLoopGroup loops = new NioEventLoopGroup(1);
    private final EventExecutorGroup workers = new DefaultEventExecutorGroup(4);
    private Channel channel;

    /** Binds and returns the port actually bound (useful when asked for port 0). */
    public int start(String host, int port, DashboardHandler handler) throws InterruptedException {
        ServerBootstrap bootstrap = new ServerBootstrap()
            .group(loops)
            .channel(NioServerSocketChannel.class)
            .childHandler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(new ReadTimeoutHandler(IDLE_SECONDS))
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(MAX_BODY))
                        .addLast(workers, handler);
                }
            });
        channel = bootstrap.bind(host, port).sync().channel();
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.close().syncUninterruptibly();
        }
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    }
}
