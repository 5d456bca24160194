package org.cometmq.store.cleanup;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneId;
import org.cometmq.store.RunningFlags;
import org.cometmq.store.config.MessageStoreConfig;
import org.cometmq.testkit.ManualClock;
import org.junit.jupiter.api.Test;

class CleanCommitLogHourTest {

    private static long localMillis(int hour, int minute) {
        return LocalDateTime.of(2026, 3, 1, hour, minute).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
    }

    @Test
    void expiredFilesGoOnlyAtTheDeleteWhenHoursOfTheLocalDay() {
        MessageStoreConfig config = new MessageStoreConfig();
        config.setDeleteWhen("04;22");
        ManualClock clock = new ManualClock(localMillis(3, 59));
        CleanCommitLogService service = new CleanCommitLogService(config, null, new RunningFlags(),
            path -> 0.1, DiskSpaceLevels.fromSystemProperties(), null, clock);
        assertFalse(service.isTimeToDelete(), "03:59");
        clock.advance(60_000);
        assertTrue(service.isTimeToDelete(), "04:00");
        clock.advance(59 * 60_000 + 59_000);
        assertTrue(service.isTimeToDelete(), "04:59:59");
        clock.advance(1_000);
        assertFalse(service.isTimeToDelete(), "05:00");
        clock.advance(17 * 3_600_000L);
        assertTrue(service.isTimeToDelete(), "22:00");
    }
}
