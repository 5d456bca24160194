package org.cometmq.store.commitlog;

import java.util.concurrent.atomic.AtomicBoolean;

/** A spin lock: cheapest when the holder never blocks (async flush, few writers). */
public class PutMessageSpinLock implements PutMessageLock {

    private final AtomicBoolean putMessageSpinLock = new AtomicBoolean(true);

    @Override
    public void lock() {
        boolean flag;
        do {
            flag = putMessageSpinLock.compareAndSet(true, false);
            if (!flag) {
                Thread.onSpinWait();
            }
        } while (!flag);
    }

    @Override
    public void unlock() {
        putMessageSpinLock.compareAndSet(false, true);
    }
}
