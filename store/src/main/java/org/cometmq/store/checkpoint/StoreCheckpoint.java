package org.cometmq.store.checkpoint;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import org.cometmq.store.logfile.BufferCleaner;
import org.cometmq.store.logfile.MappedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code checkpoint} file (spec 7.5): store times of the last message known flushed in the commit log, the
 * consume queues and the index. One 4 KiB page; physicMsgTimestamp @0, logicsMsgTimestamp @8,
 * indexMsgTimestamp @16, all int64 ms. Abnormal recovery replays the commit log from before the oldest of them.
 */
public class StoreCheckpoint {

    private static final Logger LOG = LoggerFactory.getLogger(StoreCheckpoint.class);
    /** How far before the recorded times recovery starts, to cover clock steps between writers. */
    private static final long SAFETY_MARGIN_MILLIS = 1000 * 3;

    private final RandomAccessFile randomAccessFile;
    private final FileChannel fileChannel;
    private final MappedByteBuffer mappedByteBuffer;
    private volatile long physicMsgTimestamp = 0;
    private volatile long logicsMsgTimestamp = 0;
    private volatile long indexMsgTimestamp = 0;

    public StoreCheckpoint(String scpPath) throws IOException {
        File file = new File(scpPath);
        MappedFile.ensureDirOK(file.getParent());
        boolean fileExists = file.exists();
        this.randomAccessFile = new RandomAccessFile(file, "rw");
        this.fileChannel = randomAccessFile.getChannel();
        reservePage(fileChannel, scpPath);
        this.mappedByteBuffer = fileChannel.map(FileChannel.MapMode.READ_WRITE, 0, MappedFile.OS_PAGE_SIZE);
        if (fileExists) {
            this.physicMsgTimestamp = mappedByteBuffer.getLong(0);
            this.logicsMsgTimestamp = mappedByteBuffer.getLong(8);
            this.indexMsgTimestamp = mappedByteBuffer.getLong(16);
            LOG.info("checkpoint {}: physic={} logics={} index={}", scpPath, physicMsgTimestamp, logicsMsgTimestamp,
                indexMsgTimestamp);
        } else {
            LOG.info("checkpoint {} does not exist; starting from zero", scpPath);
        }
    }

    /**
     * Gives the page its disk block before it is mapped: a store into a sparse page on a full device would kill the
     * JVM (SIGBUS); here a full device fails the start with "No space left on device".
     */
    private static void reservePage(FileChannel channel, String path) throws IOException {
        long length = channel.size();
        if (length >= MappedFile.OS_PAGE_SIZE) {
            return;
        }
        ByteBuffer page = ByteBuffer.allocate(MappedFile.OS_PAGE_SIZE);
        channel.read(page, 0);
        page.clear();
        try {
            while (page.hasRemaining()) {
                channel.write(page, page.position());
            }
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot create the checkpoint " + path + ": " + e.getMessage(), e);
        }
    }

    /** Writes the three times and forces the page. */
    public synchronized void flush() {
        mappedByteBuffer.putLong(0, physicMsgTimestamp);
        mappedByteBuffer.putLong(8, logicsMsgTimestamp);
        mappedByteBuffer.putLong(16, indexMsgTimestamp);
        mappedByteBuffer.force();
    }

    public synchronized void shutdown() {
        flush();
        BufferCleaner.clean(mappedByteBuffer);
        try {
            fileChannel.close();
            randomAccessFile.close();
        } catch (IOException e) {
            LOG.warn("closing checkpoint failed", e);
        }
    }

    /** Where abnormal recovery may start: min(physic, logics) minus 3 s, at least 0. */
    public long getMinTimestamp() {
        long min = Math.min(physicMsgTimestamp, logicsMsgTimestamp) - SAFETY_MARGIN_MILLIS;
        return Math.max(min, 0);
    }

    /** {@link #getMinTimestamp()} also bounded by the index time. */
    public long getMinTimestampIndex() {
        return Math.min(getMinTimestamp(), indexMsgTimestamp);
    }

    public long getPhysicMsgTimestamp() {
        return physicMsgTimestamp;
    }

    public void setPhysicMsgTimestamp(long physicMsgTimestamp) {
        this.physicMsgTimestamp = physicMsgTimestamp;
    }

    public long getLogicsMsgTimestamp() {
        return logicsMsgTimestamp;
    }

    public void setLogicsMsgTimestamp(long logicsMsgTimestamp) {
        this.logicsMsgTimestamp = logicsMsgTimestamp;
    }

    public long getIndexMsgTimestamp() {
        return indexMsgTimestamp;
    }

    public void setIndexMsgTimestamp(long indexMsgTimestamp) {
        this.indexMsgTimestamp = indexMsgTimestamp;
    }
}
