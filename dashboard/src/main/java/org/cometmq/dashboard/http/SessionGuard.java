package org.cometmq.dashboard.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one login of a dashboard that faces a network: a user and password from the config file, a random session
 * token in an HTTP-only cookie, sessions that expire. Without a configured user every request is let through.
 */
public final class SessionGuard {
    public static final String COOKIE = "COMET_DASHBOARD_SESSION";

    private final String user;
    private final byte[] password;
    private final long sessionMillis;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Long> expiryByToken = new ConcurrentHashMap<>();

    public SessionGuard(String user, String password, long sessionMillis, Clock clock) {
        this.user = user;
        this.password = password == null ? null : password.getBytes(StandardCharsets.UTF_8);
        this.sessionMillis = sessionMillis;
        this.clock = clock;
    }

    public boolean loginRequired() {
        return user != null;
    }

    /** A new session token when the credentials match, else null. Compared in constant time. */
    public String login(String candidateUser, String candidatePassword) {
        if (!loginRequired() || candidateUser == null || candidatePassword == null) {
            return null;
        }
        boolean userOk = MessageDigest.isEqual(user.getBytes(StandardCharsets.UTF_8),
            candidateUser.getBytes(StandardCharsets.UTF_8));
        boolean passwordOk = MessageDigest.isEqual(password, candidatePassword.getBytes(StandardCharsets.UTF_8));
        if (!(userOk & passwordOk)) {
            return null;
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        expiryByToken.put(token, clock.millis() + sessionMillis);
        return token;
    }

    /** Whether a request carrying this token may use the API. */
    public boolean admits(String token) {
        if (!loginRequired()) {
            return true;
        }
        if (token == null) {
            return false;
        }
        Long expiry = expiryByToken.get(token);
        if (expiry == null) {
            return false;
        }
        if (expiry <= clock.millis()) {
            expiryByToken.remove(token);
            return false;
        }
        return true;
    }

    public void logout(String token) {
        if (token != null) {
            expiryByToken.remove(token);
        }
    }
}
