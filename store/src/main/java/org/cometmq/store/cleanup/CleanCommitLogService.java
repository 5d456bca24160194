package org.cometmq.store.cleanup;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import org.cometmq.store.RunningFlags;
import org.cometmq.store.commitlog.CommitLog;
import org.cometmq.store.config.MessageStoreConfig;
import org.cometmq.store.config.StorePathConfigHelper;
import org.cometmq.store.logfile.MappedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired commit-log files and watches disk usage. Files older than {@code fileReservedTime} hours are
 * deleted at the {@code deleteWhen} hours, or at any hour once the disk is above {@code diskMaxUsedSpaceRatio}.
 * Above the forced-clean ratio ({@link DiskSpaceLevels}) files go before they expire: by default only files every
 * consumer group has consumed ({@link RetentionGuard}); with {@code cleanFileForciblyEnable=true} any file but the
 * newest, as RocketMQ 4.9.7 does. Above the warning ratio the store refuses writes until usage falls back.
 */
public class CleanCommitLogService {

    private static final Logger LOG = LoggerFactory.getLogger(CleanCommitLogService.class);
    private static final int MAX_MANUAL_DELETE_FILE_TIMES = 20;

    private final MessageStoreConfig config;
    private final CommitLog commitLog;
    private final RunningFlags runningFlags;
    private final Clock clock;
    private final DiskSpaceLevels levels;
    private final RetentionGuard retentionGuard;
    private volatile DiskSpaceProvider diskSpaceProvider;
    private volatile String lastDeletionReason = "";
    private volatile RetentionGuard.Need lastBlockingNeed;
    private volatile long lastBlockedLogMillis;
    private volatile int manualDeleteFileSeveralTimes = 0;
    private volatile boolean cleanImmediately = false;
    private volatile double lastUsedRatio = 0;

    public CleanCommitLogService(MessageStoreConfig config, CommitLog commitLog, RunningFlags runningFlags,
                                 DiskSpaceProvider diskSpaceProvider, DiskSpaceLevels levels,
                                 RetentionGuard retentionGuard, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.commitLog = commitLog;
        this.runningFlags = runningFlags;
        this.levels = levels;
        this.retentionGuard = retentionGuard;
        this.diskSpaceProvider = diskSpaceProvider;
    }

    /** Makes the next runs delete expired files whatever the hour. */
    public void executeDeleteFilesManually() {
        manualDeleteFileSeveralTimes = MAX_MANUAL_DELETE_FILE_TIMES;
        LOG.info("manual deletion of expired commit-log files requested");
    }

    /** One cleaning pass: deletes what is due, then re-checks the disk so writes resume as soon as possible. */
    public void run() {
        try {
            int deleted = deleteExpiredFiles();
            // A file whose destroy was deferred by a reader may go now; either way usage fell, so writes may resume.
            if (redeleteHangedFile() || deleted > 0) {
                checkDiskSpace();
            }
        } catch (RuntimeException e) {
            LOG.warn("commit-log cleaning failed", e);
        }
    }

    private int deleteExpiredFiles() {
        boolean timeup = isTimeToDelete();
        boolean spacefull = checkDiskSpace();
        boolean manualDelete = manualDeleteFileSeveralTimes > 0;
        if (!timeup && !spacefull && !manualDelete) {
            return 0;
        }
        if (manualDelete) {
            manualDeleteFileSeveralTimes--;
        }
        boolean cleanAtOnce = cleanImmediately;
        long cleanableBelow = cleanAtOnce ? cleanableBelow() : Long.MAX_VALUE;
        long fileReservedMillis = config.getFileReservedTime() * 60L * 60 * 1000;
        lastDeletionReason = deletionReason(cleanAtOnce, manualDelete);
        int deleted = commitLog.deleteExpiredFile(fileReservedMillis, config.getDeleteCommitLogFilesInterval(),
            config.getDestroyMapedFileIntervalForcibly(), cleanAtOnce, cleanableBelow);
        if (deleted > 0) {
            LOG.info("deleted {} commit-log files (timeup={}, spacefull={}, manual={}, forced={})", deleted, timeup,
                spacefull, manualDelete, cleanAtOnce);
        } else if (spacefull) {
            LOG.warn("disk usage {} is high but no commit-log file could be deleted", format(lastUsedRatio));
        }
        return deleted;
    }

    private String deletionReason(boolean forced, boolean manual) {
        if (forced) {
            return "disk usage " + format(lastUsedRatio) + " above diskSpaceCleanForciblyRatio "
                + format(levels.getCleanForciblyRatio())
                + (config.isCleanFileForciblyEnable() ? " with cleanFileForciblyEnable=true" : "");
        }
        return "older than fileReservedTime=" + config.getFileReservedTime() + "h" + (manual ? " (manual)" : "");
    }

