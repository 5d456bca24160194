package org.cometmq.store.cleanup;

import static org.cometmq.store.StoreTestSupport.await;
import static org.cometmq.store.StoreTestSupport.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.cometmq.store.DefaultMessageStore;
import org.cometmq.store.PutMessageResult;
import org.cometmq.store.PutMessageStatus;
import org.cometmq.store.StoreTestSupport;
import org.cometmq.store.config.MessageStoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskFullTest {

    @TempDir
    Path dir;

    @Test
    void writesAreRefusedPastTheWarningRatioAndResumeAfterCleaning() throws Exception {
        MessageStoreConfig config = StoreTestSupport.smallConfig(dir);
        config.setCleanFileForciblyEnable(true); // 4.9.7's choice: no group is known here, but say so
        DefaultMessageStore[] holder = new DefaultMessageStore[1];
        // Usage grows with the number of commit-log files: 5 files or more means "above 90 %".
        DiskSpaceProvider disk = path -> {
            DefaultMessageStore s = holder[0];
            int files = s == null ? 0 : s.getCommitLog().getMappedFileQueue().getMappedFiles().size();
            return Math.min(0.99, 0.5 + 0.1 * files);
        };
        DefaultMessageStore store = new DefaultMessageStore(config, null, disk);
        holder[0] = store;
        assertTrue(store.load());
        store.start();
        try {
            int i = 0;
            while (store.getCommitLog().getMappedFileQueue().getMappedFiles().size() < 5) {
                PutMessageResult r = store.putMessage(message("F", 0, new byte[500], null, "fk" + i++));
                assertEquals(PutMessageStatus.PUT_OK, r.getPutMessageStatus());
            }
            assertTrue(await(() -> store.dispatchBehindBytes() == 0, 10_000));
            assertTrue(store.getCleanCommitLogService().checkDiskSpace());
            assertTrue(store.getRunningFlags().isDiskFull());
            PutMessageResult refused = store.putMessage(message("F", 0, new byte[10], null, null));
            assertEquals(PutMessageStatus.SERVICE_NOT_AVAILABLE, refused.getPutMessageStatus());
            assertEquals(false, refused.isOk());

            // A reader (the flush service behind on a busy machine) may defer the oldest file's destroy a pass.
            assertTrue(await(() -> {
                store.cleanFilesPeriodically();
                return store.getCommitLog().getMappedFileQueue().getMappedFiles().size() == 1;
            }, 10_000), "above the forced ratio unexpired files go too");
            assertEquals(false, store.getRunningFlags().isDiskFull());
            PutMessageResult accepted = store.putMessage(message("F", 0, new byte[10], null, null));
            assertEquals(PutMessageStatus.PUT_OK, accepted.getPutMessageStatus());
            assertEquals(i, accepted.getAppendMessageResult().getLogicsOffset(), "queue offsets continue");
            assertTrue(store.getMinOffsetInQueue("F", 0) > 0, "consume queue min follows the deleted files");
        } finally {
            store.shutdown();
        }
    }
}
