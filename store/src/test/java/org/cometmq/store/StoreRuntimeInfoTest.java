package org.cometmq.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cometmq.store.config.MessageStoreConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's runtime-info keys and their formats, as 4.9.7's broker answers them. */
class StoreRuntimeInfoTest {
    @TempDir
    Path dir;
    private DefaultMessageStore store;

    @AfterEach
    void tearDown() {
        if (store != null) {
            store.shutdown();
        }
    }

    private Map<String, String> runtimeInfo(MessageStoreConfig config) throws Exception {
        store = new DefaultMessageStore(config, null);
        assertTrue(store.load());
        store.start();
        assertEquals(PutMessageStatus.PUT_OK, store.putMessage(StoreTestSupport.message("RT", 0,
            StoreTestSupport.body("x"), null, null)).getPutMessageStatus());
        return store.getRuntimeInfo();
    }

    @Test
    void diskFiguresAreReportedPerCommitLogDirectoryWithCapacity() throws Exception {
        MessageStoreConfig config = StoreTestSupport.smallConfig(dir);
        Map<String, String> info = runtimeInfo(config);
        String commitLogDir = config.getStorePathCommitLog();
        assertEquals(info.get("commitLogDiskRatio"), info.get("commitLogDiskRatio_" + commitLogDir));
        double ratio = Double.parseDouble(info.get("commitLogDiskRatio"));
        assertTrue(ratio > 0 && ratio <= 1, info.toString());
        assertEquals(ratio, Math.round(ratio * 100) / 100.0, "whole percent");
        assertTrue(info.get("commitLogDirCapacity").matches("Total : \\d+(\\.\\d)? [KMGTPE]?i?B, Free : \\d+(\\.\\d)?"
            + " [KMGTPE]?i?B\\."), info.get("commitLogDirCapacity"));
        assertTrue(info.get("remainHowManyDataToFlush").matches("\\d+(\\.\\d)? [KMGTPE]?i?B"),
            info.get("remainHowManyDataToFlush"));
        assertTrue(info.get("putLatency99").matches("\\d+\\.\\d\\d"), info.get("putLatency99"));
    }

    @Test
    void remainingDataToCommitIsReportedOnlyWithTheTransientStorePool() throws Exception {
        assertFalse(runtimeInfo(StoreTestSupport.smallConfig(dir)).containsKey("remainHowManyDataToCommit"));
        store.shutdown();
        MessageStoreConfig pooled = StoreTestSupport.smallConfig(dir.resolve("pooled"));
        pooled.setTransientStorePoolEnable(true);
        pooled.setTransientStorePoolSize(2);
        store = null;
        assertTrue(runtimeInfo(pooled).get("remainHowManyDataToCommit").endsWith("B"));
    }

    @Test
    void delayLevelsWithoutDeliveredMessagesHaveNoScheduleOffsetKey() throws Exception {
        Map<String, String> info = runtimeInfo(StoreTestSupport.smallConfig(dir));
        Set<String> scheduleKeys = new TreeSet<>();
        info.keySet().stream().filter(key -> key.startsWith("scheduleMessageOffset_")).forEach(scheduleKeys::add);
        assertEquals(Set.of(), scheduleKeys);
    }

    @Test
    void usedPercentIsAWholePercentRoundedUpAndMinusOneForAMissingDirectory() {
        double used = StoreRuntimeInfo.usedPercent(dir.toFile());
        assertTrue(used > 0 && used <= 1, String.valueOf(used));
        assertEquals(-1, StoreRuntimeInfo.usedPercent(new File(dir.toFile(), "missing")));
    }
}
