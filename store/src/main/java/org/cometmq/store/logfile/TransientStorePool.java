package org.cometmq.store.logfile;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Direct buffers, each one commit-log file large, that appends write into before a commit thread copies them to
 * the file channel. Keeps writers off the page cache's page faults; a buffer returns to the pool once its file
 * is fully committed.
 */
public class TransientStorePool {

    private static final Logger LOG = LoggerFactory.getLogger(TransientStorePool.class);

    private final int poolSize;
    private final int fileSize;
    private final ConcurrentLinkedDeque<ByteBuffer> availableBuffers = new ConcurrentLinkedDeque<>();

    public TransientStorePool(int poolSize, int fileSize) {
        this.poolSize = poolSize;
        this.fileSize = fileSize;
    }

    /** Allocates the buffers. */
    public void init() {
        for (int i = 0; i < poolSize; i++) {
            availableBuffers.offer(ByteBuffer.allocateDirect(fileSize));
        }
        LOG.info("transient store pool holds {} buffers of {} bytes", poolSize, fileSize);
    }

    /** Frees the buffers still in the pool. */
    public void destroy() {
        ByteBuffer buffer;
        while ((buffer = availableBuffers.poll()) != null) {
            BufferCleaner.clean(buffer);
        }
    }

    /** Hands a buffer back, cleared for its next file. */
    public void returnBuffer(ByteBuffer byteBuffer) {
        byteBuffer.clear();
        availableBuffers.offerFirst(byteBuffer);
    }

    /** A free buffer, or {@code null} when none is left. */
    public ByteBuffer borrowBuffer() {
        ByteBuffer buffer = availableBuffers.pollFirst();
        if (availableBuffers.size() < poolSize * 0.4) {
            LOG.warn("transient store pool is running low: {} of {} buffers left", availableBuffers.size(), poolSize);
        }
        return buffer;
    }

    public int availableBufferNums() {
        return availableBuffers.size();
    }

    public int getPoolSize() {
        return poolSize;
    }
}
