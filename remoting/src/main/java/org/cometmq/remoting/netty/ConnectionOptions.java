package org.cometmq.remoting.netty;

import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;

/** The socket options every connection gets: on the client's bootstrap and on the server's child channels. */
final class ConnectionOptions {

    /** Where the options go: {@code Bootstrap.option} or {@code ServerBootstrap.childOption}. */
    interface Sink {
        <T> void set(ChannelOption<T> option, T value);
    }

    private ConnectionOptions() {
    }

    /** No Nagle, no TCP keep-alive (idle connections are closed by the idle handler); 0 sizes keep OS defaults. */
    static void apply(Sink sink, NettyTransportConfig config, boolean pooledBuffers, int sndBufSize, int rcvBufSize) {
        sink.set(ChannelOption.TCP_NODELAY, true);
        sink.set(ChannelOption.SO_KEEPALIVE, false);
        sink.set(ChannelOption.ALLOCATOR, pooledBuffers ? PooledByteBufAllocator.DEFAULT : UnpooledByteBufAllocator.DEFAULT);
        if (sndBufSize > 0) {
            sink.set(ChannelOption.SO_SNDBUF, sndBufSize);
        }
        if (rcvBufSize > 0) {
            sink.set(ChannelOption.SO_RCVBUF, rcvBufSize);
        }
        WriteBufferWaterMark waterMark = config.writeBufferWaterMark();
        if (waterMark != null) {
            sink.set(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark);
        }
    }
}
