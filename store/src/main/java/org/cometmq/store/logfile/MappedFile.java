package org.cometmq.store.logfile;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.cometmq.store.AppendMessageResult;
import org.cometmq.store.AppendMessageStatus;
import org.cometmq.store.SelectMappedBufferResult;
import org.cometmq.store.config.FlushDiskType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fixed-size memory-mapped file of a log, named by the 20-digit global offset of its first byte.
 *
 * <p>Three positions move forward independently: {@code wrote} (bytes appended), {@code committed} (bytes copied
 * from a transient-pool buffer to the file channel; equal to wrote without a pool) and {@code flushed} (bytes
 * forced to disk). Readers see data up to {@link #getReadPosition()}. Every reader window holds a reference, so
 * the mapping is unmapped only after the last window is released.
 */
public class MappedFile extends ReferenceResource {

    public static final int OS_PAGE_SIZE = 1024 * 4;
    /** Bytes reserved ahead of an append when the owner sets no other window (consume-queue sized). */
    public static final int DEFAULT_RESERVE_AHEAD = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(MappedFile.class);
    private static final AtomicLong TOTAL_MAPPED_VIRTUAL_MEMORY = new AtomicLong(0);
    private static final AtomicInteger TOTAL_MAPPED_FILES = new AtomicInteger(0);

    private final AtomicInteger wrotePosition = new AtomicInteger(0);
    private final AtomicInteger committedPosition = new AtomicInteger(0);
    private final AtomicInteger flushedPosition = new AtomicInteger(0);
    private final String fileName;
    private final long fileFromOffset;
    private final int fileSize;
    private final File file;
    private final FileChannel fileChannel;
    private final MappedByteBuffer mappedByteBuffer;
    private volatile BlockReservation reservation;
    /** Transient-pool buffer appends go to before commit; {@code null} without a pool or once fully committed. */
    private volatile ByteBuffer writeBuffer;
    private final TransientStorePool transientStorePool;
    private volatile long storeTimestamp = 0;
    private boolean firstCreateInQueue = false;
    private volatile boolean fileDeleted = false;

    public MappedFile(String fileName, int fileSize) throws IOException {
        this(fileName, fileSize, null);
    }

    /** Maps {@code fileName}, creating it or growing it to {@code fileSize} bytes when shorter. */
    public MappedFile(String fileName, int fileSize, TransientStorePool transientStorePool) throws IOException {
        this.fileName = fileName;
        this.fileSize = fileSize;
        this.file = new File(fileName);
        this.fileFromOffset = Long.parseLong(this.file.getName());
        ensureDirOK(this.file.getParent());
        RandomAccessFile raf = new RandomAccessFile(this.file, "rw");
        try {
            long length = raf.length();
            if (length != 0 && length != fileSize) {
                LOG.warn("file {} has {} bytes instead of {}; mapping it at the configured size", fileName, length, fileSize);
            }
            this.fileChannel = raf.getChannel();
            this.mappedByteBuffer = fileChannel.map(FileChannel.MapMode.READ_WRITE, 0, fileSize);
            this.reservation = new BlockReservation(fileName, fileChannel, fileSize, DEFAULT_RESERVE_AHEAD);
        } catch (IOException | RuntimeException e) {
            raf.close();
            throw new IOException("cannot map file " + fileName + " (" + fileSize + " bytes): " + e.getMessage(), e);
        }
        ByteBuffer pooled = transientStorePool != null ? transientStorePool.borrowBuffer() : null;
        this.writeBuffer = pooled;
        this.transientStorePool = pooled != null ? transientStorePool : null;
        TOTAL_MAPPED_VIRTUAL_MEMORY.addAndGet(fileSize);
        TOTAL_MAPPED_FILES.incrementAndGet();
    }

    /** The 20-digit zero-padded name of a file starting at global {@code offset}. */
    public static String fileNameOf(long offset) {
        String digits = Long.toString(offset);
        StringBuilder sb = new StringBuilder(20);
        for (int i = digits.length(); i < 20; i++) {
            sb.append('0');
        }
        return sb.append(digits).toString();
    }

    /** True when {@code name} looks like a log file name (20 decimal digits). */
    public static boolean isLogFileName(String name) {
        if (name.length() != 20) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    public static void ensureDirOK(String dirName) {
        if (dirName != null) {
            File dir = new File(dirName);
            if (!dir.exists() && !dir.mkdirs() && !dir.exists()) {
                LOG.warn("cannot create directory {}", dirName);
            }
        }
    }

    /** Sets how many bytes appends reserve ahead of what they need (see {@link BlockReservation}). */
    public void setReserveAhead(int bytes) {
        this.reservation = new BlockReservation(fileName, fileChannel, fileSize, bytes);
    }

    /** Appends one record through {@code callback} at the current write position (reserving the window ahead). */
    public <M> AppendMessageResult appendMessage(M msg, AppendMessageCallback<M> callback) {
        return appendMessage(msg, callback, 0);
    }

    /**
     * Appends one record of about {@code length} bytes through {@code callback} at the current write position.
     *
     * @throws DiskSpaceException when the blocks under the record cannot be reserved; nothing was written
     */
    public <M> AppendMessageResult appendMessage(M msg, AppendMessageCallback<M> callback, int length) {
        int currentPos = wrotePosition.get();
        if (currentPos >= fileSize) {
            LOG.error("append to full file {}: wrotePosition={} fileSize={}", fileName, currentPos, fileSize);
            return new AppendMessageResult(AppendMessageStatus.UNKNOWN_ERROR);
        }
        // room for the end-of-file blank a record that does not fit writes instead
        reserveForAppend(currentPos, Math.max(length, 8));
        ByteBuffer target = writeBuffer != null ? writeBuffer : mappedByteBuffer;
        AppendMessageResult result = callback.doAppend(fileFromOffset, target, currentPos, fileSize - currentPos, msg);
        wrotePosition.addAndGet(result.getWroteBytes());
        storeTimestamp = result.getStoreTimestamp();
        return result;
    }

    /** Appends raw bytes (consume-queue entries, replicated commit-log data); false when they do not fit. */
    public boolean appendMessage(byte[] data) {
        return appendMessage(data, 0, data.length);
    }

    public boolean appendMessage(byte[] data, int offset, int length) {
        int currentPos = wrotePosition.get();
        if (currentPos + length > fileSize) {
            return false;
        }
        reserveForAppend(currentPos, length);
        ByteBuffer target = writeBuffer != null ? writeBuffer : mappedByteBuffer;
        target.put(currentPos, data, offset, length);
        wrotePosition.addAndGet(length);
        return true;
    }

    /** Appends the remaining bytes of {@code data} without moving the caller-visible position of the file. */
    public boolean appendMessage(ByteBuffer data) {
        int length = data.remaining();
        int currentPos = wrotePosition.get();
        if (currentPos + length > fileSize) {
            return false;
        }
        reserveForAppend(currentPos, length);
        ByteBuffer target = writeBuffer != null ? writeBuffer : mappedByteBuffer;
        target.put(currentPos, data, data.position(), length);
        wrotePosition.addAndGet(length);
        return true;
    }

    /**
     * Makes sure the blocks of {@code [position, position + length)} exist before the mapping is written there,
     * plus the reservation window after it; bytes from {@code position} on may be overwritten with zeros. With a
     * transient-pool buffer the file is written through the channel, which reports a full disk by itself.
     *
     * @throws DiskSpaceException when they cannot be reserved
     */
    public void reserveForAppend(int position, int length) {
        if (writeBuffer != null) {
            return;
        }
        try {
            reservation.forAppend(position, length);
        } catch (IOException e) {
            throw new DiskSpaceException(e);
        }
    }

    /**
     * Reserves the blocks of {@code [from, to)} keeping their content, for regions written at random positions.
     *
     * @throws DiskSpaceException when they cannot be reserved
     */
    public void reserveKeepingContent(int from, int to) {
        try {
            reservation.keepingContent(from, to);
        } catch (IOException e) {
            throw new DiskSpaceException(e);
        }
    }

    /**
     * Forces written data to disk when at least {@code flushLeastPages} pages are dirty (0: whatever is dirty).
     * Returns the flushed position.
     */
    public int flush(int flushLeastPages) {
        if (!isAbleToFlush(flushLeastPages)) {
            return flushedPosition.get();
        }
        if (!hold()) {
            LOG.warn("flush skipped: file {} is being destroyed (refCount={})", fileName, refCount.get());
            flushedPosition.set(getReadPosition());
            return flushedPosition.get();
        }
        try {
            int from = flushedPosition.get();
            int value = getReadPosition();
            if (writeBuffer != null || transientStorePool != null) {
                fileChannel.force(false);
            } else if (value > from) {
                mappedByteBuffer.force(from, value - from);
            }
            flushedPosition.set(value);
        } catch (IOException | RuntimeException e) {
            LOG.error("flushing file {} failed", fileName, e);
        } finally {
            release();
        }
        return flushedPosition.get();
    }

    /**
     * Copies appended bytes from the transient-pool buffer to the file channel when at least
     * {@code commitLeastPages} pages are pending (0: whatever is pending). Returns the committed position.
     */
    public int commit(int commitLeastPages) {
        if (writeBuffer == null) {
            // Without a pool the data is in the mapping already.
            return wrotePosition.get();
        }
        if (isAbleToCommit(commitLeastPages)) {
            if (hold()) {
                try {
                    commit0();
                } finally {
                    release();
                }
            } else {
                LOG.warn("commit skipped: file {} is being destroyed (refCount={})", fileName, refCount.get());
            }
        }
        ByteBuffer buffer = writeBuffer;
        if (buffer != null && committedPosition.get() == fileSize) {
            writeBuffer = null;
            transientStorePool.returnBuffer(buffer);
        }
        return committedPosition.get();
    }

    private void commit0() {
        int writePos = wrotePosition.get();
        int lastCommitted = committedPosition.get();
        if (writePos <= lastCommitted) {
            return;
        }
        try {
            ByteBuffer pending = writeBuffer.slice(lastCommitted, writePos - lastCommitted);
            long position = lastCommitted;
            while (pending.hasRemaining()) {
                position += fileChannel.write(pending, position);
            }
            committedPosition.set(writePos);
        } catch (IOException e) {
            LOG.error("committing file {} failed", fileName, e);
        }
    }

    private boolean isAbleToFlush(int flushLeastPages) {
        int flushed = flushedPosition.get();
        int readable = getReadPosition();
        if (isFull()) {
            return readable > flushed;
        }
        if (flushLeastPages > 0) {
            return (readable / OS_PAGE_SIZE) - (flushed / OS_PAGE_SIZE) >= flushLeastPages;
        }
        return readable > flushed;
    }

    private boolean isAbleToCommit(int commitLeastPages) {
        int committed = committedPosition.get();
        int write = wrotePosition.get();
        if (isFull()) {
            return write > committed;
        }
        if (commitLeastPages > 0) {
            return (write / OS_PAGE_SIZE) - (committed / OS_PAGE_SIZE) >= commitLeastPages;
        }
        return write > committed;
    }

    public boolean isFull() {
        return fileSize == wrotePosition.get();
    }

    /** A window from {@code pos} of {@code size} bytes, or {@code null} when not readable or being destroyed. */
    public SelectMappedBufferResult selectMappedBuffer(int pos, int size) {
        int readPosition = getReadPosition();
        if (pos < 0 || size < 0 || pos + size > readPosition) {
            LOG.debug("select [{}, +{}) beyond read position {} of {}", pos, size, readPosition, fileName);
            return null;
        }
        if (!hold()) {
            return null;
        }
        ByteBuffer window = mappedByteBuffer.slice(pos, size);
        return new SelectMappedBufferResult(fileFromOffset + pos, window, size, this);
    }

    /** A window from {@code pos} to the read position, or {@code null}. */
    public SelectMappedBufferResult selectMappedBuffer(int pos) {
        int readPosition = getReadPosition();
        if (pos < 0 || pos >= readPosition || !hold()) {
            return null;
        }
        int size = readPosition - pos;
        ByteBuffer window = mappedByteBuffer.slice(pos, size);
        return new SelectMappedBufferResult(fileFromOffset + pos, window, size, this);
    }

    @Override
    protected boolean cleanup(long currentRef) {
        if (isAvailable()) {
            LOG.error("cleanup of {} refused: file still available", fileName);
            return false;
        }
        if (isCleanupOver()) {
            return true;
        }
        if (writeBuffer != null) {
            ByteBuffer buffer = writeBuffer;
            writeBuffer = null;
            transientStorePool.returnBuffer(buffer);
        }
        BufferCleaner.clean(mappedByteBuffer);
        TOTAL_MAPPED_VIRTUAL_MEMORY.addAndGet(-fileSize);
        TOTAL_MAPPED_FILES.decrementAndGet();
        LOG.debug("unmapped {}", fileName);
        return true;
    }

    /**
     * Shuts the file down and deletes it. Returns true once the file is gone; while readers still hold it and
     * {@code intervalForcibly} ms have not passed since the first attempt, returns false so the caller retries.
     * A forced deletion removes the file but leaves the mapping to its last reader, who unmaps it on release.
     */
    public boolean destroy(long intervalForcibly) {
        shutdown(intervalForcibly);
        if (!isCleanupOver() && !isShutdownForciblyDue(intervalForcibly)) {
            LOG.warn("destroy of {} deferred: {} readers still hold it", fileName, refCount.get());
            return false;
        }
        if (fileDeleted) {
            return true;
        }
        try {
            fileChannel.close();
            boolean deleted = file.delete() || !file.exists();
            fileDeleted = deleted;
            LOG.info("deleted file {} (wrote={}, flushed={}, unmapped={})", fileName, wrotePosition.get(),
                flushedPosition.get(), isCleanupOver());
            return deleted;
        } catch (IOException e) {
            LOG.warn("closing {} failed", fileName, e);
            return false;
        }
    }

    /**
     * Zeroes the file from {@code position} up to the first page that is already all zero, so bytes left from
     * before a truncation can never be read as valid data later. Recovery only; no concurrent writers.
     */
    public void zeroTail(int position) {
        ByteBuffer target = writeBuffer != null ? writeBuffer : mappedByteBuffer;
        int pos = position;
        while (pos < fileSize) {
            int pageEnd = Math.min(fileSize, (pos / OS_PAGE_SIZE + 1) * OS_PAGE_SIZE);
            boolean dirty = false;
            for (int i = pos; i < pageEnd; i++) {
                if (target.get(i) != 0) {
                    dirty = true;
                    target.put(i, (byte) 0);
                }
            }
            if (!dirty && pos % OS_PAGE_SIZE == 0) {
                break;
            }
            pos = pageEnd;
        }
    }

    /** Closes the channel without deleting the file (store shutdown). */
    public void close() {
        try {
            fileChannel.close();
        } catch (IOException e) {
            LOG.warn("closing {} failed", fileName, e);
        }
    }

    /**
     * Touches every page of the file so later appends do not page-fault; under SYNC_FLUSH forces every
     * {@code pages} pages to keep the dirty set bounded.
     */
    public void warmMappedFile(FlushDiskType type, int pages) {
        long begin = System.currentTimeMillis();
        if (writeBuffer == null) {
            try {
                reservation.forAppend(wrotePosition.get(), fileSize);
            } catch (IOException e) {
                LOG.warn("not warming {}: {}; appends reserve their blocks as they go", fileName, e.getMessage());
                return;
            }
        }
        ByteBuffer target = writeBuffer != null ? writeBuffer : mappedByteBuffer;
        int flushedPages = 0;
        for (int i = 0, page = 0; i < fileSize; i += OS_PAGE_SIZE, page++) {
            target.put(i, (byte) 0);
            if (type == FlushDiskType.SYNC_FLUSH && writeBuffer == null && page - flushedPages >= pages) {
                flushedPages = page;
                mappedByteBuffer.force();
            }
        }
        if (type == FlushDiskType.SYNC_FLUSH && writeBuffer == null) {
            mappedByteBuffer.force();
        }
        LOG.info("warmed {} in {} ms", fileName, System.currentTimeMillis() - begin);
    }

    /** Readable bytes: committed with a pool, else wrote. */
    public int getReadPosition() {
        return writeBuffer == null && transientStorePool == null ? wrotePosition.get() : committedPosition.get();
    }

    public long getFileFromOffset() {
        return fileFromOffset;
    }

    public String getFileName() {
        return fileName;
    }

    public int getFileSize() {
        return fileSize;
    }

    public File getFile() {
        return file;
    }

    public FileChannel getFileChannel() {
        return fileChannel;
    }

    /** The whole mapping; callers must hold a reference while using it. */
    public MappedByteBuffer getMappedByteBuffer() {
        return mappedByteBuffer;
    }

    /** A view of the whole mapping; callers must hold a reference while using it. */
    public ByteBuffer sliceByteBuffer() {
        return mappedByteBuffer.slice();
    }

    public int getWrotePosition() {
        return wrotePosition.get();
    }

    public void setWrotePosition(int pos) {
        wrotePosition.set(pos);
    }

    public int getCommittedPosition() {
        return committedPosition.get();
    }

    public void setCommittedPosition(int pos) {
        committedPosition.set(pos);
    }

    public int getFlushedPosition() {
        return flushedPosition.get();
    }

    public void setFlushedPosition(int pos) {
        flushedPosition.set(pos);
    }

    public long getStoreTimestamp() {
        return storeTimestamp;
    }

    public long getLastModifiedTimestamp() {
        return file.lastModified();
    }

    public boolean isFirstCreateInQueue() {
        return firstCreateInQueue;
    }

    public void setFirstCreateInQueue(boolean firstCreateInQueue) {
        this.firstCreateInQueue = firstCreateInQueue;
    }

    public static long getTotalMappedVirtualMemory() {
        return TOTAL_MAPPED_VIRTUAL_MEMORY.get();
    }

    public static int getTotalMappedFiles() {
        return TOTAL_MAPPED_FILES.get();
    }

    @Override
    public String toString() {
        return fileName;
    }
}
