package org.cometmq.dashboard.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionGuardTest {
    private Clock clock = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);
    private final SessionGuard guard = new SessionGuard("admin", "s3cret", 60_000, new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return clock.instant();
        }
    });

    @Test
    void onlyTheConfiguredCredentialsGetAToken() {
        assertNull(guard.login("admin", "wrong"));
        assertNull(guard.login("Admin", "s3cret"));
        assertNull(guard.login(null, "s3cret"));
        String token = guard.login("admin", "s3cret");
        assertNotNull(token);
        assertNotEquals(token, guard.login("admin", "s3cret"), "each login gets its own token");
    }

    @Test
    void aTokenAdmitsUntilItExpiresOrLogsOut() {
        String token = guard.login("admin", "s3cret");
        assertTrue(guard.admits(token));
        assertFalse(guard.admits("forged"));
        assertFalse(guard.admits(null));
        clock = Clock.offset(clock, Duration.ofSeconds(59));
        assertTrue(guard.admits(token));
        clock = Clock.offset(clock, Duration.ofSeconds(1));
        assertFalse(guard.admits(token), "expired after 60 s");

        String second = guard.login("admin", "s3cret");
        guard.logout(second);
        assertFalse(guard.admits(second));
    }

    @Test
    void withoutAConfiguredUserEverybodyIsAdmittedAndNobodyLogsIn() {
        SessionGuard open = new SessionGuard(null, null, 60_000, Clock.systemUTC());
        assertFalse(open.loginRequired());
        assertTrue(open.admits(null));
        assertNull(open.login("admin", "s3cret"));
    }
}
