package org.cometmq.dashboard;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What the dashboard needs to run: where the name servers are, the HTTP address, and how it may face a network
 * (read-only mode, one login, ACL keys for the cluster). Read from a properties file; command-line options win.
 */
public final class DashboardConfig {
    private String namesrvAddr;
    private String listenHost = "0.0.0.0";
    private int listenPort = 8080;
    private boolean readOnly;
    private String loginUser;
    private String loginPassword;
    private String accessKey;
    private String secretKey;
    private int sessionMinutes = 60;

    /** Loads {@code dashboard.*} keys from a properties file; keys not present keep their defaults. */
    public static DashboardConfig load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return fromProperties(properties);
    }

    static DashboardConfig fromProperties(Properties p) {
        DashboardConfig config = new DashboardConfig();
        config.namesrvAddr = p.getProperty("namesrvAddr", null);
        config.listenHost = p.getProperty("dashboard.listenHost", config.listenHost);
        config.listenPort = intValue(p, "dashboard.port", config.listenPort);
        config.readOnly = Boolean.parseBoolean(p.getProperty("dashboard.readOnly", "false"));
        config.loginUser = blankToNull(p.getProperty("dashboard.login.user"));
        config.loginPassword = blankToNull(p.getProperty("dashboard.login.password"));
        config.accessKey = blankToNull(p.getProperty("accessKey"));
        config.secretKey = blankToNull(p.getProperty("secretKey"));
        config.sessionMinutes = intValue(p, "dashboard.login.sessionMinutes", config.sessionMinutes);
        config.validate();
        return config;
    }

    /** Refuses combinations that would start a dashboard nobody can use or everybody can change. */
    public void validate() {
        if ((loginUser == null) != (loginPassword == null)) {
            throw new IllegalArgumentException("dashboard.login.user and dashboard.login.password go together:"
                + " set both to require a login, or neither");
        }
        if (listenPort < 0 || listenPort > 65535) {
            throw new IllegalArgumentException("dashboard.port must be 0-65535, not " + listenPort);
        }
        if (sessionMinutes <= 0) {
            throw new IllegalArgumentException("dashboard.login.sessionMinutes must be positive");
        }
    }

    private static int intValue(Properties p, String key, int fallback) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + value + "'", e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public boolean loginRequired() {
        return loginUser != null;
    }

    public String getNamesrvAddr() {
        return namesrvAddr;
    }

    public void setNamesrvAddr(String namesrvAddr) {
        this.namesrvAddr = namesrvAddr;
    }

    public String getListenHost() {
        return listenHost;
    }

    public void setListenHost(String listenHost) {
        this.listenHost = listenHost;
    }

    public int getListenPort() {
        return listenPort;
    }

    public void setListenPort(int listenPort) {
        this.listenPort = listenPort;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    public String getLoginUser() {
        return loginUser;
    }

    public String getLoginPassword() {
        return loginPassword;
    }

    public void setLogin(String user, String password) {
        this.loginUser = user;
        this.loginPassword = password;
    }

    public String getAccessKey() {
        return accessKey;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public int getSessionMinutes() {
        return sessionMinutes;
    }
}
