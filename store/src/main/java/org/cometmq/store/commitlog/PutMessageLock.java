package org.cometmq.store.commitlog;

/** Serializes appends to the commit log; a spin lock for short critical sections, a reentrant lock otherwise. */
public interface PutMessageLock {

    void lock();

    void unlock();

    /** The lock {@code useReentrantLock} selects. */
    static PutMessageLock create(boolean useReentrantLock) {
        return useReentrantLock ? new PutMessageReentrantLock() : new PutMessageSpinLock();
    }
}
