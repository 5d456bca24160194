package org.cometmq.remoting.netty;

/** Settings of {@link NettyRemotingClient}; plain bean filled from properties files. */
public class NettyClientConfig implements Cloneable {
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
    /** Outbound bytes above which a channel reports not writable; 0 keeps Netty's default. */
    private int writeBufferHighWaterMark = 0;
    /** Outbound bytes below which a channel is writable again; 0 keeps Netty's default. */
    private int writeBufferLowWaterMark = 0;
    /** Run async callbacks on the IO thread instead of the callback executor. */
    private boolean disableCallbackExecutor = false;
    /** Largest accepted frame length value; a bigger frame closes the connection. Default 16 MiB or com.rocketmq.remoting.frameMaxLength. */
    private int frameMaxLength = NettySystemConfig.FRAME_MAX_LENGTH;
    /** Wrap every connection in TLS (Netty SslHandler first in the pipeline). Off by default. */
    private boolean useTLS = false;
    /** PKCS12 or JKS key store holding this side's private key and certificate. */
    private String tlsKeyStorePath = null;
    /** Password of the key store and of its key. */
    private String tlsKeyStorePassword = null;
    /** PEM certificate chain (alternative to the key store). */
    private String tlsCertChainFile = null;
    /** PEM PKCS#8 private key matching tlsCertChainFile. */
    private String tlsPrivateKeyFile = null;
    /** Password of tlsPrivateKeyFile when it is encrypted. */
    private String tlsPrivateKeyPassword = null;
    /** Key store whose certificates are trusted to identify the peer. */
    private String tlsTrustStorePath = null;
    /** Password of the trust store. */
    private String tlsTrustStorePassword = null;
    /** PEM certificates trusted to identify the peer (alternative to the trust store). */
    private String tlsTrustCertFile = null;
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

    public int getWriteBufferHighWaterMark() {
        return writeBufferHighWaterMark;
    }

    public void setWriteBufferHighWaterMark(int writeBufferHighWaterMark) {
        this.writeBufferHighWaterMark = writeBufferHighWaterMark;
    }

    public int getWriteBufferLowWaterMark() {
        return writeBufferLowWaterMark;
    }

    public void setWriteBufferLowWaterMark(int writeBufferLowWaterMark) {
        this.writeBufferLowWaterMark = writeBufferLowWaterMark;
    }

    public boolean isDisableCallbackExecutor() {
        return disableCallbackExecutor;
    }

    public void setDisableCallbackExecutor(boolean disableCallbackExecutor) {
        this.disableCallbackExecutor = disableCallbackExecutor;
    }

    public int getFrameMaxLength() {
        return frameMaxLength;
    }

    public void setFrameMaxLength(int frameMaxLength) {
        this.frameMaxLength = frameMaxLength;
    }

    public boolean isUseTLS() {
        return useTLS;
    }

    public void setUseTLS(boolean useTLS) {
        this.useTLS = useTLS;
    }

    public String getTlsKeyStorePath() {
        return tlsKeyStorePath;
    }

    public void setTlsKeyStorePath(String tlsKeyStorePath) {
        this.tlsKeyStorePath = tlsKeyStorePath;
    }

    public String getTlsKeyStorePassword() {
        return tlsKeyStorePassword;
    }

    public void setTlsKeyStorePassword(String tlsKeyStorePassword) {
        this.tlsKeyStorePassword = tlsKeyStorePassword;
    }

    public String getTlsCertChainFile() {
        return tlsCertChainFile;
    }

    public void setTlsCertChainFile(String tlsCertChainFile) {
        this.tlsCertChainFile = tlsCertChainFile;
    }

    public String getTlsPrivateKeyFile() {
        return tlsPrivateKeyFile;
    }

    public void setTlsPrivateKeyFile(String tlsPrivateKeyFile) {
        this.tlsPrivateKeyFile = tlsPrivateKeyFile;
    }

    public String getTlsPrivateKeyPassword() {
        return tlsPrivateKeyPassword;
    }

    public void setTlsPrivateKeyPassword(String tlsPrivateKeyPassword) {
        this.tlsPrivateKeyPassword = tlsPrivateKeyPassword;
    }

    public String getTlsTrustStorePath() {
        return tlsTrustStorePath;
    }

    public void setTlsTrustStorePath(String tlsTrustStorePath) {
        this.tlsTrustStorePath = tlsTrustStorePath;
    }

    public String getTlsTrustStorePassword() {
        return tlsTrustStorePassword;
    }

    public void setTlsTrustStorePassword(String tlsTrustStorePassword) {
        this.tlsTrustStorePassword = tlsTrustStorePassword;
    }

    public String getTlsTrustCertFile() {
        return tlsTrustCertFile;
    }

    public void setTlsTrustCertFile(String tlsTrustCertFile) {
        this.tlsTrustCertFile = tlsTrustCertFile;
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
