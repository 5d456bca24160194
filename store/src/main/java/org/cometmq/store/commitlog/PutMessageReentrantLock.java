package org.cometmq.store.commitlog;

import java.util.concurrent.locks.ReentrantLock;

/** A non-fair reentrant lock: waiting writers park instead of spinning. */
public class PutMessageReentrantLock implements PutMessageLock {

    private final ReentrantLock putMessageNormalLock = new ReentrantLock();

    @Override
    public void lock() {
        putMessageNormalLock.lock();
    }

    @Override
    public void unlock() {
        putMessageNormalLock.unlock();
    }
}
