package org.cometmq.remoting.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cometmq.remoting.ChannelEventListener;
import org.cometmq.remoting.InvokeCallback;
import org.cometmq.remoting.RemotingClient;
import org.cometmq.remoting.common.NamedThreadFactory;
import org.cometmq.remoting.common.RemotingHelper;
import org.cometmq.remoting.exception.RemotingConnectException;
import org.cometmq.remoting.exception.RemotingSendRequestException;
import org.cometmq.remoting.exception.RemotingTimeoutException;
import org.cometmq.remoting.exception.RemotingTooMuchRequestException;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty TCP client: one connection per address (see {@link ClientChannelTable}), requests by address or to a
 * name server chosen round robin, and processors for the requests servers send back (broker callbacks).
 */
public class NettyRemotingClient extends NettyRemotingAbstract implements RemotingClient {
    private static final Logger log = LoggerFactory.getLogger(RemotingHelper.ROCKETMQ_REMOTING);
    private static final long SHUTDOWN_WAIT_MILLIS = 3000;
    private static final long SCAN_PERIOD_MILLIS = 1000;
    /** IO threads linger this long so the codec threads' last hand-offs of closing channels still land. */
    private static final long QUIET_MILLIS = 100;

    private final NettyClientConfig config;
    private final Bootstrap bootstrap = new Bootstrap();
    private final EventLoopGroup eventLoopGroupWorker;
    private final ExecutorService publicExecutor;
    private final ScheduledExecutorService houseKeeping;
    private final ClientChannelTable channels;
    private final NettyEncoder encoder = new NettyEncoder();
    private final NettyConnectManageHandler connectManageHandler;
    private final NettyCommandHandler commandHandler;
    private volatile ExecutorService callbackExecutor;
    private EventExecutorGroup codecGroup;
    private SslContext sslContext;

    public NettyRemotingClient(NettyClientConfig config) {
        this(config, null);
    }

