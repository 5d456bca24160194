package org.cometmq.store;

import java.nio.ByteBuffer;
import org.cometmq.store.logfile.MappedFile;

/**
 * A read-only window on a mapped file that keeps the file mapped until {@link #release()}. The buffer may be
 * handed to a socket as is (zero copy); release it exactly once when done.
 */
public class SelectMappedBufferResult {

    private final long startOffset;
    private final ByteBuffer byteBuffer;
    private int size;
    private volatile MappedFile mappedFile;

    public SelectMappedBufferResult(long startOffset, ByteBuffer byteBuffer, int size, MappedFile mappedFile) {
        this.startOffset = startOffset;
        this.byteBuffer = byteBuffer;
        this.size = size;
        this.mappedFile = mappedFile;
    }

    /** The window; position 0 is {@link #getStartOffset()}. */
    public ByteBuffer getByteBuffer() {
        return byteBuffer;
    }

    public int getSize() {
        return size;
    }

    /** Shrinks the window to {@code size} bytes. */
    public void setSize(int size) {
        this.size = size;
        this.byteBuffer.limit(size);
    }

    /** Global offset (commit log or consume queue bytes) of the window's first byte. */
    public long getStartOffset() {
        return startOffset;
    }

    public MappedFile getMappedFile() {
        return mappedFile;
    }

    /** Drops this window's hold on its file; later calls do nothing. */
    public synchronized void release() {
        if (mappedFile != null) {
            mappedFile.release();
            mappedFile = null;
        }
    }
}
