package org.cometmq.remoting.netty;

/** Settings of {@link NettyRemotingServer}; plain bean filled from properties files. */
public class NettyServerConfig extends NettyTransportConfig implements Cloneable {
    /** Port to listen on; 0 picks a free ephemeral port (see localListenPort()). */
    private int listenPort = 8888;
    /** Local address to bind. */
    private String bindAddress = "0.0.0.0";
    /** Threads running the codec and connection handlers (NettyServerCodecThread_N). */
    private int serverWorkerThreads = 8;
    /** Threads of the public executor (NettyServerPublicExecutor_N); 0 or less means 4. */
    private int serverCallbackExecutorThreads = 0;
    /** IO threads (NettyServerNIOSelector_N / NettyServerEPOLLSelector_N). */
    private int serverSelectorThreads = 3;
    /** Oneway requests this server may have in flight towards clients. */
    private int serverOnewaySemaphoreValue = 256;
    /** Async requests this server may have in flight towards clients. */
    private int serverAsyncSemaphoreValue = 64;
    /** A connection with no traffic either way for this long is closed. */
    private int serverChannelMaxIdleTimeSeconds = 120;
    /** SO_SNDBUF in bytes; 0 keeps the OS default. */
    private int serverSocketSndBufSize = 0;
    /** SO_RCVBUF in bytes; 0 keeps the OS default. */
    private int serverSocketRcvBufSize = 0;
    /** Accept backlog. */
    private int serverSocketBacklog = 1024;
    /** Use pooled buffers for IO. */
    private boolean serverPooledByteBufAllocatorEnable = true;
    /** Use Linux epoll when available; NIO otherwise. */
    private boolean useEpollNativeSelector = false;
    /** Require clients to present a certificate trusted by the trust settings. */
    private boolean tlsNeedClientAuth = false;

    public int getListenPort() {
        return listenPort;
    }

    public void setListenPort(int listenPort) {
        this.listenPort = listenPort;
    }

    public String getBindAddress() {
        return bindAddress;
    }

    public void setBindAddress(String bindAddress) {
        this.bindAddress = bindAddress;
    }

    public int getServerWorkerThreads() {
        return serverWorkerThreads;
    }

    public void setServerWorkerThreads(int serverWorkerThreads) {
        this.serverWorkerThreads = serverWorkerThreads;
    }

    public int getServerCallbackExecutorThreads() {
        return serverCallbackExecutorThreads;
    }

    public void setServerCallbackExecutorThreads(int serverCallbackExecutorThreads) {
        this.serverCallbackExecutorThreads = serverCallbackExecutorThreads;
    }

    public int getServerSelectorThreads() {
        return serverSelectorThreads;
    }

    public void setServerSelectorThreads(int serverSelectorThreads) {
        this.serverSelectorThreads = serverSelectorThreads;
    }

    public int getServerOnewaySemaphoreValue() {
        return serverOnewaySemaphoreValue;
    }

    public void setServerOnewaySemaphoreValue(int serverOnewaySemaphoreValue) {
        this.serverOnewaySemaphoreValue = serverOnewaySemaphoreValue;
    }

    public int getServerAsyncSemaphoreValue() {
        return serverAsyncSemaphoreValue;
    }

    public void setServerAsyncSemaphoreValue(int serverAsyncSemaphoreValue) {
        this.serverAsyncSemaphoreValue = serverAsyncSemaphoreValue;
    }

    public int getServerChannelMaxIdleTimeSeconds() {
        return serverChannelMaxIdleTimeSeconds;
    }

    public void setServerChannelMaxIdleTimeSeconds(int serverChannelMaxIdleTimeSeconds) {
        this.serverChannelMaxIdleTimeSeconds = serverChannelMaxIdleTimeSeconds;
    }

    public int getServerSocketSndBufSize() {
        return serverSocketSndBufSize;
    }

    public void setServerSocketSndBufSize(int serverSocketSndBufSize) {
        this.serverSocketSndBufSize = serverSocketSndBufSize;
    }

    public int getServerSocketRcvBufSize() {
        return serverSocketRcvBufSize;
    }

    public void setServerSocketRcvBufSize(int serverSocketRcvBufSize) {
        this.serverSocketRcvBufSize = serverSocketRcvBufSize;
    }

    public int getServerSocketBacklog() {
        return serverSocketBacklog;
    }

    public void setServerSocketBacklog(int serverSocketBacklog) {
        this.serverSocketBacklog = serverSocketBacklog;
    }

    public boolean isServerPooledByteBufAllocatorEnable() {
        return serverPooledByteBufAllocatorEnable;
    }

    public void setServerPooledByteBufAllocatorEnable(boolean serverPooledByteBufAllocatorEnable) {
        this.serverPooledByteBufAllocatorEnable = serverPooledByteBufAllocatorEnable;
    }

    public boolean isUseEpollNativeSelector() {
        return useEpollNativeSelector;
    }

    public void setUseEpollNativeSelector(boolean useEpollNativeSelector) {
        this.useEpollNativeSelector = useEpollNativeSelector;
    }

    public boolean isTlsNeedClientAuth() {
        return tlsNeedClientAuth;
    }

    public void setTlsNeedClientAuth(boolean tlsNeedClientAuth) {
        this.tlsNeedClientAuth = tlsNeedClientAuth;
    }

    @Override
    public NettyServerConfig clone() {
        try {
            return (NettyServerConfig) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }
}
