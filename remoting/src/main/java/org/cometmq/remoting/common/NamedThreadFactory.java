package org.cometmq.remoting.common;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Names threads for their job: {@code prefix_1}, {@code prefix_2}, ... */
public class NamedThreadFactory implements ThreadFactory {
    private final AtomicInteger index = new AtomicInteger(0);
    private final String prefix;
    private final boolean daemon;

    public NamedThreadFactory(String prefix) {
        this(prefix, false);
    }

    public NamedThreadFactory(String prefix, boolean daemon) {
        this.prefix = prefix;
        this.daemon = daemon;
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread thread = new Thread(r, prefix + "_" + index.incrementAndGet());
        thread.setDaemon(daemon);
        return thread;
    }
}
