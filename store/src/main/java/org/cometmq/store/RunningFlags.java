package org.cometmq.store;

/**
 * Health bits of a running store. Writes are refused while any of not-writeable, disk-full, write-logic-queue
 * error, write-index error or page-cache-busy is set; reads while not-readable is set.
 */
public class RunningFlags {

    public static final int NOT_READABLE_BIT = 1;
    public static final int NOT_WRITEABLE_BIT = 1 << 1;
    public static final int WRITE_LOGICS_QUEUE_ERROR_BIT = 1 << 2;
    public static final int WRITE_INDEX_FILE_ERROR_BIT = 1 << 3;
    public static final int DISK_FULL_BIT = 1 << 4;

    private static final int WRITE_BLOCKERS = NOT_WRITEABLE_BIT | WRITE_LOGICS_QUEUE_ERROR_BIT | DISK_FULL_BIT
        | WRITE_INDEX_FILE_ERROR_BIT;

    private volatile int flagBits = 0;

    public int getFlagBits() {
        return flagBits;
    }

    public synchronized boolean getAndMakeReadable() {
        boolean result = isReadable();
        if (!result) {
            flagBits &= ~NOT_READABLE_BIT;
        }
        return result;
    }

    public boolean isReadable() {
        return (flagBits & NOT_READABLE_BIT) == 0;
    }

    public synchronized boolean getAndMakeNotReadable() {
        boolean result = isReadable();
        if (result) {
            flagBits |= NOT_READABLE_BIT;
        }
        return result;
    }

    public synchronized boolean getAndMakeWriteable() {
        boolean result = isWriteable();
        if (!result) {
            flagBits &= ~NOT_WRITEABLE_BIT;
        }
        return result;
    }

    public boolean isWriteable() {
        return (flagBits & WRITE_BLOCKERS) == 0;
    }

    /** Consume queues can still be written while only the disk is full. */
    public boolean isCQWriteable() {
        return (flagBits & (NOT_WRITEABLE_BIT | WRITE_LOGICS_QUEUE_ERROR_BIT | WRITE_INDEX_FILE_ERROR_BIT)) == 0;
    }

    public synchronized boolean getAndMakeNotWriteable() {
        boolean result = isWriteable();
        if (result) {
            flagBits |= NOT_WRITEABLE_BIT;
        }
        return result;
    }

    public synchronized void makeLogicsQueueError() {
        flagBits |= WRITE_LOGICS_QUEUE_ERROR_BIT;
    }

    public boolean isLogicsQueueError() {
        return (flagBits & WRITE_LOGICS_QUEUE_ERROR_BIT) != 0;
    }

    public synchronized void makeIndexFileError() {
        flagBits |= WRITE_INDEX_FILE_ERROR_BIT;
    }

    public boolean isIndexFileError() {
        return (flagBits & WRITE_INDEX_FILE_ERROR_BIT) != 0;
    }

    /** Sets disk-full; returns whether the disk was fine before. */
    public synchronized boolean getAndMakeDiskFull() {
        boolean result = (flagBits & DISK_FULL_BIT) == 0;
        flagBits |= DISK_FULL_BIT;
        return result;
    }

    /** Clears disk-full; returns whether the disk was fine before. */
    public synchronized boolean getAndMakeDiskOK() {
        boolean result = (flagBits & DISK_FULL_BIT) == 0;
        flagBits &= ~DISK_FULL_BIT;
        return result;
    }

    public boolean isDiskFull() {
        return (flagBits & DISK_FULL_BIT) != 0;
    }
}
