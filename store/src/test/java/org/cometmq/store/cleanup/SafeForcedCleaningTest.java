package org.cometmq.store.cleanup;

import static org.cometmq.store.StoreTestSupport.await;
import static org.cometmq.store.StoreTestSupport.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cometmq.store.DefaultMessageStore;
import org.cometmq.store.PutMessageResult;
import org.cometmq.store.PutMessageStatus;
import org.cometmq.store.StoreTestSupport;
import org.cometmq.store.config.MessageStoreConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forced cleaning with the consumer groups in view: by default only what every group consumed goes, and with
 * nothing deletable writes stop until the group catches up; with cleanFileForciblyEnable the unconsumed data goes
 * and each lost range is recorded; expiry of unconsumed data is recorded the same way.
 */
class SafeForcedCleaningTest {

    private static final String TOPIC = "SafeTopic";
    private static final String GROUP = "slowGroup";

    @TempDir
    Path dir;

    private final Map<Integer, Long> groupOffsets = new ConcurrentHashMap<>();
    private DefaultMessageStore store;
    private int sent;

    @AfterEach
    void shutdown() {
        if (store != null) {
            store.shutdown();
        }
    }

    /** Usage grows with the number of commit-log files: 5 or more is above the warning level. */
    private void start(boolean cleanForcibly) throws Exception {
        MessageStoreConfig config = StoreTestSupport.smallConfig(dir);
        config.setCleanFileForciblyEnable(cleanForcibly);
        DefaultMessageStore[] holder = new DefaultMessageStore[1];
        DiskSpaceProvider disk = path -> {
            DefaultMessageStore s = holder[0];
            int files = s == null ? 0 : s.getCommitLog().getMappedFileQueue().getMappedFiles().size();
            return Math.min(0.99, 0.5 + 0.1 * files);
        };
        store = new DefaultMessageStore(config, null, disk);
        holder[0] = store;
        assertTrue(store.load());
        store.start();
        store.setConsumedOffsetView(() -> Map.of(TOPIC, Map.of(GROUP, new HashMap<>(groupOffsets))));
    }

    private void fillToFiles(int files) throws Exception {
        while (store.getCommitLog().getMappedFileQueue().getMappedFiles().size() < files) {
            PutMessageResult r = store.putMessage(message(TOPIC, 0, new byte[500], null, null));
            assertEquals(PutMessageStatus.PUT_OK, r.getPutMessageStatus());
            sent++;
        }
        assertTrue(await(() -> store.dispatchBehindBytes() == 0, 10_000));
    }

    private int fileCount() {
        return store.getCommitLog().getMappedFileQueue().getMappedFiles().size();
    }

    /**
     * Runs cleaning passes until {@code done}: a reader (the flush service behind on a busy machine) may hold the
     * oldest file a moment, and then its destroy waits for the next pass, as in 4.9.7.
     */
    private void cleanUntil(java.util.function.BooleanSupplier done, String what) throws InterruptedException {
        assertTrue(await(() -> {
            store.cleanFilesPeriodically();
            return done.getAsBoolean();
        }, 10_000), what);
    }

    @Test
    void forcedCleaningKeepsWhatTheGroupHasNotConsumed() throws Exception {
        start(false);
        groupOffsets.put(0, 0L);
        fillToFiles(5);
        store.cleanFilesPeriodically();
        assertEquals(5, store.getCommitLog().getMappedFileQueue().getMappedFiles().size(), "nothing consumed, all kept");
        assertTrue(store.getRunningFlags().isDiskFull());
        assertEquals(PutMessageStatus.SERVICE_NOT_AVAILABLE,
            store.putMessage(message(TOPIC, 0, new byte[10], null, null)).getPutMessageStatus());
        assertEquals(sent, store.getMaxOffsetInQueue(TOPIC, 0), "reads still see every message");

        long consumed = sent / 2;
        groupOffsets.put(0, consumed);
        cleanUntil(() -> fileCount() < 5, "the consumed files went");
        long min = store.getMinOffsetInQueue(TOPIC, 0);
        assertTrue(min > 0 && min <= consumed, "only consumed files went: min " + min + ", consumed " + consumed);
        assertFalse(store.getRunningFlags().isDiskFull(), "below the warning level again: writes resume at once");
        assertEquals(PutMessageStatus.PUT_OK,
            store.putMessage(message(TOPIC, 0, new byte[10], null, null)).getPutMessageStatus());
        assertEquals(0, store.getLostDataLedger().totalLostMessages());
        assertEquals("0", store.getRuntimeInfo().get(LostDataLedger.LOST_MSG_COUNT_KEY));
    }

    @Test
    void cleanFileForciblyEnableDeletesUnconsumedDataAndRecordsTheRange() throws Exception {
        start(true);
        groupOffsets.put(0, 7L);
        fillToFiles(5);
        cleanUntil(() -> fileCount() == 1, "all files but the last went");
        long min = store.getMinOffsetInQueue(TOPIC, 0);
        assertEquals(min - 7, store.getLostDataLedger().totalLostMessages());
        assertEquals(min - 7, store.getLostMessageCount(GROUP, TOPIC, 0));
        HashMap<String, String> info = store.getRuntimeInfo();
        assertEquals(String.valueOf(min - 7), info.get(LostDataLedger.LOST_MSG_COUNT_KEY));
        assertEquals("1", info.get(LostDataLedger.LOST_RANGE_COUNT_KEY));
        assertEquals(GROUP + " " + TOPIC + " 0 [7," + min + ")", info.get(LostDataLedger.LOST_RANGES_KEY));
    }

    @Test
    void expiryOfUnconsumedDataIsRecorded() throws Exception {
        start(false);
        groupOffsets.put(0, 3L);
        fillToFiles(3);
        store.getMessageStoreConfig().setFileReservedTime(0);
        // Each manual request covers a bounded number of passes; repeat it while a reader defers the destroy.
        cleanUntil(() -> {
            store.executeDeleteFilesManually();
            return store.getMinOffsetInQueue(TOPIC, 0) > 3;
        }, "expired files went although unconsumed");
        long min = store.getMinOffsetInQueue(TOPIC, 0);
        assertEquals(min - 3, store.getLostMessageCount(GROUP, TOPIC, 0));
        assertEquals(0, store.getLostMessageCount("otherGroup", TOPIC, 0));
    }

    @Test
    void lostRangesStartAtTheOldMinOrTheGroupOffset() {
        Map<String, Map<Integer, Long>> groups = new HashMap<>();
        groups.put("behind", Map.of(0, 5L));
        groups.put("inside", Map.of(0, 15L));
        groups.put("ahead", Map.of(0, 40L));
        groups.put("otherQueueOnly", Map.of(1, 40L));
        List<LostDataLedger.LostRange> lost = CleanConsumeQueueService.lostRanges("T", 0, 10, 30, groups);
        lost.sort(java.util.Comparator.comparing(LostDataLedger.LostRange::group));
        assertEquals(List.of(new LostDataLedger.LostRange("behind", "T", 0, 10, 30),
            new LostDataLedger.LostRange("inside", "T", 0, 15, 30),
            new LostDataLedger.LostRange("otherQueueOnly", "T", 0, 10, 30)), lost);
    }
}
