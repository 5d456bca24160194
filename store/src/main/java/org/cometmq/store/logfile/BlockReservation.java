package org.cometmq.store.logfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Makes sure the disk blocks under a file's mapping exist before the mapping is written. Files are created sparse;
 * the first store into a page that has no block asks the file system for one, and on a full device that fault kills
 * the whole JVM with SIGBUS. Writing through the {@link FileChannel} first allocates the blocks, and a full device
 * then answers with an {@link IOException} ("No space left on device") the store can turn into a refusal.
 *
 * <p>Appends reserve a window ahead of the write position, so the cost is one channel write per window and file
 * creation stays fast. Callers are the file's single writer; {@link #reservedUpTo()} only moves forward.
 */
final class BlockReservation {

    /** Bytes written per channel call: bounds the zero buffer and the time one call can take. */
    private static final int CHUNK = 1024 * 1024;
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(CHUNK).asReadOnlyBuffer();

    private final String fileName;
    private final FileChannel channel;
    private final int fileSize;
    private final int ahead;
    private volatile int reservedUpTo;

    /**
     * @param ahead bytes reserved beyond what an append needs, so most appends find their blocks reserved
     */
    BlockReservation(String fileName, FileChannel channel, int fileSize, int ahead) {
        this.fileName = fileName;
        this.channel = channel;
        this.fileSize = fileSize;
        this.ahead = Math.max(0, ahead);
    }

    /**
     * Reserves {@code [position, position + length)} for an append, with the window ahead of it. Bytes from
     * {@code position} on are overwritten with zeros: an append position has nothing valid after it.
     */
    void forAppend(int position, int length) throws IOException {
        int end = Math.min(fileSize, position + length);
        if (end <= reservedUpTo) {
            return;
        }
        int from = Math.max(position, reservedUpTo);
        int to = (int) Math.min(fileSize, (long) end + ahead);
        writeZeros(from, to);
    }

    /**
     * Reserves {@code [from, to)} keeping what the file holds there (random-access regions such as an index file's
     * hash slots). Reading a hole yields zeros and allocates nothing; writing the bytes back allocates the blocks.
     */
    void keepingContent(int from, int to) throws IOException {
        int end = Math.min(fileSize, to);
        int start = Math.max(from, 0);
        ByteBuffer chunk = ByteBuffer.allocateDirect(Math.min(CHUNK, Math.max(1, end - start)));
        for (int pos = start; pos < end; pos += chunk.capacity()) {
            chunk.clear().limit(Math.min(chunk.capacity(), end - pos));
            while (chunk.hasRemaining() && channel.read(chunk, pos + chunk.position()) >= 0) {
                // a short read of a file shorter than its mapping leaves zeros, as the mapping shows them
            }
            chunk.clear().limit(Math.min(chunk.capacity(), end - pos));
            writeFully(chunk, pos);
        }
        if (start <= reservedUpTo && end > reservedUpTo) {
            reservedUpTo = end;
        }
    }

    private void writeZeros(int from, int to) throws IOException {
        for (int pos = from; pos < to; ) {
            int length = Math.min(CHUNK, to - pos);
            ByteBuffer zeros = ZEROS.duplicate().limit(length);
            writeFully(zeros, pos);
            pos += length;
            reservedUpTo = pos;
        }
    }

    private void writeFully(ByteBuffer data, long position) throws IOException {
        long pos = position;
        try {
            while (data.hasRemaining()) {
                pos += channel.write(data, pos);
            }
        } catch (IOException e) {
            throw new IOException("cannot reserve disk blocks of " + fileName + " at " + pos + ": " + e.getMessage(), e);
        }
    }

    /** Bytes from 0 whose blocks are known to exist. */
    int reservedUpTo() {
        return reservedUpTo;
    }
}
