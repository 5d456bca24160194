package org.cometmq.test.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Compares a slave's commit log with its master's over the first {@code length} bytes of the log, file by file
 * (files are named by the log offset they start at). Reading a broker's live files is safe below an offset it has
 * confirmed: appends only write above it.
 */
final class CommitLogPrefix {
    private static final int CHUNK = 1 << 20;

    private CommitLogPrefix() {
    }

    /**
     * The first log offset below {@code length} where the slave's bytes differ from the master's (or where either
     * has no file), -1 when {@code [0, length)} is byte-identical in both.
     */
    static long firstDifference(Path masterDir, Path slaveDir, long length) {
        long covered = 0;
        for (String name : fileNames(slaveDir)) {
            long start = Long.parseLong(name);
            if (start >= length) {
                break;
            }
            if (start != covered) {
                return covered; // a file is missing on the slave
            }
            Path master = masterDir.resolve(name);
            Path slave = slaveDir.resolve(name);
            if (!Files.exists(master)) {
                return start;
            }
            long needed = Math.min(length - start, size(slave));
            long common = Math.min(needed, size(master));
            long mismatch = firstFileDifference(master, slave, common);
            if (mismatch >= 0) {
                return start + mismatch;
            }
            if (common < needed) {
                return start + common; // the master's file ends where the slave's still holds data
            }
            covered = start + needed;
        }
        return covered >= length ? -1 : covered;
    }

    private static long firstFileDifference(Path master, Path slave, long size) {
        try (FileChannel m = FileChannel.open(master, StandardOpenOption.READ);
             FileChannel s = FileChannel.open(slave, StandardOpenOption.READ)) {
            ByteBuffer mb = ByteBuffer.allocate(CHUNK);
            ByteBuffer sb = ByteBuffer.allocate(CHUNK);
            for (long position = 0; position < size; position += CHUNK) {
                int n = (int) Math.min(CHUNK, size - position);
                byte[] mBytes = read(m, mb, position, n);
                byte[] sBytes = read(s, sb, position, n);
                int at = Arrays.mismatch(mBytes, sBytes);
                if (at >= 0) {
                    return position + at;
                }
            }
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compare " + master + " and " + slave, e);
        }
    }

    private static byte[] read(FileChannel channel, ByteBuffer buffer, long position, int n) throws IOException {
        buffer.clear().limit(n);
        while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) >= 0) {
            // a file read may return fewer bytes than asked
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot size " + file, e);
        }
    }

    private static List<String> fileNames(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
