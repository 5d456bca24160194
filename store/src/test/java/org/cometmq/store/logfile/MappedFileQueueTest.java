package org.cometmq.store.logfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedFileQueueTest {

    private static final int FILE_SIZE = 1024;

    @TempDir
    Path dir;

    private MappedFileQueue fillThreeFiles() {
        MappedFileQueue queue = new MappedFileQueue(dir.toString(), FILE_SIZE);
        byte[] chunk = new byte[256];
        for (int i = 0; i < 10; i++) {
            chunk[0] = (byte) i;
            MappedFile last = queue.getLastMappedFile(0);
            assertTrue(last.appendMessage(chunk));
        }
        return queue;
    }

    @Test
    void createsFilesByOffsetAndFindsThem() {
        MappedFileQueue queue = fillThreeFiles();
        assertEquals(3, queue.getMappedFiles().size());
        assertEquals(0, queue.getMinOffset());
        assertEquals(2560, queue.getMaxOffset());
        assertEquals(1024, queue.findMappedFileByOffset(1500).getFileFromOffset());
        assertEquals(2048, queue.findMappedFileByOffset(3071).getFileFromOffset());
        assertNull(queue.findMappedFileByOffset(3072));
        assertSame(queue.getFirstMappedFile(), queue.findMappedFileByOffset(99_999, true));
        assertTrue(queue.checkSelf());
        queue.destroy();
    }

    @Test
    void loadsSortedAndTruncatesDirtyTail() throws Exception {
        MappedFileQueue queue = fillThreeFiles();
        queue.flush(0);
        queue.shutdown(1000);
        Files.createFile(dir.resolve("not-a-log-file.tmp"));
        MappedFileQueue reloaded = new MappedFileQueue(dir.toString(), FILE_SIZE);
        assertTrue(reloaded.load());
        assertEquals(3, reloaded.getMappedFiles().size());
        assertEquals(3 * FILE_SIZE, reloaded.getMaxOffset(), "loaded files count as full until recovery");
        reloaded.truncateDirtyFiles(1300);
        assertEquals(2, reloaded.getMappedFiles().size());
        assertEquals(1300, reloaded.getMaxOffset());
        assertTrue(Files.notExists(dir.resolve(MappedFile.fileNameOf(2048))));
        assertEquals(0, reloaded.getLastMappedFile().getMappedByteBuffer().get(1300 - 1024), "tail zeroed");
        reloaded.destroy();
    }

    @Test
    void deletesExpiredFilesButNeverTheLast() {
        MappedFileQueue queue = fillThreeFiles();
        assertEquals(0, queue.deleteExpiredFileByTime(3_600_000, 0, 1000, false), "files are young");
        assertEquals(2, queue.deleteExpiredFileByTime(3_600_000, 0, 1000, true));
        assertEquals(1, queue.getMappedFiles().size());
        assertEquals(2048, queue.getMinOffset());
        queue.destroy();
    }

    @Test
    void flushAdvancesFlushedWhereAcrossFiles() {
        MappedFileQueue queue = fillThreeFiles();
        assertEquals(false, queue.flush(0));
        assertEquals(1024, queue.getFlushedWhere());
        queue.flush(0);
        queue.flush(0);
        assertEquals(2560, queue.getFlushedWhere());
        assertTrue(queue.flush(0), "nothing left to flush");
        queue.destroy();
    }

    @Test
    void flushSkipsFilesDeletedBeforeTheyWereFlushed() {
        MappedFileQueue queue = fillThreeFiles();
        assertEquals(2, queue.deleteExpiredFileByTime(0, 0, 1000, true));
        queue.flush(0);
        assertEquals(2560, queue.getFlushedWhere(), "flushing resumes at the first remaining file");
        queue.destroy();
    }
}
