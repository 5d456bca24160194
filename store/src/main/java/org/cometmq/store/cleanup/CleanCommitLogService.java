package org.cometmq.store.cleanup;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import org.cometmq.store.RunningFlags;
import org.cometmq.store.commitlog.CommitLog;
import org.cometmq.store.config.MessageStoreConfig;
import org.cometmq.store.config.StorePathConfigHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired commit-log files and watches disk usage. Files older than {@code fileReservedTime} hours are
 * deleted at the {@code deleteWhen} hours, or at any hour once the disk is above {@code diskMaxUsedSpaceRatio}.
 * Above {@code diskSpaceCleanForciblyRatio} files go even before they expire; above
 * {@code diskSpaceWarningLevelRatio} the store refuses writes until cleaning brings usage back down.
 */
public class CleanCommitLogService {

    private static final Logger LOG = LoggerFactory.getLogger(CleanCommitLogService.class);
    private static final int MAX_MANUAL_DELETE_FILE_TIMES = 20;

    private final MessageStoreConfig config;
    private final CommitLog commitLog;
    private final RunningFlags runningFlags;
    private final Clock clock;
    private volatile DiskSpaceProvider diskSpaceProvider;
    private volatile int manualDeleteFileSeveralTimes = 0;
    private volatile boolean cleanImmediately = false;
    private volatile double lastUsedRatio = 0;

    public CleanCommitLogService(MessageStoreConfig config, CommitLog commitLog, RunningFlags runningFlags,
                                 DiskSpaceProvider diskSpaceProvider, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.commitLog = commitLog;
        this.runningFlags = runningFlags;
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
            if (deleted > 0) {
                checkDiskSpace();
            }
            redeleteHangedFile();
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
        boolean cleanAtOnce = config.isCleanFileForciblyEnable() && cleanImmediately;
        long fileReservedMillis = config.getFileReservedTime() * 60L * 60 * 1000;
        int deleted = commitLog.deleteExpiredFile(fileReservedMillis, config.getDeleteCommitLogFilesInterval(),
            config.getDestroyMapedFileIntervalForcibly(), cleanAtOnce);
        if (deleted > 0) {
            LOG.info("deleted {} commit-log files (timeup={}, spacefull={}, manual={}, forced={})", deleted, timeup,
                spacefull, manualDelete, cleanAtOnce);
        } else if (spacefull) {
            LOG.warn("disk usage {} is high but no commit-log file could be deleted", format(lastUsedRatio));
        }
        return deleted;
    }

    private void redeleteHangedFile() {
        commitLog.retryDeleteFirstFile(config.getDestroyMapedFileIntervalForcibly());
    }

    boolean isTimeToDelete() {
        // deleteWhen names hours of the machine's local day, as in Apache RocketMQ.
        int hour = clock.instant().atZone(ZoneId.systemDefault()).getHour();
        for (int when : config.deleteWhenHours()) {
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
        if (ratio > config.getDiskSpaceWarningLevelRatio()) {
            if (runningFlags.getAndMakeDiskFull()) {
                LOG.error("disk usage {} is above diskSpaceWarningLevelRatio {}: the store refuses writes until "
                    + "cleaning frees space", format(ratio), format(config.getDiskSpaceWarningLevelRatio()));
            }
            forced = true;
        } else if (ratio > config.getDiskSpaceCleanForciblyRatio()) {
            forced = true;
        }
        if (ratio <= config.getDiskSpaceWarningLevelRatio() && !runningFlags.getAndMakeDiskOK()) {
            LOG.info("disk usage {} is below diskSpaceWarningLevelRatio {} again: writes resume", format(ratio),
                format(config.getDiskSpaceWarningLevelRatio()));
        }
        cleanImmediately = forced;
        return ratio < 0 || ratio > config.getDiskMaxUsedSpaceRatio() / 100.0;
    }

    private static String format(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }

    /** The last disk usage read (fraction). */
    public double getLastUsedRatio() {
        return lastUsedRatio;
    }

    public void setDiskSpaceProvider(DiskSpaceProvider diskSpaceProvider) {
        this.diskSpaceProvider = diskSpaceProvider;
    }
}
