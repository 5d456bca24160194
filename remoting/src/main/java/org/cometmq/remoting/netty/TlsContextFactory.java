package org.cometmq.remoting.netty;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.File;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the Netty SSL contexts from the TLS settings of the configs: own identity from a key store (PKCS12/JKS,
 * type detected) or PEM files; peer trust from a trust store or PEM certificates (JDK defaults when neither is set).
 */
final class TlsContextFactory {

    private TlsContextFactory() {
    }

    static SslContext forServer(NettyServerConfig c) {
        try {
            SslContextBuilder builder;
            if (c.getTlsKeyStorePath() != null) {
                builder = SslContextBuilder.forServer(keyManagers(c.getTlsKeyStorePath(), c.getTlsKeyStorePassword()));
            } else if (c.getTlsCertChainFile() != null && c.getTlsPrivateKeyFile() != null) {
                builder = SslContextBuilder.forServer(new File(c.getTlsCertChainFile()), new File(c.getTlsPrivateKeyFile()),
                    c.getTlsPrivateKeyPassword());
            } else {
                throw new IllegalArgumentException("useTLS=true needs tlsKeyStorePath, or tlsCertChainFile and tlsPrivateKeyFile");
            }
            applyTrust(builder, c);
            if (c.isTlsNeedClientAuth()) {
                builder.clientAuth(ClientAuth.REQUIRE);
            }
            return builder.sslProvider(SslProvider.JDK).build();
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the server TLS context: " + e.getMessage(), e);
        }
    }

    static SslContext forClient(NettyClientConfig c) {
        try {
            SslContextBuilder builder = SslContextBuilder.forClient();
            if (c.getTlsKeyStorePath() != null) {
                builder.keyManager(keyManagers(c.getTlsKeyStorePath(), c.getTlsKeyStorePassword()));
            } else if (c.getTlsCertChainFile() != null && c.getTlsPrivateKeyFile() != null) {
                builder.keyManager(new File(c.getTlsCertChainFile()), new File(c.getTlsPrivateKeyFile()), c.getTlsPrivateKeyPassword());
            }
            if (c.isTlsTrustAll()) {
                builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
            } else {
                applyTrust(builder, c);
            }
            return builder.sslProvider(SslProvider.JDK).build();
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the client TLS context: " + e.getMessage(), e);
        }
    }

    private static KeyManagerFactory keyManagers(String path, String password) throws Exception {
        char[] pw = password == null ? new char[0] : password.toCharArray();
        KeyStore keyStore = KeyStore.getInstance(new File(path), pw);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore, pw);
        return kmf;
    }

    /** Trust settings are the same on both ends: a trust store, else PEM certificates, else the JDK defaults. */
    private static void applyTrust(SslContextBuilder builder, NettyTransportConfig c) throws Exception {
        String storePath = c.getTlsTrustStorePath();
        String storePassword = c.getTlsTrustStorePassword();
        String certFile = c.getTlsTrustCertFile();
        if (storePath != null) {
            char[] pw = storePassword == null ? new char[0] : storePassword.toCharArray();
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(KeyStore.getInstance(new File(storePath), pw));
            builder.trustManager(tmf);
        } else if (certFile != null) {
            builder.trustManager(new File(certFile));
        }
    }
}
