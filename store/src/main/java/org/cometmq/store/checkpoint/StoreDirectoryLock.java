package org.cometmq.store.checkpoint;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import org.cometmq.store.config.StorePathConfigHelper;
import org.cometmq.store.logfile.MappedFile;

/**
 * An exclusive lock on the store directory's {@code lock} file, so two stores (in one process or two) never
 * open the same directory.
 */
public class StoreDirectoryLock {

    private final File lockFile;
    private RandomAccessFile randomAccessFile;
    private FileLock lock;

    public StoreDirectoryLock(String storePathRootDir) {
        this.lockFile = new File(StorePathConfigHelper.getLockFile(storePathRootDir));
    }

    /** Takes the lock; throws {@link IllegalStateException} naming the directory when it is held elsewhere. */
    public synchronized void acquire() throws IOException {
        if (lock != null) {
            return;
        }
        MappedFile.ensureDirOK(lockFile.getParent());
        RandomAccessFile raf = new RandomAccessFile(lockFile, "rw");
        FileLock acquired;
        try {
            FileChannel channel = raf.getChannel();
            acquired = channel.tryLock(0, 1, false);
        } catch (OverlappingFileLockException e) {
            acquired = null;
        }
        if (acquired == null || acquired.isShared() || !acquired.isValid()) {
            raf.close();
            throw new IllegalStateException("store directory " + lockFile.getParent()
                + " is locked by another running store; stop it or use another storePathRootDir");
        }
        randomAccessFile = raf;
        lock = acquired;
    }

    public synchronized void release() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (randomAccessFile != null) {
                randomAccessFile.close();
            }
        } catch (IOException e) {
            // The lock goes with the process anyway.
        } finally {
            lock = null;
            randomAccessFile = null;
        }
    }
}
