package org.cometmq.store.recovery;

import java.nio.ByteBuffer;
import java.util.List;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.store.DispatchRequest;
import org.cometmq.store.checkpoint.StoreCheckpoint;
import org.cometmq.store.commitlog.CommitLogRecordParser;
import org.cometmq.store.config.MessageStoreConfig;
import org.cometmq.store.logfile.MappedFile;
import org.cometmq.store.logfile.MappedFileQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds where valid commit-log data ends and cuts everything after it (spec 7.6). After a clean exit the last
 * three files are walked; after a crash the walk starts at the newest file whose first record is older than the
 * checkpoint's safe time. A record is valid when its magic, length, self-recorded offset and (if configured)
 * body CRC check out; the first invalid one ends the log.
 */
public class CommitLogRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(CommitLogRecovery.class);

    private final MessageStoreConfig config;
    private final MappedFileQueue mappedFileQueue;
    private final CommitLogRecordParser parser;
    private final StoreCheckpoint checkpoint;
    private long walkStartOffset = 0;

    public CommitLogRecovery(MessageStoreConfig config, MappedFileQueue mappedFileQueue, CommitLogRecordParser parser,
                             StoreCheckpoint checkpoint) {
        this.config = config;
        this.mappedFileQueue = mappedFileQueue;
        this.parser = parser;
        this.checkpoint = checkpoint;
    }

    /** Recovery after a clean exit; returns the end of valid data. */
    public long recoverNormally() {
        List<MappedFile> files = mappedFileQueue.getMappedFiles();
        if (files.isEmpty()) {
            return cutAt(0);
        }
        int index = Math.max(0, files.size() - config.getRecoverLastFileCount());
        return cutAt(walk(files, index));
    }

    /** Recovery after a crash; returns the end of valid data. */
    public long recoverAbnormally() {
        List<MappedFile> files = mappedFileQueue.getMappedFiles();
        if (files.isEmpty()) {
            return cutAt(0);
        }
        int index = files.size() - 1;
        while (index > 0 && !isSafeStart(files.get(index))) {
            index--;
        }
        LOG.info("crash recovery walks the commit log from file {}", files.get(index).getFileName());
        return cutAt(walk(files, index));
    }

    /** Where the last walk began: dispatch must be replayed from here after a crash. */
    public long getWalkStartOffset() {
        return walkStartOffset;
    }

    /** True when the file's first record is valid and stored no later than the checkpoint's safe time. */
    private boolean isSafeStart(MappedFile file) {
        ByteBuffer buffer = file.sliceByteBuffer();
        if (buffer.getInt(MessageDecoder.MESSAGE_MAGIC_CODE_POSTION) != MessageDecoder.MESSAGE_MAGIC_CODE) {
            return false;
        }
        int sysFlag = buffer.getInt(MessageDecoder.SYSFLAG_POSITION);
        long storeTimestamp = buffer.getLong(MessageDecoder.storeTimestampPosition(sysFlag));
        if (storeTimestamp == 0) {
            return false;
        }
        long safeTime = config.isMessageIndexEnable() && config.isMessageIndexSafe()
            ? checkpoint.getMinTimestampIndex() : checkpoint.getMinTimestamp();
        return storeTimestamp <= safeTime;
    }

    /** Walks records from file {@code index}; returns the global offset just past the last valid record. */
    private long walk(List<MappedFile> files, int startIndex) {
        int index = startIndex;
        MappedFile file = files.get(index);
        walkStartOffset = file.getFileFromOffset();
        ByteBuffer buffer = file.sliceByteBuffer();
        long processOffset = file.getFileFromOffset();
        long valid = 0;
        boolean checkCRC = config.isCheckCRCOnRecover();
        while (true) {
            DispatchRequest request = parser.checkMessageAndReturnSize(buffer, checkCRC);
            int size = request.getMsgSize();
            if (request.isSuccess() && size > 0 && request.getCommitLogOffset() == processOffset + valid) {
                valid += size;
            } else if (request.isSuccess() && size == 0) {
                if (index + 1 >= files.size()) {
                    LOG.info("commit log ends with a full file {}", file.getFileName());
                    valid = file.getFileSize();
                    break;
                }
                file = files.get(++index);
                buffer = file.sliceByteBuffer();
                processOffset = file.getFileFromOffset();
                valid = 0;
            } else {
                if (request.isSuccess()) {
                    LOG.warn("record at {} says it is at {}: stale data, the log ends here", processOffset + valid,
                        request.getCommitLogOffset());
                }
                break;
            }
        }
        return processOffset + valid;
    }

    /** Non-zero bytes from {@code offset} to the first all-zero page of its file: what the cut throws away. */
    private long nonZeroTailBytes(long offset) {
        MappedFile file = mappedFileQueue.findMappedFileByOffset(offset, false);
        if (file == null) {
            return 0;
        }
        ByteBuffer buffer = file.sliceByteBuffer();
        long count = 0;
        int pos = (int) (offset - file.getFileFromOffset());
        while (pos < file.getFileSize()) {
            int pageEnd = Math.min(file.getFileSize(), (pos / MappedFile.OS_PAGE_SIZE + 1) * MappedFile.OS_PAGE_SIZE);
            int inPage = 0;
            for (int i = pos; i < pageEnd; i++) {
                inPage += buffer.get(i) != 0 ? 1 : 0;
            }
            if (inPage == 0 && pos % MappedFile.OS_PAGE_SIZE == 0) {
                break;
            }
            count += inPage;
            pos = pageEnd;
        }
        return count;
    }

    private long cutAt(long processOffset) {
        long before = mappedFileQueue.getMaxWrotePosition();
        long torn = nonZeroTailBytes(processOffset);
        if (torn > 0) {
            LOG.warn("commit-log recovery discards a torn or corrupt record at offset {}: {} non-zero bytes up to the "
                + "next empty page are cut (a write interrupted by a crash; under SYNC_FLUSH it was never "
                + "acknowledged)", processOffset, torn);
        }
        mappedFileQueue.setFlushedWhere(processOffset);
        mappedFileQueue.setCommittedWhere(processOffset);
        mappedFileQueue.truncateDirtyFiles(processOffset);
        LOG.info("commit log recovered up to offset {} (files reached {})", processOffset, before);
        return processOffset;
    }
}
