package org.cometmq.remoting.netty;

/** Settings of {@link NettyRemotingClient}; plain bean filled from properties files. */
public class NettyClientConfig extends NettyTransportConfig implements Cloneable {
    /** Threads running the codec and handlers (NettyClientWorkerThread_N). */
    private int clientWorkerThreads = 4;
    /** Threads of the public executor running callbacks and processors (NettyClientPublicExecutor_N). */
    private int clientCallbackExecutorThreads = Runtime.getRuntime().availableProcessors();
    /** Oneway requests that may be in flight; more wait for a permit up to the call's timeout. */
    private int clientOnewaySemaphoreValue = 65535;
    /** Async requests that may be in flight; more wait for a permit up to the call's timeout. */
    private int clientAsyncSemaphoreValue = 65535;
    /** TCP connect timeout. */
    private int connectTimeoutMillis = 3000;
    /** Kept for configuration compatibility; unused. */
    private long channelNotActiveInterval = 1000 * 60;
    /** A connection with no traffic either way for this long is closed. */
    private int clientChannelMaxIdleTimeSeconds = 120;
    /** SO_SNDBUF in bytes; 0 keeps the OS default. */
    private int clientSocketSndBufSize = 0;
    /** SO_RCVBUF in bytes; 0 keeps the OS default. */
    private int clientSocketRcvBufSize = 0;
    /** Use pooled buffers for IO. */
    private boolean clientPooledByteBufAllocatorEnable = false;
    /** Close the connection when a sync request to it times out. */
    private boolean clientCloseSocketIfTimeout = true;
    /** Run async callbacks on the IO thread instead of the callback executor. */
    private boolean disableCallbackExecutor = false;
    /** Accept any server certificate (tests only); otherwise trust settings or the JDK defaults apply. */
    private boolean tlsTrustAll = false;

    public int getClientWorkerThreads() {
        return clientWorkerThreads;
    }

    public void setClientWorkerThreads(int clientWorkerThreads) {
        this.clientWorkerThreads = clientWorkerThreads;
    }

    public int getClientCallbackExecutorThreads() {
        return clientCallbackExecutorThreads;
    }

    public void setClientCallbackExecutorThreads(int clientCallbackExecutorThreads) {
        this.clientCallbackExecutorThreads = clientCallbackExecutorThreads;
    }

    public int getClientOnewaySemaphoreValue() {
        return clientOnewaySemaphoreValue;
    }

    public void setClientOnewaySemaphoreValue(int clientOnewaySemaphoreValue) {
        this.clientOnewaySemaphoreValue = clientOnewaySemaphoreValue;
    }

    public int getClientAsyncSemaphoreValue() {
        return clientAsyncSemaphoreValue;
    }

    public void setClientAsyncSemaphoreValue(int clientAsyncSemaphoreValue) {
        this.clientAsyncSemaphoreValue = clientAsyncSemaphoreValue;
    }

    public int getConnectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    public void setConnectTimeoutMillis(int connectTimeoutMillis) {
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    public long getChannelNotActiveInterval() {
        return channelNotActiveInterval;
    }

    public void setChannelNotActiveInterval(long channelNotActiveInterval) {
        this.channelNotActiveInterval = channelNotActiveInterval;
    }

    public int getClientChannelMaxIdleTimeSeconds() {
        return clientChannelMaxIdleTimeSeconds;
    }

    public void setClientChannelMaxIdleTimeSeconds(int clientChannelMaxIdleTimeSeconds) {
        this.clientChannelMaxIdleTimeSeconds = clientChannelMaxIdleTimeSeconds;
    }

    public int getClientSocketSndBufSize() {
        return clientSocketSndBufSize;
    }

    public void setClientSocketSndBufSize(int clientSocketSndBufSize) {
        this.clientSocketSndBufSize = clientSocketSndBufSize;
    }

    public int getClientSocketRcvBufSize() {
        return clientSocketRcvBufSize;
    }

    public void setClientSocketRcvBufSize(int clientSocketRcvBufSize) {
        this.clientSocketRcvBufSize = clientSocketRcvBufSize;
    }

    public boolean isClientPooledByteBufAllocatorEnable() {
        return clientPooledByteBufAllocatorEnable;
    }

    public void setClientPooledByteBufAllocatorEnable(boolean clientPooledByteBufAllocatorEnable) {
        this.clientPooledByteBufAllocatorEnable = clientPooledByteBufAllocatorEnable;
    }

    public boolean isClientCloseSocketIfTimeout() {
        return clientCloseSocketIfTimeout;
    }

    public void setClientCloseSocketIfTimeout(boolean clientCloseSocketIfTimeout) {
        this.clientCloseSocketIfTimeout = clientCloseSocketIfTimeout;
    }

    public boolean isDisableCallbackExecutor() {
        return disableCallbackExecutor;
    }

    public void setDisableCallbackExecutor(boolean disableCallbackExecutor) {
        this.disableCallbackExecutor = disableCallbackExecutor;
    }

    public boolean isTlsTrustAll() {
        return tlsTrustAll;
    }

    public void setTlsTrustAll(boolean tlsTrustAll) {
        this.tlsTrustAll = tlsTrustAll;
    }

    @Override
    public NettyClientConfig clone() {
        try {
            return (NettyClientConfig) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }
}
