package org.cometmq.remoting.common;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/** One permit of a semaphore that may be released from several paths (write failure, response, timeout scan) but counts once. */
public class SemaphoreReleaseOnlyOnce {
    private final AtomicBoolean released = new AtomicBoolean(false);
    private final Semaphore semaphore;

    public SemaphoreReleaseOnlyOnce(Semaphore semaphore) {
        this.semaphore = semaphore;
    }

    public void release() {
        if (semaphore != null && released.compareAndSet(false, true)) {
            semaphore.release();
        }
    }

    public Semaphore getSemaphore() {
        return semaphore;
    }
}
