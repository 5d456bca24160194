package org.cometmq.remoting.netty;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Properties;

/**
 * The TLS settings RocketMQ 4.9 reads from system properties, each overridable (except the mode and the client
 * switch) by the Java properties file named by {@code tls.config.file} (default {@code /etc/rocketmq/tls.properties},
 * skipped when missing). Read when a server or client builds its SSL context, so a test can set them per process.
 */
public final class TlsSystemConfig {
    public static final String TLS_SERVER_MODE = "tls.server.mode";
    public static final String TLS_ENABLE = "tls.enable";
    public static final String TLS_CONFIG_FILE = "tls.config.file";
    public static final String TLS_TEST_MODE_ENABLE = "tls.test.mode.enable";
    public static final String TLS_SERVER_NEED_CLIENT_AUTH = "tls.server.need.client.auth";
    public static final String TLS_SERVER_KEYPATH = "tls.server.keyPath";
    public static final String TLS_SERVER_KEYPASSWORD = "tls.server.keyPassword";
    public static final String TLS_SERVER_CERTPATH = "tls.server.certPath";
    public static final String TLS_SERVER_AUTHCLIENT = "tls.server.authClient";
    public static final String TLS_SERVER_TRUSTCERTPATH = "tls.server.trustCertPath";
    public static final String TLS_CLIENT_KEYPATH = "tls.client.keyPath";
    public static final String TLS_CLIENT_KEYPASSWORD = "tls.client.keyPassword";
    public static final String TLS_CLIENT_CERTPATH = "tls.client.certPath";
    public static final String TLS_CLIENT_AUTHSERVER = "tls.client.authServer";
    public static final String TLS_CLIENT_TRUSTCERTPATH = "tls.client.trustCertPath";
    private static final String DEFAULT_CONFIG_FILE = "/etc/rocketmq/tls.properties";

    private final Properties fileSettings;

    private TlsSystemConfig(Properties fileSettings) {
        this.fileSettings = fileSettings;
    }

    /** The current system properties plus the {@code tls.config.file} overrides. */
    public static TlsSystemConfig load() {
        Properties file = new Properties();
        File config = new File(System.getProperty(TLS_CONFIG_FILE, DEFAULT_CONFIG_FILE));
        if (config.isFile() && config.canRead()) {
            try (InputStream in = Files.newInputStream(config.toPath())) {
                file.load(in);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read TLS config file " + config + ": " + e.getMessage(), e);
            }
        }
        return new TlsSystemConfig(file);
    }

    /**
     * The server mode. Without {@code tls.server.mode} CometMQ serves plain only (4.9.7: permissive with a
     * self-signed test certificate); a server config with {@code useTLS=true} enforces TLS.
     */
    public static TlsMode serverMode(boolean useTLS) {
        if (useTLS) {
            return TlsMode.ENFORCING;
        }
        String mode = System.getProperty(TLS_SERVER_MODE);
        return mode == null ? TlsMode.DISABLED : TlsMode.parse(mode);
    }

    /** Default of a client's useTLS: {@code tls.enable}. */
    public static boolean clientTlsEnabled() {
        return Boolean.parseBoolean(System.getProperty(TLS_ENABLE, "false"));
    }

    /** A setting from the TLS config file, else the system property, else {@code defaultValue}. */
    public String get(String key, String defaultValue) {
        String value = fileSettings.getProperty(key);
        if (value == null || value.isBlank()) {
            value = System.getProperty(key);
        }
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        return Boolean.parseBoolean(get(key, Boolean.toString(defaultValue)));
    }

    public boolean testModeEnabled() {
        return getBoolean(TLS_TEST_MODE_ENABLE, true);
    }
}
