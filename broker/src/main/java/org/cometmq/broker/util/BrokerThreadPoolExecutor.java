package org.cometmq.broker.util;

import java.time.Clock;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.cometmq.remoting.common.NamedThreadFactory;

/**
 * A fixed-size pool with a bounded queue (full queue: rejected, which the remoting layer answers SYSTEM_BUSY).
 * Tasks are stamped when queued, so the wait of the oldest queued task can be reported.
 */
public class BrokerThreadPoolExecutor extends ThreadPoolExecutor {
    private final int queueCapacity;
    private final Clock clock;

    public BrokerThreadPoolExecutor(String threadPrefix, int threads, int queueCapacity, Clock clock) {
        super(Math.max(1, threads), Math.max(1, threads), 60, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(Math.max(1, queueCapacity)), new NamedThreadFactory(threadPrefix));
        this.queueCapacity = Math.max(1, queueCapacity);
        this.clock = clock;
    }

    @Override
    public void execute(Runnable command) {
        super.execute(new TimedTask(command, clock.millis()));
    }

    public int getQueueCapacity() {
        return queueCapacity;
    }

    /** How long the oldest queued task has waited, 0 when none waits. */
    public long headWaitTimeMillis() {
        BlockingQueue<Runnable> queue = getQueue();
        Runnable head = queue.peek();
        if (head instanceof TimedTask) {
            return Math.max(0, clock.millis() - ((TimedTask) head).queuedAt);
        }
        return 0;
    }

    /** The task as submitted, for a queue element of this executor (which wraps what it queues). */
    public static Runnable submittedTask(Runnable queued) {
        return queued instanceof TimedTask ? ((TimedTask) queued).task : queued;
    }

    private static final class TimedTask implements Runnable {
        private final Runnable task;
        private final long queuedAt;

        private TimedTask(Runnable task, long queuedAt) {
            this.task = task;
            this.queuedAt = queuedAt;
        }

        @Override
        public void run() {
            task.run();
        }
    }
}
