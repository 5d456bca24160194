package org.cometmq.remoting.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cometmq.remoting.ChannelEventListener;
import org.cometmq.remoting.InvokeCallback;
import org.cometmq.remoting.RemotingServer;
import org.cometmq.remoting.common.NamedThreadFactory;
import org.cometmq.remoting.common.RemotingHelper;
import org.cometmq.remoting.common.RemotingUtil;
import org.cometmq.remoting.exception.RemotingSendRequestException;
import org.cometmq.remoting.exception.RemotingTimeoutException;
import org.cometmq.remoting.exception.RemotingTooMuchRequestException;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty TCP server. Pipeline per connection, in order: [{@value #TLS_MODE_HANDLER_NAME}, which adds
 * {@value #TLS_HANDLER_NAME} for a TLS client, when {@code tls.server.mode} is not disabled] then, on the codec
 * threads, {@value #ENCODER_NAME}, {@value #DECODER_NAME}, {@value #IDLE_HANDLER_NAME},
 * {@value #CONNECT_MANAGE_HANDLER_NAME}, {@value #COMMAND_HANDLER_NAME}. Requests run on their processor's executor;
 * connection events reach the listener on its own thread.
 */
public class NettyRemotingServer extends NettyRemotingAbstract implements RemotingServer {
    public static final String TLS_HANDLER_NAME = "sslHandler";
    public static final String TLS_MODE_HANDLER_NAME = "handshakeHandler";
    public static final String ENCODER_NAME = "encoder";
    public static final String DECODER_NAME = "decoder";
    public static final String IDLE_HANDLER_NAME = "idleStateHandler";
    public static final String CONNECT_MANAGE_HANDLER_NAME = "connectionManageHandler";
    public static final String COMMAND_HANDLER_NAME = "serverHandler";
    public static final String BACKPRESSURE_HANDLER_NAME = "readBackpressureHandler";
    private static final Logger log = LoggerFactory.getLogger(RemotingHelper.ROCKETMQ_REMOTING);
    private static final long SHUTDOWN_WAIT_MILLIS = 3000;
    private static final long SCAN_PERIOD_MILLIS = 1000;
    /** IO threads linger this long so the codec threads' last hand-offs of closing channels still land. */
    private static final long QUIET_MILLIS = 100;

    private final NettyServerConfig config;
    private final ExecutorService publicExecutor;
    private final boolean useEpoll;
    private final EventLoopGroup bossGroup;
    private final EventLoopGroup selectorGroup;
    private final ScheduledExecutorService houseKeeping;
    private final NettyEncoder encoder = new NettyEncoder();
    private final NettyConnectManageHandler connectManageHandler;
    private final NettyCommandHandler commandHandler;
    private EventExecutorGroup codecGroup;
    private SslContext sslContext;
    private TlsMode tlsMode = TlsMode.DISABLED;
    private Channel serverChannel;
    private volatile int port = -1;

    public NettyRemotingServer(NettyServerConfig config) {
        this(config, null);
    }

    public NettyRemotingServer(NettyServerConfig config, ChannelEventListener channelEventListener) {
        super(config.getServerOnewaySemaphoreValue(), config.getServerAsyncSemaphoreValue(), channelEventListener,
            "NettyServerEventExecutor");
        this.config = config;
        int publicThreads = config.getServerCallbackExecutorThreads() > 0 ? config.getServerCallbackExecutorThreads() : 4;
        this.publicExecutor = Executors.newFixedThreadPool(publicThreads, new NamedThreadFactory("NettyServerPublicExecutor"));
        this.useEpoll = config.isUseEpollNativeSelector() && RemotingUtil.isLinuxPlatform() && Epoll.isAvailable();
        if (useEpoll) {
            this.bossGroup = new EpollEventLoopGroup(1, new NamedThreadFactory("NettyEPOLLBoss"));
            this.selectorGroup = new EpollEventLoopGroup(config.getServerSelectorThreads(),
                new NamedThreadFactory("NettyServerEPOLLSelector"));
        } else {
            this.bossGroup = new NioEventLoopGroup(1, new NamedThreadFactory("NettyNIOBoss"));
            this.selectorGroup = new NioEventLoopGroup(config.getServerSelectorThreads(),
                new NamedThreadFactory("NettyServerNIOSelector"));
        }
        this.houseKeeping = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("NettyServerHouseKeeping", true));
        this.connectManageHandler = new NettyConnectManageHandler("server", this, channel -> { });
        this.commandHandler = new NettyCommandHandler(this);
    }

    @Override
    public void start() {
        codecGroup = new DefaultEventExecutorGroup(config.getServerWorkerThreads(), new NamedThreadFactory("NettyServerCodecThread"));
        tlsMode = TlsSystemConfig.serverMode(config.isUseTLS());
        sslContext = tlsMode == TlsMode.DISABLED ? null : TlsContextFactory.forServer(config, TlsSystemConfig.load());
        ServerBootstrap bootstrap = new ServerBootstrap().group(bossGroup, selectorGroup)
            .channel(useEpoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, config.getServerSocketBacklog())
            .option(ChannelOption.SO_REUSEADDR, true)
            .localAddress(new InetSocketAddress(config.getBindAddress(), config.getListenPort()))
            .childHandler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    initPipeline(ch.pipeline(), ch);
                }
            });
        applySocketOptions(bootstrap);
        ChannelFuture bind = bootstrap.bind().awaitUninterruptibly();
        if (!bind.isSuccess()) {
            throw new IllegalStateException("remoting server cannot listen on " + config.getBindAddress() + ":"
                + config.getListenPort() + ": " + bind.cause() + " (is the port in use?)", bind.cause());
        }
        serverChannel = bind.channel();
        port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        startEventExecutor();
        houseKeeping.scheduleAtFixedRate(this::scanSafely, SCAN_PERIOD_MILLIS, SCAN_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        log.info("remoting server listening on {}:{} (epoll={}, tls={}, selectors={}, codec threads={})", config.getBindAddress(),
            port, useEpoll, tlsMode.getName(), config.getServerSelectorThreads(), config.getServerWorkerThreads());
    }

    private void initPipeline(ChannelPipeline pipeline, SocketChannel ch) {
        if (sslContext != null) {
            pipeline.addLast(TLS_MODE_HANDLER_NAME, new TlsModeHandler(tlsMode, sslContext));
        }
        pipeline.addLast(codecGroup, ENCODER_NAME, encoder);
        pipeline.addLast(codecGroup, DECODER_NAME, new NettyDecoder(config.getFrameMaxLength()));
        pipeline.addLast(codecGroup, IDLE_HANDLER_NAME, new IdleStateHandler(0, 0, config.getServerChannelMaxIdleTimeSeconds()));
        pipeline.addLast(codecGroup, CONNECT_MANAGE_HANDLER_NAME, connectManageHandler);
        pipeline.addLast(BACKPRESSURE_HANDLER_NAME, ReadBackpressureHandler.INSTANCE);
        pipeline.addLast(codecGroup, COMMAND_HANDLER_NAME, commandHandler);
    }

    private void applySocketOptions(ServerBootstrap bootstrap) {
        ConnectionOptions.apply(new ConnectionOptions.Sink() {
            @Override
            public <T> void set(ChannelOption<T> option, T value) {
                bootstrap.childOption(option, value);
            }
        }, config, config.isServerPooledByteBufAllocatorEnable(), config.getServerSocketSndBufSize(),
            config.getServerSocketRcvBufSize());
    }

    private void scanSafely() {
        try {
            scanResponseTable();
        } catch (Throwable e) {
            log.warn("scanning the server response table failed", e);
        }
    }

    @Override
    public void shutdown() {
        houseKeeping.shutdownNow();
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly(SHUTDOWN_WAIT_MILLIS);
        }
        bossGroup.shutdownGracefully(QUIET_MILLIS, SHUTDOWN_WAIT_MILLIS, TimeUnit.MILLISECONDS).awaitUninterruptibly(SHUTDOWN_WAIT_MILLIS);
        selectorGroup.shutdownGracefully(QUIET_MILLIS, SHUTDOWN_WAIT_MILLIS, TimeUnit.MILLISECONDS).awaitUninterruptibly(SHUTDOWN_WAIT_MILLIS);
        shutdownEventExecutor();
        if (codecGroup != null) {
            codecGroup.shutdownGracefully(0, SHUTDOWN_WAIT_MILLIS, TimeUnit.MILLISECONDS).awaitUninterruptibly(SHUTDOWN_WAIT_MILLIS);
        }
        publicExecutor.shutdown();
        try {
            publicExecutor.awaitTermination(SHUTDOWN_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("remoting server on port {} shut down", port);
    }

    @Override
    public int localListenPort() {
        return port;
    }

    @Override
    public RemotingCommand invokeSync(Channel channel, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingSendRequestException, RemotingTimeoutException {
        return invokeSyncImpl(channel, request, timeoutMillis);
    }

    @Override
    public void invokeAsync(Channel channel, RemotingCommand request, long timeoutMillis, InvokeCallback invokeCallback)
        throws InterruptedException, RemotingTooMuchRequestException, RemotingTimeoutException, RemotingSendRequestException {
        invokeAsyncImpl(channel, request, timeoutMillis, invokeCallback);
    }

    @Override
    public void invokeOneway(Channel channel, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingTooMuchRequestException, RemotingTimeoutException, RemotingSendRequestException {
        invokeOnewayImpl(channel, request, timeoutMillis);
    }

    @Override
    public ExecutorService getCallbackExecutor() {
        return publicExecutor;
    }

    @Override
    protected ExecutorService getPublicExecutor() {
        return publicExecutor;
    }

    public NettyServerConfig getNettyServerConfig() {
        return config;
    }
}
