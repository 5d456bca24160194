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
 * Builds the Netty SSL contexts from the TLS settings of the configs (key store, PKCS12/JKS type detected, or PEM
 * files; trust store or PEM certificates), falling back to RocketMQ 4.9's {@code tls.*} settings
 * ({@link TlsSystemConfig}).
 */
final class TlsContextFactory {

    private TlsContextFactory() {
    }

    /**
     * The server context: own identity from the config's key store or PEM files, else 4.9.7's
     * {@code tls.server.certPath}/{@code tls.server.keyPath}, else (test mode, the default) a generated self-signed
     * certificate. Client certificates: required with {@code tlsNeedClientAuth}, else per
     * {@code tls.server.need.client.auth}; trusted per the config's trust settings, else any unless
     * {@code tls.server.authClient=true}.
     */
    static SslContext forServer(NettyServerConfig c, TlsSystemConfig tls) {
        try {
            SslContextBuilder builder = serverIdentity(c, tls);
            if (c.getTlsTrustStorePath() != null || c.getTlsTrustCertFile() != null) {
                applyTrust(builder, c.getTlsTrustStorePath(), c.getTlsTrustStorePassword(), c.getTlsTrustCertFile());
            } else if (tls.getBoolean(TlsSystemConfig.TLS_SERVER_AUTHCLIENT, false)) {
                applyTrust(builder, null, null, tls.get(TlsSystemConfig.TLS_SERVER_TRUSTCERTPATH, null));
            } else {
                builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
            }
            builder.clientAuth(clientAuth(c, tls));
            return builder.sslProvider(SslProvider.JDK).build();
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the server TLS context: " + e.getMessage(), e);
        }
    }

    private static SslContextBuilder serverIdentity(NettyServerConfig c, TlsSystemConfig tls) throws Exception {
        if (c.getTlsKeyStorePath() != null) {
            return SslContextBuilder.forServer(keyManagers(c.getTlsKeyStorePath(), c.getTlsKeyStorePassword()));
        }
        if (c.getTlsCertChainFile() != null && c.getTlsPrivateKeyFile() != null) {
            return SslContextBuilder.forServer(new File(c.getTlsCertChainFile()), new File(c.getTlsPrivateKeyFile()),
                c.getTlsPrivateKeyPassword());
        }
        String cert = tls.get(TlsSystemConfig.TLS_SERVER_CERTPATH, null);
        String key = tls.get(TlsSystemConfig.TLS_SERVER_KEYPATH, null);
        if (cert != null && key != null) {
            return SslContextBuilder.forServer(new File(cert), new File(key),
                tls.get(TlsSystemConfig.TLS_SERVER_KEYPASSWORD, null));
        }
        if (tls.testModeEnabled()) {
            SelfSignedCertificates.Pair pair = SelfSignedCertificates.generate();
            return SslContextBuilder.forServer(pair.keyPair().getPrivate(), pair.certificate());
        }
        throw new IllegalArgumentException("TLS needs a server certificate: set tls.server.certPath and"
            + " tls.server.keyPath (PEM, PKCS#8 key), or tlsKeyStorePath, or tls.test.mode.enable=true");
    }

    private static ClientAuth clientAuth(NettyServerConfig c, TlsSystemConfig tls) {
        if (c.isTlsNeedClientAuth()) {
            return ClientAuth.REQUIRE;
        }
        String mode = tls.get(TlsSystemConfig.TLS_SERVER_NEED_CLIENT_AUTH, tls.testModeEnabled() ? "optional" : "none");
        switch (mode.toLowerCase(java.util.Locale.ROOT)) {
            case "require":
                return ClientAuth.REQUIRE;
            case "optional":
                return ClientAuth.OPTIONAL;
            default:
                return ClientAuth.NONE;
        }
    }

    /**
     * The client context: own certificate from the config, else {@code tls.client.certPath}/{@code keyPath};
     * server trust from the config, else {@code tls.client.trustCertPath}, else the JDK's trust store. Unlike
     * 4.9.7, a client trusts any server only when told so: {@code tls.client.authServer=false} or
     * {@code tls.test.mode.enable=true} set explicitly.
     */
    static SslContext forClient(NettyClientConfig c, TlsSystemConfig tls) {
        try {
            SslContextBuilder builder = SslContextBuilder.forClient();
            if (c.getTlsKeyStorePath() != null) {
                builder.keyManager(keyManagers(c.getTlsKeyStorePath(), c.getTlsKeyStorePassword()));
            } else if (c.getTlsCertChainFile() != null && c.getTlsPrivateKeyFile() != null) {
                builder.keyManager(new File(c.getTlsCertChainFile()), new File(c.getTlsPrivateKeyFile()), c.getTlsPrivateKeyPassword());
            } else if (tls.get(TlsSystemConfig.TLS_CLIENT_CERTPATH, null) != null) {
                builder.keyManager(new File(tls.get(TlsSystemConfig.TLS_CLIENT_CERTPATH, null)),
                    new File(tls.get(TlsSystemConfig.TLS_CLIENT_KEYPATH, "")),
                    tls.get(TlsSystemConfig.TLS_CLIENT_KEYPASSWORD, null));
            }
            if (c.isTlsTrustAll()) {
                builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
            } else if (c.getTlsTrustStorePath() != null || c.getTlsTrustCertFile() != null) {
                applyTrust(builder, c.getTlsTrustStorePath(), c.getTlsTrustStorePassword(), c.getTlsTrustCertFile());
            } else if (trustAnyServer(tls)) {
                builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
            } else {
                applyTrust(builder, null, null, tls.get(TlsSystemConfig.TLS_CLIENT_TRUSTCERTPATH, null));
            }
            return builder.sslProvider(SslProvider.JDK).build();
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the client TLS context: " + e.getMessage(), e);
        }
    }

    private static boolean trustAnyServer(TlsSystemConfig tls) {
        String authServer = tls.get(TlsSystemConfig.TLS_CLIENT_AUTHSERVER, null);
        if (authServer != null) {
            return !Boolean.parseBoolean(authServer);
        }
        return Boolean.parseBoolean(tls.get(TlsSystemConfig.TLS_TEST_MODE_ENABLE, "false"));
    }

    private static KeyManagerFactory keyManagers(String path, String password) throws Exception {
        char[] pw = password == null ? new char[0] : password.toCharArray();
        KeyStore keyStore = KeyStore.getInstance(new File(path), pw);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore, pw);
        return kmf;
    }

    /** Trust settings are the same on both ends: a trust store, else PEM certificates, else the JDK defaults. */
    private static void applyTrust(SslContextBuilder builder, String storePath, String storePassword, String certFile)
        throws Exception {
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
