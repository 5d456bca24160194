package org.cometmq.remoting.netty;

import io.netty.channel.WriteBufferWaterMark;

/**
 * Settings both ends of a connection share: frame limit, write-buffer water marks and TLS. The client and server
 * configs extend it, so the properties keep their names in either file.
 */
public abstract class NettyTransportConfig {
    /** Outbound bytes above which a channel reports not writable; 0 keeps Netty's default. */
    private int writeBufferHighWaterMark = 0;
    /** Outbound bytes below which a channel is writable again; 0 keeps Netty's default. */
    private int writeBufferLowWaterMark = 0;
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

    /** The water mark to set on each connection, or null to keep Netty's default (both marks must be positive). */
    WriteBufferWaterMark writeBufferWaterMark() {
        return writeBufferLowWaterMark > 0 && writeBufferHighWaterMark > 0
            ? new WriteBufferWaterMark(writeBufferLowWaterMark, writeBufferHighWaterMark) : null;
    }
}
