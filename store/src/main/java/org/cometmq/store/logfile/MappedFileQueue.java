package org.cometmq.store.logfile;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cometmq.store.SelectMappedBufferResult;
import org.cometmq.store.stats.LatencyHistogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ordered files of one log (the commit log, or one consume queue) in one directory. File {@code n} starts
 * at global offset {@code first + n * mappedFileSize}; appends go to the last file and a new one is created
 * when it is full. Tracks how far the log has been committed and flushed.
 */
public class MappedFileQueue {

    private static final Logger LOG = LoggerFactory.getLogger(MappedFileQueue.class);
    private static final int DELETE_FILES_BATCH_MAX = 10;

    private final String storePath;
    private final int mappedFileSize;
    private final CopyOnWriteArrayList<MappedFile> mappedFiles = new CopyOnWriteArrayList<>();
    private final TransientStorePool transientStorePool;
    private volatile long flushedWhere = 0;
    private volatile long committedWhere = 0;
    private volatile long storeTimestamp = 0;
    private volatile LatencyHistogram flushLatency;
    private volatile java.util.function.Consumer<MappedFile> fileCreatedListener;
    private volatile int reserveAhead = MappedFile.DEFAULT_RESERVE_AHEAD;

    public MappedFileQueue(String storePath, int mappedFileSize) {
        this(storePath, mappedFileSize, null);
    }

    /** @param transientStorePool pool for new files' write buffers, or {@code null} to write into the mapping */
    public MappedFileQueue(String storePath, int mappedFileSize, TransientStorePool transientStorePool) {
        this.storePath = storePath;
        this.mappedFileSize = mappedFileSize;
        this.transientStorePool = transientStorePool;
    }

    /**
     * Maps the existing files in name order, positions set to full; recovery corrects the last ones. Returns
     * false when a file cannot be mapped or is larger than the configured size.
     */
    public boolean load() {
        File[] files = new File(storePath).listFiles();
        if (files == null) {
            return true;
        }
        Arrays.sort(files, Comparator.comparing(File::getName));
        for (File file : files) {
            if (!file.isFile() || !MappedFile.isLogFileName(file.getName())) {
                continue;
            }
            if (file.length() > mappedFileSize) {
                LOG.error("file {} has {} bytes, more than the configured {}: check mappedFileSize settings",
                    file, file.length(), mappedFileSize);
                return false;
            }
            try {
                MappedFile mappedFile = new MappedFile(file.getPath(), mappedFileSize);
                mappedFile.setReserveAhead(reserveAhead);
                mappedFile.setWrotePosition(mappedFileSize);
                mappedFile.setFlushedPosition(mappedFileSize);
                mappedFile.setCommittedPosition(mappedFileSize);
                mappedFiles.add(mappedFile);
            } catch (IOException e) {
                LOG.error("loading {} failed", file, e);
                return false;
            }
        }
        LOG.info("loaded {} files from {}", mappedFiles.size(), storePath);
        return true;
    }

    /** Logs an error for every gap or overlap between consecutive files; returns true when contiguous. */
    public boolean checkSelf() {
        boolean contiguous = true;
        MappedFile previous = null;
        for (MappedFile current : mappedFiles) {
            if (previous != null && current.getFileFromOffset() - previous.getFileFromOffset() != mappedFileSize) {
                LOG.error("files {} and {} of {} are not contiguous", previous.getFileName(), current.getFileName(), storePath);
                contiguous = false;
            }
            previous = current;
        }
        return contiguous;
    }

    /**
     * The file to append to: the last one, or a new one when it is full or the queue is empty (starting at
     * {@code startOffset} rounded down to a file boundary). Returns {@code null} when a needed file cannot be
     * created or {@code needCreate} is false.
     */
    public MappedFile getLastMappedFile(long startOffset, boolean needCreate) {
        MappedFile last = getLastMappedFile();
        long createOffset = -1;
        if (last == null) {
            createOffset = startOffset - (startOffset % mappedFileSize);
        } else if (last.isFull()) {
            createOffset = last.getFileFromOffset() + mappedFileSize;
        }
        if (createOffset == -1 || !needCreate) {
            return last;
        }
        return createMappedFile(createOffset);
    }

    public MappedFile getLastMappedFile(long startOffset) {
        return getLastMappedFile(startOffset, true);
    }

