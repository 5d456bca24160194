package org.cometmq.store.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.cometmq.store.SelectMappedBufferResult;
import org.cometmq.store.logfile.MappedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumeQueueTest {

    private static final int ENTRIES_PER_FILE = 10;
    private static final int FILE_SIZE = ENTRIES_PER_FILE * ConsumeQueue.CQ_STORE_UNIT_SIZE;

    @TempDir
    Path dir;

    /** Message i lies at commit-log offset 1000 + 100 * i, size 100, stored at time 5000 + 10 * i. */
    private final Map<Long, Long> storeTimes = new HashMap<>();
    private long commitLogMin = 0;

    private final StoreTimeLookup lookup = new StoreTimeLookup() {
        @Override
        public long pickupStoreTimestamp(long offset, int size) {
            return offset < commitLogMin ? -1 : storeTimes.getOrDefault(offset, -1L);
        }

        @Override
        public long getMinOffset() {
            return commitLogMin;
        }
    };

    private ConsumeQueue newQueue() {
        return new ConsumeQueue("T", 3, dir.toString(), FILE_SIZE, lookup);
    }

    private static long phy(int i) {
        return 1000 + 100L * i;
    }

    private ConsumeQueue filled(int count) {
        ConsumeQueue queue = newQueue();
        for (int i = 0; i < count; i++) {
            storeTimes.put(phy(i), 5000 + 10L * i);
            assertTrue(queue.putMessagePositionInfo(phy(i), 100, 7000 + i, i));
        }
        return queue;
    }

    @Test
    void entriesAreTwentyBytesAndReadBack() {
        ConsumeQueue queue = filled(25);
        assertEquals(0, queue.getMinOffsetInQueue());
        assertEquals(25, queue.getMaxOffsetInQueue());
        assertEquals(3, queue.getMappedFileQueue().getMappedFiles().size());
        assertEquals(phy(24) + 100, queue.getMaxPhysicOffset());
        SelectMappedBufferResult entries = queue.getIndexBuffer(12);
        ByteBuffer b = entries.getByteBuffer();
        assertEquals(8 * 20, entries.getSize(), "to the end of the second file");
        assertEquals(phy(12), b.getLong(0));
        assertEquals(100, b.getInt(8));
        assertEquals(7012, b.getLong(12));
        entries.release();
        assertEquals(20, queue.rollNextFile(12));
        queue.destroy();
    }

    @Test
    void replayedEntriesAreSkipped() {
        ConsumeQueue queue = filled(5);
        assertTrue(queue.putMessagePositionInfo(phy(3), 100, 1, 3));
        assertEquals(5, queue.getMaxOffsetInQueue());
        queue.destroy();
    }

    @Test
    void queueStartingLateIsPaddedWithBlankEntries() {
        ConsumeQueue queue = newQueue();
        assertTrue(queue.putMessagePositionInfo(phy(0), 100, 0, 13));
        assertEquals(13, queue.getMinOffsetInQueue());
        assertEquals(14, queue.getMaxOffsetInQueue());
        queue.destroy();
    }

    @Test
    void recoverStopsAtTornEntriesAndTruncateCutsAtCommitLogEnd() {
        ConsumeQueue queue = filled(25);
        queue.flush(0);
        MappedFile last = queue.getMappedFileQueue().getLastMappedFile();
        // Tear entries 22..24 (positions 2..4 of the last file).
        for (int i = 2 * 20; i < 5 * 20; i++) {
            last.getMappedByteBuffer().put(i, (byte) 0);
        }
        queue.getMappedFileQueue().shutdown(1000);
        ConsumeQueue reloaded = newQueue();
        assertTrue(reloaded.load());
        reloaded.recover(3);
        assertEquals(22, reloaded.getMaxOffsetInQueue());
        assertEquals(phy(21) + 100, reloaded.getMaxPhysicOffset());
        reloaded.truncateDirtyLogicFiles(phy(15));
        assertEquals(15, reloaded.getMaxOffsetInQueue());
        assertEquals(phy(14) + 100, reloaded.getMaxPhysicOffset());
        assertEquals(2, reloaded.getMappedFileQueue().getMappedFiles().size());
        assertTrue(reloaded.putMessagePositionInfo(phy(15), 100, 0, 15));
        assertEquals(16, reloaded.getMaxOffsetInQueue());
        reloaded.destroy();
    }

    /** Sets each file's modification time: the search by time picks its file by these. */
    private static void touchFiles(ConsumeQueue queue, long... millis) {
        for (int i = 0; i < millis.length; i++) {
            assertTrue(queue.getMappedFileQueue().getMappedFiles().get(i).getFile().setLastModified(millis[i]));
        }
    }

    @Test
    void offsetByTimeIsTheNearestEntryOfTheFileChosenByModificationTime() {
        ConsumeQueue queue = filled(25);
        touchFiles(queue, 5090, 5190, 5240);
        assertEquals(0, queue.getOffsetInQueueByTime(0), "before the first message: the first entry");
        assertEquals(0, queue.getOffsetInQueueByTime(5000));
        assertEquals(0, queue.getOffsetInQueueByTime(5004), "nearer to 5000 than to 5010");
        assertEquals(0, queue.getOffsetInQueueByTime(5005), "a tie goes to the older entry");
        assertEquals(1, queue.getOffsetInQueueByTime(5006));
        assertEquals(13, queue.getOffsetInQueueByTime(5130));
        assertEquals(8, queue.getOffsetInQueueByTime(5085));
        assertEquals(10, queue.getOffsetInQueueByTime(5095), "the second file is chosen: its first entry");
        assertEquals(24, queue.getOffsetInQueueByTime(5240));
        assertEquals(24, queue.getOffsetInQueueByTime(9999), "later than all: the last entry, not the max offset");
        queue.destroy();
    }

    @Test
    void offsetByTimeOfAnEmptyQueueIsZero() {
        ConsumeQueue queue = newQueue();
        assertEquals(0, queue.getOffsetInQueueByTime(System.currentTimeMillis()));
        queue.destroy();
    }

    @Test
    void offsetByTimeFindsOneOfEqualTimesByTheBinarySearchPath() {
        ConsumeQueue queue = newQueue();
        for (int i = 0; i < 7; i++) {
            storeTimes.put(phy(i), i < 5 ? 6000L : 6100L);
            assertTrue(queue.putMessagePositionInfo(phy(i), 100, 0, i));
        }
        touchFiles(queue, 7000);
        assertEquals(3, queue.getOffsetInQueueByTime(6000), "probes 3 first and stops there");
        assertEquals(5, queue.getOffsetInQueueByTime(6100), "probes 3, then 5 and stops there");
        queue.destroy();
    }

    @Test
    void offsetByTimeWhenCommitLogDataIsGoneOrUnreadable() {
        ConsumeQueue queue = filled(25);
        touchFiles(queue, 5090, 5190, 5240);
        commitLogMin = phy(25);
        assertEquals(0, queue.getOffsetInQueueByTime(0), "every entry of the file is below the commit log");
        assertEquals(9, queue.getOffsetInQueueByTime(5100), "second file: (start - 1) / unit");
        commitLogMin = 0;
        storeTimes.remove(phy(4));
        assertEquals(0, queue.getOffsetInQueueByTime(5040), "an unreadable store time answers 0");
        queue.destroy();
    }

    @Test
    void minOffsetFollowsCommitLogDeletion() {
        ConsumeQueue queue = filled(25);
        commitLogMin = phy(13);
        assertEquals(1, queue.deleteExpiredFile(commitLogMin), "only the first file is entirely below");
        assertEquals(13, queue.getMinOffsetInQueue());
        assertNull(queue.getIndexBuffer(12));
        touchFiles(queue, 5190, 5240);
        assertEquals(13, queue.getOffsetInQueueByTime(0), "the search starts at the min offset");
        assertEquals(12, queue.getMessageTotalInQueue());
        queue.destroy();
    }
}
