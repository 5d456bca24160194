package org.cometmq.store;

import java.util.HashMap;
import org.cometmq.store.cleanup.FileStoreDiskSpaceProvider;
import org.cometmq.store.commitlog.CommitLog;
import org.cometmq.store.config.MessageStoreConfig;
import org.cometmq.store.config.StorePathConfigHelper;
import org.cometmq.store.logfile.TransientStorePool;

/** The store-owned runtime-info keys beyond the stats service's (spec 5.17). */
final class StoreRuntimeInfo {

    private StoreRuntimeInfo() {
    }

    static void addStoreFacts(HashMap<String, String> result, MessageStoreConfig config, CommitLog commitLog,
                              TransientStorePool pool, long dispatchBehindBytes) {
        FileStoreDiskSpaceProvider disk = new FileStoreDiskSpaceProvider();
        result.put("commitLogDiskRatio", String.valueOf(disk.usedRatio(config.getStorePathCommitLog())));
        result.put("consumeQueueDiskRatio", String.valueOf(disk.usedRatio(
            StorePathConfigHelper.getStorePathConsumeQueue(config.getStorePathRootDir()))));
        result.put("commitLogMinOffset", String.valueOf(commitLog.getMinOffset()));
        result.put("commitLogMaxOffset", String.valueOf(commitLog.getMaxOffset()));
        result.put("remainTransientStoreBufferNumbs",
            String.valueOf(pool == null ? Integer.MAX_VALUE : pool.availableBufferNums()));
        result.put("remainHowManyDataToCommit", String.valueOf(commitLog.remainHowManyDataToCommit()));
        result.put("remainHowManyDataToFlush", String.valueOf(commitLog.remainHowManyDataToFlush()));
        result.put("dispatchBehindBytes", String.valueOf(dispatchBehindBytes));
    }
}