    private synchronized MappedFile createMappedFile(long createOffset) {
        MappedFile last = getLastMappedFile();
        if (last != null && last.getFileFromOffset() >= createOffset) {
            return last;
        }
        String path = storePath + File.separator + MappedFile.fileNameOf(createOffset);
        try {
            MappedFile mappedFile = new MappedFile(path, mappedFileSize, transientStorePool);
            mappedFile.setReserveAhead(reserveAhead);
            if (mappedFiles.isEmpty()) {
                mappedFile.setFirstCreateInQueue(true);
            }
            java.util.function.Consumer<MappedFile> listener = fileCreatedListener;
            if (listener != null) {
                listener.accept(mappedFile);
            }
            mappedFiles.add(mappedFile);
            return mappedFile;
        } catch (IOException e) {
            LOG.error("creating file {} failed", path, e);
            return null;
        }
    }

    /** Bytes each file reserves on disk ahead of its appends (set before {@link #load()}). */
    public void setReserveAhead(int bytes) {
        this.reserveAhead = bytes;
    }

    public MappedFile getLastMappedFile() {
        while (!mappedFiles.isEmpty()) {
            try {
                return mappedFiles.get(mappedFiles.size() - 1);
            } catch (IndexOutOfBoundsException e) {
                // Shrunk concurrently; look again.
            }
        }
        return null;
    }

    public MappedFile getFirstMappedFile() {
        while (!mappedFiles.isEmpty()) {
            try {
                return mappedFiles.get(0);
            } catch (IndexOutOfBoundsException e) {
                // Shrunk concurrently; look again.
            }
        }
        return null;
    }

    /** The file holding global {@code offset}; when none does, the first file if asked, else {@code null}. */
    public MappedFile findMappedFileByOffset(long offset, boolean returnFirstOnNotFound) {
        MappedFile first = getFirstMappedFile();
        MappedFile last = getLastMappedFile();
        if (first == null || last == null) {
            return null;
        }
        if (offset >= first.getFileFromOffset() && offset < last.getFileFromOffset() + mappedFileSize) {
            int index = (int) ((offset / mappedFileSize) - (first.getFileFromOffset() / mappedFileSize));
            try {
                MappedFile candidate = mappedFiles.get(index);
                if (contains(candidate, offset)) {
                    return candidate;
                }
            } catch (IndexOutOfBoundsException e) {
                // Files were deleted meanwhile; fall back to a scan.
            }
            for (MappedFile mappedFile : mappedFiles) {
                if (contains(mappedFile, offset)) {
                    return mappedFile;
                }
            }
        }
        return returnFirstOnNotFound ? first : null;
    }

    public MappedFile findMappedFileByOffset(long offset) {
        return findMappedFileByOffset(offset, false);
    }

    private boolean contains(MappedFile mappedFile, long offset) {
        return offset >= mappedFile.getFileFromOffset() && offset < mappedFile.getFileFromOffset() + mappedFileSize;
    }

    /** The first file modified at or after {@code timestamp}, else the last file. */
    public MappedFile getMappedFileByTime(long timestamp) {
        MappedFile result = null;
        for (MappedFile mappedFile : mappedFiles) {
            result = mappedFile;
            if (mappedFile.getLastModifiedTimestamp() >= timestamp) {
                return mappedFile;
            }
        }
        return result;
    }

    /**
     * Sets every position to {@code offset}: the file holding it is cut there, files after it are deleted
     * (recovery of a torn tail).
     */
    public void truncateDirtyFiles(long offset) {
        List<MappedFile> willRemove = new ArrayList<>();
        for (MappedFile file : mappedFiles) {
            long fileTailOffset = file.getFileFromOffset() + mappedFileSize;
            if (fileTailOffset > offset) {
                if (offset >= file.getFileFromOffset()) {
                    int position = (int) (offset % mappedFileSize);
                    file.setWrotePosition(position);
                    file.setCommittedPosition(position);
                    file.setFlushedPosition(position);
                    file.zeroTail(position);
                } else {
                    file.destroy(1000);
                    willRemove.add(file);
                }
            }
        }
        mappedFiles.removeAll(willRemove);
        if (!willRemove.isEmpty()) {
            LOG.info("truncated {} at {}: deleted {} files after it", storePath, offset, willRemove.size());
        }
    }

