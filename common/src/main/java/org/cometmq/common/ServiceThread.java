package org.cometmq.common;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of a background service that owns one named thread running {@link #run()}.
 *
 * <p>The loop of a subclass typically is {@code while (!isStopped()) { waitForRunning(interval); doWork(); }}.
 * {@link #wakeup()} ends the current (or the next) wait early; a wake-up that arrives while the thread is busy
 * is remembered, so work signalled between two waits is never lost. {@link #shutdown(boolean)} stops the loop
 * and joins the thread for at most {@link #getJoinTimeMillis()}.
 */
public abstract class ServiceThread implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceThread.class);
    private static final long DEFAULT_JOIN_TIME_MILLIS = 30_000;

    /** Set once a wake-up is pending; cleared by the waiter when it consumes it. */
    protected final AtomicBoolean hasNotified = new AtomicBoolean(false);
    private final ReentrantLock waitLock = new ReentrantLock();
    private final Condition wakeupCondition = waitLock.newCondition();
    private final AtomicBoolean started = new AtomicBoolean(false);

    protected volatile boolean stopped = false;
    private volatile Thread thread;
    private volatile boolean daemon = false;

    /** The thread name; also used in log lines. */
    public abstract String getServiceName();

    /** Starts the thread once; later calls do nothing. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        stopped = false;
        Thread t = new Thread(this, getServiceName());
        t.setDaemon(daemon);
        thread = t;
        t.start();
        LOG.info("started service thread {}", getServiceName());
    }

    /** Stops the loop and joins the thread without interrupting it. */
    public void shutdown() {
        shutdown(false);
    }

    /**
     * Stops the loop, wakes the thread, optionally interrupts it, and waits at most {@link #getJoinTimeMillis()}
     * for it to end.
     */
    public void shutdown(boolean interrupt) {
        if (!started.compareAndSet(true, false)) {
            return;
        }
        stopped = true;
        wakeup();
        Thread t = thread;
        if (t == null) {
            return;
        }
        if (interrupt) {
            t.interrupt();
        }
        long begin = System.currentTimeMillis();
        try {
            if (t != Thread.currentThread()) {
                t.join(getJoinTimeMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long elapsed = System.currentTimeMillis() - begin;
        if (t.isAlive()) {
            LOG.warn("service thread {} did not end within {} ms", getServiceName(), getJoinTimeMillis());
        } else {
            LOG.info("stopped service thread {} in {} ms", getServiceName(), elapsed);
        }
    }

    /** Stops the loop and wakes the thread without waiting for it to end. */
    public void stop() {
        stop(false);
    }

    /** Stops the loop, wakes the thread and optionally interrupts it, without waiting for it to end. */
    public void stop(boolean interrupt) {
        stopped = true;
        LOG.info("stopping service thread {} (interrupt={})", getServiceName(), interrupt);
        wakeup();
        Thread t = thread;
        if (interrupt && t != null) {
            t.interrupt();
        }
    }

    /** Marks the service stopped without waking or joining it; the loop ends after its current wait. */
    public void makeStop() {
        stopped = true;
    }

    /** Ends the current wait of the service thread, or makes the next wait return at once. */
    public void wakeup() {
        if (hasNotified.compareAndSet(false, true)) {
            waitLock.lock();
            try {
                wakeupCondition.signalAll();
            } finally {
                waitLock.unlock();
            }
        }
    }

    /**
     * Waits until {@link #wakeup()} is called or {@code intervalMillis} passes, then resets the wake-up flag and
     * calls {@link #onWaitEnd()}. Returns at once when a wake-up is already pending.
     */
    protected void waitForRunning(long intervalMillis) {
        if (hasNotified.compareAndSet(true, false)) {
            onWaitEnd();
            return;
        }
        waitLock.lock();
        try {
            long remaining = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
            while (!hasNotified.get() && remaining > 0 && !stopped) {
                remaining = wakeupCondition.awaitNanos(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            hasNotified.set(false);
            waitLock.unlock();
        }
        onWaitEnd();
    }

    /** Called each time a wait ends; subclasses swap buffers or similar here. */
    protected void onWaitEnd() {
    }

    public boolean isStopped() {
        return stopped;
    }

    /** How long {@link #shutdown(boolean)} waits for the thread to end. */
    public long getJoinTimeMillis() {
        return DEFAULT_JOIN_TIME_MILLIS;
    }

    /** Same as {@link #getJoinTimeMillis()} (the name 4.9.7 uses). */
    public long getJointime() {
        return getJoinTimeMillis();
    }

    public boolean isDaemon() {
        return daemon;
    }

    /** Must be called before {@link #start()}. */
    public void setDaemon(boolean daemon) {
        this.daemon = daemon;
    }

    /** The running thread, or {@code null} before start. */
    public Thread getThread() {
        return thread;
    }
}
