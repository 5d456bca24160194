package org.cometmq.store.index;

import java.io.File;
import java.io.IOException;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.cometmq.common.sysflag.MessageSysFlag;
import org.cometmq.store.DispatchRequest;
import org.cometmq.store.RunningFlags;
import org.cometmq.store.checkpoint.StoreCheckpoint;
import org.cometmq.store.config.MessageStoreConfig;
import org.cometmq.store.config.StorePathConfigHelper;
import org.cometmq.store.logfile.DiskSpaceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key index over all index files: {@code topic#key} for every KEYS token and the UNIQ_KEY of each message.
 * Files are named by creation time and filled in order; a full file is flushed in the background and its end
 * time recorded in the checkpoint.
 */
public class IndexService {

    private static final Logger LOG = LoggerFactory.getLogger(IndexService.class);
    private static final int MAX_TRY_IDX_CREATE = 3;

    private final MessageStoreConfig config;
    private final StoreCheckpoint checkpoint;
    private final RunningFlags runningFlags;
    private final String storePath;
    private final int hashSlotNum;
    private final int indexNum;
    private final ArrayList<IndexFile> indexFileList = new ArrayList<>();
    private final ReadWriteLock readWriteLock = new ReentrantReadWriteLock();
    private final ExecutorService flushExecutor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "FlushIndexFileThread");
        t.setDaemon(true);
        return t;
    });
    private String lastFileName = "";

    public IndexService(MessageStoreConfig config, StoreCheckpoint checkpoint, RunningFlags runningFlags) {
        this.config = config;
        this.checkpoint = checkpoint;
        this.runningFlags = runningFlags;
        this.storePath = StorePathConfigHelper.getStorePathIndex(config.getStorePathRootDir());
        this.hashSlotNum = config.getMaxHashSlotNum();
        this.indexNum = config.getMaxIndexNum();
    }

    /**
     * Maps the existing files. After a crash, files written after the checkpoint's index time are deleted;
     * dispatch rebuilds them.
     */
    public boolean load(boolean lastExitOK) {
        File[] files = new File(storePath).listFiles(File::isFile);
        if (files == null) {
            return true;
        }
        Arrays.sort(files);
        for (File file : files) {
            if (!file.getName().matches("\\d{17}")) {
                LOG.warn("skipping {}: not an index file name (yyyyMMddHHmmssSSS)", file);
                continue;
            }
            try {
                IndexFile f = new IndexFile(file.getPath(), hashSlotNum, indexNum, 0, 0);
                f.load();
                if (!lastExitOK && f.getEndTimestamp() > checkpoint.getIndexMsgTimestamp()) {
                    f.destroy(0);
                    LOG.info("deleted index file {} written after the last index checkpoint", file.getName());
                    continue;
                }
                indexFileList.add(f);
                lastFileName = file.getName();
            } catch (IOException e) {
                LOG.error("loading index file {} failed", file, e);
                return false;
            }
        }
        return true;
    }

    /**
     * Deletes files (from the newest) that index commit-log data at or past {@code phyOffset}, after the commit
     * log was cut there. Returns the commit-log offset from which dispatch must re-index.
     */
    public long truncateBeyond(long phyOffset, long commitLogMinOffset) {
        readWriteLock.writeLock().lock();
        try {
            while (!indexFileList.isEmpty()) {
                IndexFile last = indexFileList.get(indexFileList.size() - 1);
                if (last.getEndPhyOffset() < phyOffset) {
                    break;
                }
                last.destroy(0);
                indexFileList.remove(indexFileList.size() - 1);
                LOG.info("deleted index file {}: it indexes data past the commit-log end {}", last.getFileName(), phyOffset);
            }
            if (indexFileList.isEmpty()) {
                return Math.max(commitLogMinOffset, 0);
            }
            return indexFileList.get(indexFileList.size() - 1).getEndPhyOffset();
        } finally {
            readWriteLock.writeLock().unlock();
        }
    }

    /** Deletes files (never the last) whose entries all point below commit-log offset {@code offset}. */
    public void deleteExpiredFile(long offset) {
        List<IndexFile> expired = new ArrayList<>();
        readWriteLock.readLock().lock();
        try {
            for (int i = 0; i < indexFileList.size() - 1; i++) {
                IndexFile f = indexFileList.get(i);
                if (f.getEndPhyOffset() >= offset) {
                    break;
                }
                expired.add(f);
            }
        } finally {
            readWriteLock.readLock().unlock();
        }
        if (expired.isEmpty()) {
            return;
        }
        readWriteLock.writeLock().lock();
        try {
            for (IndexFile f : expired) {
                if (f.destroy(3000)) {
                    indexFileList.remove(f);
                } else {
                    break;
                }
            }
        } finally {
            readWriteLock.writeLock().unlock();
        }
    }

    /** Up to {@code maxNum} commit-log offsets of messages with {@code key} stored within [begin, end], newest first. */
    public QueryOffsetResult queryOffset(String topic, String key, int maxNum, long begin, long end) {
        List<Long> phyOffsets = new ArrayList<>(Math.max(0, maxNum));
        long indexLastUpdateTimestamp = 0;
        long indexLastUpdatePhyoffset = 0;
        int limit = Math.min(maxNum, config.getMaxMsgsNumBatch());
        String indexKey = buildKey(topic, key);
        readWriteLock.readLock().lock();
        try {
            for (int i = indexFileList.size(); i > 0 && phyOffsets.size() < limit; i--) {
                IndexFile f = indexFileList.get(i - 1);
                if (i == indexFileList.size()) {
                    indexLastUpdateTimestamp = f.getEndTimestamp();
                    indexLastUpdatePhyoffset = f.getEndPhyOffset();
                }
                if (f.isTimeMatched(begin, end)) {
                    f.selectPhyOffset(phyOffsets, indexKey, limit, begin, end);
                }
                if (f.getBeginTimestamp() < begin) {
                    break;
                }
            }
        } finally {
            readWriteLock.readLock().unlock();
        }
        return new QueryOffsetResult(phyOffsets, indexLastUpdateTimestamp, indexLastUpdatePhyoffset);
    }

    /** The indexed form of a key: {@code topic#key}. */
    public static String buildKey(String topic, String key) {
        return topic + "#" + key;
    }

    /** Indexes the UNIQ_KEY and every KEYS token of a dispatched message (not rollback records). */
    public void buildIndex(DispatchRequest req) {
        IndexFile indexFile = retryGetAndCreateIndexFile();
        if (indexFile == null) {
            LOG.error("no index file available; message at {} not indexed", req.getCommitLogOffset());
            return;
        }
        long endPhyOffset = indexFile.getEndPhyOffset();
        if (req.getCommitLogOffset() < endPhyOffset
            || (req.getCommitLogOffset() == endPhyOffset && indexFile.getIndexCount() > 1)) {
            return;
        }
        if (MessageSysFlag.getTransactionValue(req.getSysFlag()) == MessageSysFlag.TRANSACTION_ROLLBACK_TYPE) {
            return;
        }
        String topic = req.getTopic();
        if (req.getUniqKey() != null && !req.getUniqKey().isEmpty()) {
            indexFile = putKey(indexFile, req, buildKey(topic, req.getUniqKey()));
            if (indexFile == null) {
                return;
            }
        }
        String keys = req.getKeys();
        if (keys != null && !keys.isEmpty()) {
            for (String key : keys.split(" ")) {
                if (!key.isEmpty()) {
                    indexFile = putKey(indexFile, req, buildKey(topic, key));
                    if (indexFile == null) {
                        return;
                    }
                }
            }
        }
    }

    private IndexFile putKey(IndexFile indexFile, DispatchRequest req, String idxKey) {
        IndexFile current = indexFile;
        while (!putKeyOrMarkDiskFull(current, idxKey, req)) {
            current = retryGetAndCreateIndexFile();
            if (current == null) {
                LOG.error("no index file available for key {}", idxKey);
                return null;
            }
        }
        return current;
    }

    /** A full disk marks the store disk full and goes up to dispatch, which retries the record later. */
    private boolean putKeyOrMarkDiskFull(IndexFile file, String idxKey, DispatchRequest req) {
        try {
            return file.putKey(idxKey, req.getCommitLogOffset(), req.getStoreTimestamp());
        } catch (DiskSpaceException e) {
            runningFlags.getAndMakeDiskFull();
            throw e;
        }
    }

    /** The file to write to, creating one when the last is full; marks an index error after repeated failures. */
    public IndexFile retryGetAndCreateIndexFile() {
        for (int times = 0; times < MAX_TRY_IDX_CREATE; times++) {
            IndexFile indexFile = getAndCreateLastIndexFile();
            if (indexFile != null) {
                return indexFile;
            }
            LOG.warn("creating an index file failed (attempt {})", times + 1);
        }
        runningFlags.makeIndexFileError();
        LOG.error("cannot create an index file in {}: writes are now refused", storePath);
        return null;
    }

    private IndexFile getAndCreateLastIndexFile() {
        IndexFile previous = null;
        long lastEndPhyOffset = 0;
        long lastEndTimestamp = 0;
        readWriteLock.readLock().lock();
        try {
            if (!indexFileList.isEmpty()) {
                IndexFile last = indexFileList.get(indexFileList.size() - 1);
                if (!last.isWriteFull()) {
                    return last;
                }
                previous = last;
                lastEndPhyOffset = last.getEndPhyOffset();
                lastEndTimestamp = last.getEndTimestamp();
            }
        } finally {
            readWriteLock.readLock().unlock();
        }
        IndexFile created;
        readWriteLock.writeLock().lock();
        try {
            String fileName = storePath + File.separator + nextFileName();
            created = new IndexFile(fileName, hashSlotNum, indexNum, lastEndPhyOffset, lastEndTimestamp);
            indexFileList.add(created);
        } catch (IOException e) {
            LOG.error("creating an index file failed", e);
            return null;
        } finally {
            readWriteLock.writeLock().unlock();
        }
        if (previous != null) {
            IndexFile toFlush = previous;
            flushExecutor.execute(() -> flush(toFlush));
        }
        return created;
    }

    /** A creation-time name ({@code yyyyMMddHHmmssSSS}) later than every existing one. */
    private String nextFileName() {
        long t = System.currentTimeMillis();
        String name = new SimpleDateFormat("yyyyMMddHHmmssSSS").format(new Date(t));
        while (name.compareTo(lastFileName) <= 0) {
            t++;
            name = new SimpleDateFormat("yyyyMMddHHmmssSSS").format(new Date(t));
        }
        lastFileName = name;
        return name;
    }

    /** Forces a file and records its end time as the index checkpoint. */
    public void flush(IndexFile f) {
        if (f == null) {
            return;
        }
        long indexMsgTimestamp = f.isWriteFull() ? f.getEndTimestamp() : 0;
        f.flush();
        if (indexMsgTimestamp > 0) {
            checkpoint.setIndexMsgTimestamp(indexMsgTimestamp);
            checkpoint.flush();
        }
    }

    /** Flushes the file being written and records its end time (normal shutdown). */
    public void flushLast() {
        IndexFile last;
        readWriteLock.readLock().lock();
        try {
            last = indexFileList.isEmpty() ? null : indexFileList.get(indexFileList.size() - 1);
        } finally {
            readWriteLock.readLock().unlock();
        }
        if (last != null) {
            last.flush();
            checkpoint.setIndexMsgTimestamp(last.getEndTimestamp());
        }
    }

    public void start() {
        // Files are created on demand; nothing runs until the first message.
    }

    public void shutdown() {
        flushExecutor.shutdown();
        try {
            flushExecutor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flushLast();
    }

    /** Deletes every index file. */
    public void destroy() {
        readWriteLock.writeLock().lock();
        try {
            for (IndexFile f : indexFileList) {
                f.destroy(3000);
            }
            indexFileList.clear();
        } finally {
            readWriteLock.writeLock().unlock();
        }
    }

    /** Number of index files (tests, stats). */
    public int getIndexFileCount() {
        readWriteLock.readLock().lock();
        try {
            return indexFileList.size();
        } finally {
            readWriteLock.readLock().unlock();
        }
    }
}