    /** Deletes the last file (a consume queue that is entirely past the commit log's end). */
    public void deleteLastMappedFile() {
        MappedFile last = getLastMappedFile();
        if (last != null) {
            last.destroy(1000);
            mappedFiles.remove(last);
            LOG.info("deleted last file {}", last.getFileName());
        }
    }

    /**
     * Deletes files (never the last) last modified more than {@code expiredTime} ms ago, or regardless of age
     * when {@code cleanImmediately}; at most 10 per call, pausing {@code deleteFilesInterval} ms between two.
     * Stops at the first file that is too young or still held by a reader. Returns how many were deleted.
     */
    public int deleteExpiredFileByTime(long expiredTime, int deleteFilesInterval, long intervalForcibly,
                                       boolean cleanImmediately) {
        return deleteExpiredFileByTime(expiredTime, deleteFilesInterval, intervalForcibly, cleanImmediately,
            Long.MAX_VALUE);
    }

    /**
     * As above, but with {@code cleanImmediately} a file that has not expired goes only when it ends at or below
     * {@code cleanableBelow} (the first offset something still needs); expired files go regardless.
     */
    public int deleteExpiredFileByTime(long expiredTime, int deleteFilesInterval, long intervalForcibly,
                                       boolean cleanImmediately, long cleanableBelow) {
        MappedFile[] files = mappedFiles.toArray(new MappedFile[0]);
        List<MappedFile> deleted = new ArrayList<>();
        for (int i = 0; i < files.length - 1; i++) {
            MappedFile file = files[i];
            boolean expired = System.currentTimeMillis() >= file.getLastModifiedTimestamp() + expiredTime;
            boolean cleanable = cleanImmediately && file.getFileFromOffset() + file.getFileSize() <= cleanableBelow;
            if (!expired && !cleanable) {
                break;
            }
            if (!file.destroy(intervalForcibly)) {
                break;
            }
            deleted.add(file);
            if (deleted.size() >= DELETE_FILES_BATCH_MAX) {
                break;
            }
            pause(deleteFilesInterval, i + 1 < files.length - 1);
        }
        mappedFiles.removeAll(deleted);
        return deleted.size();
    }

    /**
     * Deletes files (never the last) whose last {@code unitSize}-byte entry refers to a commit-log offset below
     * {@code offset}: the first 8 bytes of an entry are its commit-log offset. Returns how many were deleted.
     */
    public int deleteExpiredFileByOffset(long offset, int unitSize) {
        MappedFile[] files = mappedFiles.toArray(new MappedFile[0]);
        List<MappedFile> deleted = new ArrayList<>();
        for (int i = 0; i < files.length - 1; i++) {
            MappedFile file = files[i];
            SelectMappedBufferResult lastUnit = file.selectMappedBuffer(mappedFileSize - unitSize);
            boolean destroy;
            if (lastUnit != null) {
                long maxOffsetInLogicQueue = lastUnit.getByteBuffer().getLong(0);
                lastUnit.release();
                destroy = maxOffsetInLogicQueue < offset;
            } else if (!file.isAvailable()) {
                destroy = true;
            } else {
                LOG.warn("cannot read the last entry of {}; stop deleting", file.getFileName());
                break;
            }
            if (!destroy || !file.destroy(1000 * 60)) {
                break;
            }
            deleted.add(file);
        }
        mappedFiles.removeAll(deleted);
        return deleted.size();
    }

    /** Retries deleting the first file when an earlier attempt left it shut down but alive. */
    public boolean retryDeleteFirstFile(long intervalForcibly) {
        MappedFile first = getFirstMappedFile();
        if (first == null || first.isAvailable()) {
            return false;
        }
        LOG.warn("retrying deletion of {}", first.getFileName());
        if (first.destroy(intervalForcibly)) {
            mappedFiles.remove(first);
            return true;
        }
        return false;
    }

