package org.cometmq.store.logfile;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Reference counting for a resource that readers use concurrently with its shutdown. The owner holds one
 * reference from creation; {@link #shutdown(long)} drops it, and {@link #cleanup(long)} runs once the last
 * holder has released, so no reader ever sees the resource freed under it.
 */
public abstract class ReferenceResource {

    protected final AtomicLong refCount = new AtomicLong(1);
    protected volatile boolean available = true;
    protected volatile boolean cleanupOver = false;
    private volatile long firstShutdownTimestamp = 0;

    /** Takes a reference; fails once shutdown has begun. */
    public boolean hold() {
        while (available) {
            long current = refCount.get();
            if (current <= 0) {
                return false;
            }
            if (refCount.compareAndSet(current, current + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Drops a reference; the last one triggers {@link #cleanup(long)}. */
    public void release() {
        long value = refCount.decrementAndGet();
        if (value > 0) {
            return;
        }
        synchronized (this) {
            if (!cleanupOver) {
                cleanupOver = cleanup(value);
            }
        }
    }

    /**
     * Stops new holds and drops the owner's reference. Calling it again later only reports, through
     * {@link #isShutdownForciblyDue(long)}, whether readers have kept the resource longer than allowed.
     */
    public void shutdown(long intervalForcibly) {
        if (available) {
            available = false;
            firstShutdownTimestamp = System.currentTimeMillis();
            release();
        }
    }

    /** True once shutdown began more than {@code intervalForcibly} ms ago and readers still hold it. */
    public boolean isShutdownForciblyDue(long intervalForcibly) {
        return !available && firstShutdownTimestamp > 0
            && System.currentTimeMillis() - firstShutdownTimestamp >= intervalForcibly;
    }

    public long getRefCount() {
        return refCount.get();
    }

    public boolean isAvailable() {
        return available;
    }

    /** True once {@link #cleanup(long)} has run successfully. */
    public boolean isCleanupOver() {
        return refCount.get() <= 0 && cleanupOver;
    }

    /** Frees the resource; called once, when the reference count reaches zero. Returns success. */
    protected abstract boolean cleanup(long currentRef);
}