    public NettyRemotingClient(NettyClientConfig config, ChannelEventListener channelEventListener) {
        super(config.getClientOnewaySemaphoreValue(), config.getClientAsyncSemaphoreValue(), channelEventListener,
            "NettyClientEventExecutor");
        this.config = config;
        int publicThreads = config.getClientCallbackExecutorThreads() > 0 ? config.getClientCallbackExecutorThreads() : 4;
        this.publicExecutor = Executors.newFixedThreadPool(publicThreads, new NamedThreadFactory("NettyClientPublicExecutor"));
        this.eventLoopGroupWorker = new NioEventLoopGroup(1, new NamedThreadFactory("NettyClientSelector"));
        this.houseKeeping = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("NettyClientHouseKeeping", true));
        this.channels = new ClientChannelTable(bootstrap, config.getConnectTimeoutMillis());
        this.connectManageHandler = new NettyConnectManageHandler("client", this, channels::closeChannel);
        this.commandHandler = new NettyCommandHandler(this);
    }

    @Override
    public void start() {
        codecGroup = new DefaultEventExecutorGroup(config.getClientWorkerThreads(), new NamedThreadFactory("NettyClientWorkerThread"));
        sslContext = config.isUseTLS() ? TlsContextFactory.forClient(config, TlsSystemConfig.load()) : null;
        bootstrap.group(eventLoopGroupWorker).channel(NioSocketChannel.class)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, config.getConnectTimeoutMillis())
            .handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    initPipeline(ch.pipeline(), ch);
                }
            });
        applySocketOptions();
        startEventExecutor();
        houseKeeping.scheduleAtFixedRate(this::scanSafely, SCAN_PERIOD_MILLIS, SCAN_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        log.info("remoting client started (codec threads={}, callback threads={}, tls={}, connectTimeout={} ms)",
            config.getClientWorkerThreads(), config.getClientCallbackExecutorThreads(), config.isUseTLS(),
            config.getConnectTimeoutMillis());
    }

    private void initPipeline(ChannelPipeline pipeline, SocketChannel ch) {
        if (sslContext != null) {
            pipeline.addLast(NettyRemotingServer.TLS_HANDLER_NAME, sslContext.newHandler(ch.alloc()));
        }
        pipeline.addLast(codecGroup, NettyRemotingServer.ENCODER_NAME, encoder);
        pipeline.addLast(codecGroup, NettyRemotingServer.DECODER_NAME, new NettyDecoder(config.getFrameMaxLength()));
        pipeline.addLast(codecGroup, NettyRemotingServer.IDLE_HANDLER_NAME,
            new IdleStateHandler(0, 0, config.getClientChannelMaxIdleTimeSeconds()));
        pipeline.addLast(codecGroup, NettyRemotingServer.CONNECT_MANAGE_HANDLER_NAME, connectManageHandler);
        pipeline.addLast(codecGroup, "clientHandler", commandHandler);
    }

    private void applySocketOptions() {
        ConnectionOptions.apply(new ConnectionOptions.Sink() {
            @Override
            public <T> void set(ChannelOption<T> option, T value) {
                bootstrap.option(option, value);
            }
        }, config, config.isClientPooledByteBufAllocatorEnable(), config.getClientSocketSndBufSize(),
            config.getClientSocketRcvBufSize());
    }

    private void scanSafely() {
        try {
            scanResponseTable();
        } catch (Throwable e) {
            log.warn("scanning the client response table failed", e);
        }
    }

    @Override
    public void shutdown() {
        houseKeeping.shutdownNow();
        channels.closeAll();
        eventLoopGroupWorker.shutdownGracefully(QUIET_MILLIS, SHUTDOWN_WAIT_MILLIS, TimeUnit.MILLISECONDS)
            .awaitUninterruptibly(SHUTDOWN_WAIT_MILLIS);
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
        log.info("remoting client shut down");
    }

    @Override
    public void updateNameServerAddressList(List<String> addrs) {
        channels.updateNameServerAddressList(addrs);
    }

    @Override
    public List<String> getNameServerAddressList() {
        return channels.getNameServerAddressList();
    }

    @Override
    public RemotingCommand invokeSync(String addr, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException {
        long begin = System.currentTimeMillis();
        Channel channel = activeChannel(addr);
        String peer = peerName(addr, channel);
        try {
            doBeforeRpcHooks(peer, request);
            long remaining = timeoutMillis - (System.currentTimeMillis() - begin);
            if (remaining <= 0) {
                throw new RemotingTimeoutException("invokeSync to " + peer + ": the " + timeoutMillis
                    + " ms timeout passed before the request was sent");
            }
            RemotingCommand response = invokeSyncImpl(channel, request, remaining);
            doAfterRpcHooks(peer, request, response);
            return response;
        } catch (RemotingSendRequestException e) {
            log.warn("invokeSync: send request code {} to {} failed, closing the connection", request.getCode(), peer);
            channels.closeChannel(addr, channel);
            throw e;
        } catch (RemotingTimeoutException e) {
            if (config.isClientCloseSocketIfTimeout()) {
                channels.closeChannel(addr, channel);
            }
            log.warn("invokeSync: request code {} to {} timed out after {} ms", request.getCode(), peer, timeoutMillis);
            throw e;
        }
    }

    @Override
    public void invokeAsync(String addr, RemotingCommand request, long timeoutMillis, InvokeCallback invokeCallback)
        throws InterruptedException, RemotingConnectException, RemotingTooMuchRequestException, RemotingTimeoutException,
        RemotingSendRequestException {
        long begin = System.currentTimeMillis();
        Channel channel = activeChannel(addr);
        doBeforeRpcHooks(peerName(addr, channel), request);
        long remaining = timeoutMillis - (System.currentTimeMillis() - begin);
        if (remaining <= 0) {
            throw new RemotingTooMuchRequestException("invokeAsync to " + peerName(addr, channel) + ": the " + timeoutMillis
                + " ms timeout passed before the request was sent");
        }
        try {
            invokeAsyncImpl(channel, request, remaining, invokeCallback);
        } catch (RemotingSendRequestException e) {
            channels.closeChannel(addr, channel);
            throw e;
        }
    }

    @Override
    public void invokeOneway(String addr, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingConnectException, RemotingTooMuchRequestException, RemotingTimeoutException,
        RemotingSendRequestException {
        Channel channel = activeChannel(addr);
        doBeforeRpcHooks(peerName(addr, channel), request);
        try {
            invokeOnewayImpl(channel, request, timeoutMillis);
        } catch (RemotingSendRequestException e) {
            channels.closeChannel(addr, channel);
            throw e;
        }
    }

    /** The connected channel for {@code addr} (a name server when null), or RemotingConnectException. */
    private Channel activeChannel(String addr) throws InterruptedException, RemotingConnectException {
        Channel channel = channels.getAndCreateChannel(addr);
        if (channel == null || !channel.isActive()) {
            channels.closeChannel(addr, channel);
            throw new RemotingConnectException(addr == null ? "name server " + channels.getNameServerAddressList() : addr);
        }
        return channel;
    }

    private static String peerName(String addr, Channel channel) {
        return addr != null ? addr : RemotingHelper.parseChannelRemoteAddr(channel);
    }

    @Override
    public void setCallbackExecutor(ExecutorService callbackExecutor) {
        this.callbackExecutor = callbackExecutor;
    }

    @Override
    public ExecutorService getCallbackExecutor() {
        if (config.isDisableCallbackExecutor()) {
            return null;
        }
        return callbackExecutor != null ? callbackExecutor : publicExecutor;
    }

    @Override
    protected ExecutorService getPublicExecutor() {
        return publicExecutor;
    }

    @Override
    public boolean isChannelWritable(String addr) {
        return channels.isChannelWritable(addr);
    }

    @Override
    public void closeChannels(List<String> addrs) {
        for (String addr : addrs) {
            channels.closeChannel(addr, channels.existingChannel(addr));
        }
    }

    /** Closes one connection; it is reopened by the next request to its address. */
    public void closeChannel(String addr, Channel channel) {
        channels.closeChannel(addr, channel);
    }

    /** The address of the name server currently in use, or null. */
    public String getNamesrvAddrChoosed() {
        return channels.getNamesrvAddrChoosed();
    }

    public NettyClientConfig getNettyClientConfig() {
        return config;
    }
}