    private static void pause(int millis, boolean needed) {
        if (millis <= 0 || !needed) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Flushes the file holding the flushed position. Returns true when nothing was flushed (the flushed
     * position did not move).
     */
    /** Records the time of every flush that writes something (the commit log's queue only; null: none). */
    public void setFlushLatency(LatencyHistogram flushLatency) {
        this.flushLatency = flushLatency;
    }

    public boolean flush(int flushLeastPages) {
        MappedFile mappedFile = findMappedFileByOffset(flushedWhere, flushedWhere == 0);
        if (mappedFile == null) {
            mappedFile = firstIfBelow(flushedWhere);
            if (mappedFile == null) {
                return true;
            }
            flushedWhere = mappedFile.getFileFromOffset();
        }
        long tmpTimestamp = mappedFile.getStoreTimestamp();
        LatencyHistogram latency = flushLatency;
        long begin = latency == null ? 0 : System.nanoTime();
        int offset = mappedFile.flush(flushLeastPages);
        long where = mappedFile.getFileFromOffset() + offset;
        boolean unchanged = where == flushedWhere;
        if (latency != null && !unchanged) {
            latency.recordNanos(System.nanoTime() - begin);
        }
        flushedWhere = where;
        if (flushLeastPages == 0) {
            storeTimestamp = tmpTimestamp;
        }
        return unchanged;
    }

    /** Commits the transient-pool buffer of the file holding the committed position; true when nothing moved. */
    public boolean commit(int commitLeastPages) {
        MappedFile mappedFile = findMappedFileByOffset(committedWhere, committedWhere == 0);
        if (mappedFile == null) {
            mappedFile = firstIfBelow(committedWhere);
            if (mappedFile == null) {
                return true;
            }
            committedWhere = mappedFile.getFileFromOffset();
        }
        int offset = mappedFile.commit(commitLeastPages);
        long where = mappedFile.getFileFromOffset() + offset;
        boolean unchanged = where == committedWhere;
        committedWhere = where;
        return unchanged;
    }

    /** The first file when {@code where} points below it (files it pointed into were deleted), else null. */
    private MappedFile firstIfBelow(long where) {
        MappedFile first = getFirstMappedFile();
        return first != null && where < first.getFileFromOffset() ? first : null;
    }

    /** Global offset of the first byte still stored, or -1 when empty. */
    public long getMinOffset() {
        MappedFile first = getFirstMappedFile();
        return first == null ? -1 : first.getFileFromOffset();
    }

    /** Global offset one past the last readable byte, or 0 when empty. */
    public long getMaxOffset() {
        MappedFile last = getLastMappedFile();
        return last == null ? 0 : last.getFileFromOffset() + last.getReadPosition();
    }

    /** Global offset one past the last appended byte, committed or not. */
    public long getMaxWrotePosition() {
        MappedFile last = getLastMappedFile();
        return last == null ? 0 : last.getFileFromOffset() + last.getWrotePosition();
    }

    public long remainHowManyDataToCommit() {
        return getMaxWrotePosition() - committedWhere;
    }

    public long remainHowManyDataToFlush() {
        return getMaxOffset() - flushedWhere;
    }

    /** Total bytes of mapped files. */
    public long getMappedMemorySize() {
        return (long) mappedFiles.size() * mappedFileSize;
    }

    /** Shuts every file down (no new readers), for store shutdown. */
    public void shutdown(long intervalForcibly) {
        for (MappedFile mappedFile : mappedFiles) {
            mappedFile.shutdown(intervalForcibly);
            mappedFile.close();
        }
    }

    /** Deletes every file and the directory. */
    public void destroy() {
        for (MappedFile mappedFile : mappedFiles) {
            mappedFile.destroy(1000 * 3);
        }
        mappedFiles.clear();
        flushedWhere = 0;
        committedWhere = 0;
        File dir = new File(storePath);
        if (dir.isDirectory() && !dir.delete()) {
            LOG.debug("directory {} not deleted (not empty)", storePath);
        }
    }

    /** Called with each new file before it is used (pre-touch warm-up). */
    public void setFileCreatedListener(java.util.function.Consumer<MappedFile> fileCreatedListener) {
        this.fileCreatedListener = fileCreatedListener;
    }

    public List<MappedFile> getMappedFiles() {
        return mappedFiles;
    }

    public int getMappedFileSize() {
        return mappedFileSize;
    }

    public String getStorePath() {
        return storePath;
    }

    public long getFlushedWhere() {
        return flushedWhere;
    }

    public void setFlushedWhere(long flushedWhere) {
        this.flushedWhere = flushedWhere;
    }

    public long getCommittedWhere() {
        return committedWhere;
    }

    public void setCommittedWhere(long committedWhere) {
        this.committedWhere = committedWhere;
    }

    /** Store time of the last message flushed by a thorough (least pages 0) flush. */
    public long getStoreTimestamp() {
        return storeTimestamp;
    }
}
