package org.cometmq.store.logfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Disk blocks under a mapping are allocated through the channel before the mapping is written (SIGBUS guard). */
class BlockReservationTest {

    @TempDir
    Path dir;

    @Test
    void appendsAllocateAWindowAheadAndTheRestStaysSparse() throws Exception {
        MappedFile file = new MappedFile(dir.resolve(MappedFile.fileNameOf(0)).toString(), 8 * 1024 * 1024);
        file.setReserveAhead(256 * 1024);
        long sparse = allocatedBytes(file.getFile().toPath());
        assertTrue(file.appendMessage(new byte[100]));
        long reserved = allocatedBytes(file.getFile().toPath());
        assertTrue(reserved - sparse >= 256 * 1024, "window allocated: " + (reserved - sparse));
        assertTrue(reserved < 2 * 1024 * 1024, "the file stays sparse beyond the window: " + reserved);
        file.destroy(0);
    }

    @Test
    void keepingContentAllocatesWithoutChangingBytes() throws Exception {
        Path path = dir.resolve(MappedFile.fileNameOf(0));
        MappedFile file = new MappedFile(path.toString(), 64 * 1024);
        file.getMappedByteBuffer().put(10, (byte) 7);
        file.reserveKeepingContent(0, 64 * 1024);
        assertEquals(7, file.getMappedByteBuffer().get(10));
        assertTrue(allocatedBytes(path) >= 64 * 1024);
        file.destroy(0);
    }

    @Test
    void aFailedReservationWritesNothingAndSaysWhy() throws Exception {
        Path path = dir.resolve(MappedFile.fileNameOf(0));
        MappedFile file = new MappedFile(path.toString(), 64 * 1024);
        assertTrue(file.appendMessage(new byte[] {1, 2, 3}));
        file.setReserveAhead(0);
        file.getFileChannel().close(); // any channel failure stands for "No space left on device"
        DiskSpaceException e = assertThrows(DiskSpaceException.class, () -> file.appendMessage(new byte[] {4}));
        assertTrue(e.getMessage().contains("cannot reserve disk blocks"), e.getMessage());
        assertEquals(3, file.getWrotePosition(), "nothing appended");
        assertThrows(DiskSpaceException.class, () -> file.appendMessage("x",
            (from, buffer, position, maxBlank, msg) -> {
                throw new AssertionError("the callback must not run without reserved blocks");
            }, 10));
        byte[] head = new byte[4];
        file.getMappedByteBuffer().get(0, head);
        assertArrayEquals(new byte[] {1, 2, 3, 0}, head);
        file.destroy(0);
    }

    @Test
    void aCheckpointOnANewFileOwnsItsPage() throws Exception {
        Path path = dir.resolve("checkpoint");
        new org.cometmq.store.checkpoint.StoreCheckpoint(path.toString()).shutdown();
        assertEquals(MappedFile.OS_PAGE_SIZE, Files.size(path));
        assertTrue(allocatedBytes(path) >= MappedFile.OS_PAGE_SIZE);
    }

    /** Bytes of disk the file occupies (st_blocks * 512), from {@code stat}. */
    private static long allocatedBytes(Path path) throws IOException, InterruptedException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        }
        Process stat = new ProcessBuilder("stat", "-c", "%b %B", path.toString()).redirectErrorStream(true).start();
        String out = new String(stat.getInputStream().readAllBytes()).trim();
        assertTrue(stat.waitFor(10, TimeUnit.SECONDS));
        String[] parts = out.split(" ");
        return Long.parseLong(parts[0]) * Long.parseLong(parts[1]);
    }

}
