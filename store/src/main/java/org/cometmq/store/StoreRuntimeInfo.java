package org.cometmq.store;

import java.io.File;
import java.util.HashMap;
import org.cometmq.common.MixAll;
import org.cometmq.store.commitlog.CommitLog;
import org.cometmq.store.config.MessageStoreConfig;
import org.cometmq.store.config.StorePathConfigHelper;
import org.cometmq.store.logfile.TransientStorePool;

/** The store-owned runtime-info keys beyond the stats service's (spec 5.17), with 4.9.7's names and formats. */
final class StoreRuntimeInfo {

    private StoreRuntimeInfo() {
    }

    static void addStoreFacts(HashMap<String, String> result, MessageStoreConfig config, CommitLog commitLog,
                              TransientStorePool pool, long dispatchBehindBytes) {
        String commitLogDir = config.getStorePathCommitLog();
        String commitLogRatio = String.valueOf(usedPercent(new File(commitLogDir)));
        result.put("commitLogDiskRatio", commitLogRatio);
        result.put("commitLogDiskRatio_" + commitLogDir, commitLogRatio);
        File dirFile = new File(commitLogDir);
        result.put("commitLogDirCapacity", String.format("Total : %s, Free : %s.",
            MixAll.humanReadableByteCount(dirFile.getTotalSpace(), false),
            MixAll.humanReadableByteCount(dirFile.getFreeSpace(), false)));
        result.put("consumeQueueDiskRatio", String.valueOf(usedPercent(new File(
            StorePathConfigHelper.getStorePathConsumeQueue(config.getStorePathRootDir())))));
        result.put("commitLogMinOffset", String.valueOf(commitLog.getMinOffset()));
        result.put("commitLogMaxOffset", String.valueOf(commitLog.getMaxOffset()));
        result.put("remainTransientStoreBufferNumbs",
            String.valueOf(pool == null ? Integer.MAX_VALUE : pool.availableBufferNums()));
        if (config.isTransientStorePoolEnable()) {
            result.put("remainHowManyDataToCommit",
                MixAll.humanReadableByteCount(commitLog.remainHowManyDataToCommit(), false));
        }
        result.put("remainHowManyDataToFlush", MixAll.humanReadableByteCount(commitLog.remainHowManyDataToFlush(), false));
        result.put("dispatchBehindBytes", String.valueOf(dispatchBehindBytes));
    }

    /**
     * The used share of the partition holding {@code dir} in whole percent, rounded up, as a fraction (0.26 for
     * 25.7 %), the way df and 4.9.7 count it: used / (used + available to this user); -1 when it does not exist.
     */
    static double usedPercent(File dir) {
        if (!dir.exists()) {
            return -1;
        }
        long total = dir.getTotalSpace();
        if (total <= 0) {
            return -1;
        }
        long used = total - dir.getFreeSpace();
        long entire = used + dir.getUsableSpace();
        long percent = used * 100 / entire + (used * 100 % entire != 0 ? 1 : 0);
        return percent / 100.0;
    }
}