    /**
     * Files ending at or below this offset may go before they expire: everything when cleanFileForciblyEnable
     * (4.9.7's choice: stay writable, lose unconsumed data), else only what every group has consumed.
     */
    private long cleanableBelow() {
        if (config.isCleanFileForciblyEnable()) {
            return Long.MAX_VALUE;
        }
        RetentionGuard.Need need = retentionGuard.lowestNeed();
        if (need == null) {
            return Long.MAX_VALUE;
        }
        MappedFile first = commitLog.getMappedFileQueue().getFirstMappedFile();
        if (first != null && first.getFileFromOffset() + first.getFileSize() > need.phyOffset()) {
            logBlocked(need);
        }
        return need.phyOffset();
    }

    /** Says, when it changes and at most once a minute otherwise, which group keeps the oldest file. */
    private void logBlocked(RetentionGuard.Need need) {
        long now = clock.millis();
        if (need.equals(lastBlockingNeed) && now - lastBlockedLogMillis < 60_000) {
            return;
        }
        lastBlockingNeed = need;
        lastBlockedLogMillis = now;
        LOG.warn("disk usage {} is above diskSpaceCleanForciblyRatio {}, but the oldest commit-log file holds messages "
                + "group {} has not consumed (topic {}, queue {}, from offset {}): it is kept, and above "
                + "diskSpaceWarningLevelRatio {} sends are refused. Let the group consume, delete it if unused, add "
                + "space, or set cleanFileForciblyEnable=true to delete unconsumed messages as RocketMQ 4.9.7 does",
            format(lastUsedRatio), format(levels.getCleanForciblyRatio()), need.group(), need.topic(), need.queueId(),
            need.queueOffset(), format(levels.getWarningLevelRatio()));
    }

    /** Why the last pass deleted files, for the lost-data log lines. */
    public String getLastDeletionReason() {
        return lastDeletionReason;
    }

    private boolean redeleteHangedFile() {
        return commitLog.retryDeleteFirstFile(config.getDestroyMapedFileIntervalForcibly());
    }

    /** The hours of {@code deleteWhen} ("04", "03;04"); parts that are not an hour are skipped. */
    static int[] deleteWhenHours(String deleteWhen) {
        return Arrays.stream(deleteWhen.split(";"))
            .map(String::trim).filter(part -> part.matches("\\d{1,2}"))
            .mapToInt(Integer::parseInt).toArray();
    }

    boolean isTimeToDelete() {
        // deleteWhen names hours of the machine's local day, as in Apache RocketMQ.
        int hour = clock.instant().atZone(ZoneId.systemDefault()).getHour();
        for (int when : deleteWhenHours(config.getDeleteWhen())) {
            if (when == hour) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads disk usage and updates the disk-full flag. Returns true when usage is above
     * {@code diskMaxUsedSpaceRatio} (or unknown), i.e. space should be reclaimed now.
     */
    public boolean checkDiskSpace() {
        String[] paths = {config.getStorePathCommitLog(),
            StorePathConfigHelper.getStorePathConsumeQueue(config.getStorePathRootDir())};
        double ratio = -1;
        for (String path : paths) {
            ratio = Math.max(ratio, diskSpaceProvider.usedRatio(path));
        }
        lastUsedRatio = ratio;
        boolean forced = false;
        if (ratio > levels.getWarningLevelRatio()) {
            if (runningFlags.getAndMakeDiskFull()) {
                LOG.error("disk usage {} is above diskSpaceWarningLevelRatio {}: the store refuses writes until "
                    + "cleaning frees space", format(ratio), format(levels.getWarningLevelRatio()));
            }
            forced = true;
        } else if (ratio > levels.getCleanForciblyRatio()) {
            forced = true;
        }
        if (ratio <= levels.getWarningLevelRatio() && !runningFlags.getAndMakeDiskOK()) {
            LOG.info("disk usage {} is below diskSpaceWarningLevelRatio {} again: writes resume", format(ratio),
                format(levels.getWarningLevelRatio()));
        }
        cleanImmediately = forced;
        return ratio < 0 || ratio > config.getDiskMaxUsedSpaceRatio() / 100.0;
    }

    private static String format(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }

    public DiskSpaceLevels getLevels() {
        return levels;
    }

    /** The last disk usage read (fraction). */
    public double getLastUsedRatio() {
        return lastUsedRatio;
    }

    public void setDiskSpaceProvider(DiskSpaceProvider diskSpaceProvider) {
        this.diskSpaceProvider = diskSpaceProvider;
    }
}
