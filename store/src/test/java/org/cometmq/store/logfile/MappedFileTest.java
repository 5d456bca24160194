package org.cometmq.store.logfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.cometmq.store.SelectMappedBufferResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedFileTest {

    @TempDir
    Path dir;

    private MappedFile newFile(long offset, int size) throws Exception {
        return new MappedFile(dir.resolve(MappedFile.fileNameOf(offset)).toString(), size);
    }

    @Test
    void fileNameIsTwentyDigitOffset() {
        assertEquals("00000000000000000000", MappedFile.fileNameOf(0));
        assertEquals("00000000001073741824", MappedFile.fileNameOf(1073741824L));
        assertTrue(MappedFile.isLogFileName("00000000001073741824"));
        assertFalse(MappedFile.isLogFileName("00000000001073741824.tmp"));
    }

    @Test
    void appendSelectFlushAndReadBackThroughChannel() throws Exception {
        MappedFile file = newFile(4096, 4096);
        assertEquals(4096, file.getFileFromOffset());
        assertTrue(file.appendMessage(new byte[] {1, 2, 3, 4}));
        assertTrue(file.appendMessage(new byte[] {5, 6}));
        assertEquals(6, file.getWrotePosition());
        assertEquals(6, file.getReadPosition());
        SelectMappedBufferResult window = file.selectMappedBuffer(2, 3);
        assertEquals(4096 + 2, window.getStartOffset());
        byte[] read = new byte[3];
        window.getByteBuffer().get(read);
        assertArrayEquals(new byte[] {3, 4, 5}, read);
        window.release();
        assertNull(file.selectMappedBuffer(4, 3), "beyond the written bytes");
        assertEquals(6, file.flush(0));
        try (FileChannel channel = FileChannel.open(file.getFile().toPath(), StandardOpenOption.READ)) {
            ByteBuffer fromDisk = ByteBuffer.allocate(6);
            channel.read(fromDisk, 0);
            assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6}, fromDisk.array());
        }
        assertFalse(file.appendMessage(new byte[4091]), "does not fit");
        assertTrue(file.destroy(1000));
        assertFalse(file.getFile().exists());
    }

    @Test
    void flushWaitsForLeastPages() throws Exception {
        MappedFile file = newFile(0, 4 * MappedFile.OS_PAGE_SIZE);
        file.appendMessage(new byte[MappedFile.OS_PAGE_SIZE + 10]);
        assertEquals(0, file.flush(2), "one dirty page is below the threshold");
        file.appendMessage(new byte[MappedFile.OS_PAGE_SIZE]);
        assertEquals(2 * MappedFile.OS_PAGE_SIZE + 10, file.flush(2));
        file.destroy(0);
    }

    @Test
    void destroyWaitsForReadersAndUnmapsOnLastRelease() throws Exception {
        MappedFile file = newFile(0, 4096);
        file.appendMessage(new byte[] {9, 9, 9});
        SelectMappedBufferResult reader = file.selectMappedBuffer(0, 3);
        assertEquals(2, file.getRefCount());
        assertFalse(file.destroy(60_000), "a reader still holds it");
        assertTrue(file.getFile().exists());
        assertNull(file.selectMappedBuffer(0, 3), "no new readers once shut down");
        assertEquals(9, reader.getByteBuffer().get(2), "the held window stays readable");
        reader.release();
        assertTrue(file.isCleanupOver());
        assertTrue(file.destroy(60_000));
        assertFalse(file.getFile().exists());
    }

    @Test
    void forcedDestroyDeletesFileButKeepsMappingForItsReader() throws Exception {
        MappedFile file = newFile(0, 4096);
        file.appendMessage(new byte[] {7});
        SelectMappedBufferResult reader = file.selectMappedBuffer(0, 1);
        assertFalse(file.destroy(0) && file.isCleanupOver());
        assertFalse(file.getFile().exists(), "forced deletion removes the file");
        assertEquals(7, reader.getByteBuffer().get(0), "memory stays mapped until the reader releases");
        reader.release();
        assertTrue(file.isCleanupOver());
    }

    @Test
    void growsShortFileAndZeroTail() throws Exception {
        File path = dir.resolve(MappedFile.fileNameOf(0)).toFile();
        java.nio.file.Files.write(path.toPath(), new byte[] {1, 1, 1, 1, 1, 1});
        MappedFile file = new MappedFile(path.getPath(), 8192);
        assertEquals(8192, path.length());
        file.setWrotePosition(6);
        file.zeroTail(2);
        assertEquals(1, file.getMappedByteBuffer().get(1));
        assertEquals(0, file.getMappedByteBuffer().get(2));
        assertEquals(0, file.getMappedByteBuffer().get(5));
        file.destroy(0);
    }

    @Test
    void transientPoolCommitMakesDataReadable() throws Exception {
        TransientStorePool pool = new TransientStorePool(1, 4096);
        pool.init();
        MappedFile file = new MappedFile(dir.resolve(MappedFile.fileNameOf(0)).toString(), 4096, pool);
        assertEquals(0, pool.availableBufferNums());
        file.appendMessage(new byte[] {4, 5, 6});
        assertEquals(0, file.getReadPosition(), "not readable before commit");
        assertEquals(3, file.commit(0));
        assertEquals(3, file.getReadPosition());
        SelectMappedBufferResult window = file.selectMappedBuffer(0, 3);
        assertEquals(6, window.getByteBuffer().get(2));
        window.release();
        file.destroy(0);
        assertEquals(1, pool.availableBufferNums(), "buffer returned on destroy");
        pool.destroy();
    }
}
