package org.cometmq.test.fidelity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Bounded CPU contention for checks whose differences showed only on a busy machine: a few spinning threads that
 * stop when closed or after a maximum time, whichever comes first.
 */
final class CpuLoad implements AutoCloseable {
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    private CpuLoad() {
    }

    static CpuLoad start(int threadCount, Duration maxDuration) {
        CpuLoad load = new CpuLoad();
        long until = System.nanoTime() + maxDuration.toNanos();
        for (int i = 0; i < threadCount; i++) {
            Thread thread = new Thread(() -> load.spin(until), "fidelity-cpu-load-" + i);
            thread.setDaemon(true);
            load.threads.add(thread);
            thread.start();
        }
        return load;
    }

    private void spin(long until) {
        long sink = 0;
        while (running && System.nanoTime() < until) {
            for (int i = 0; i < 100_000; i++) {
                sink += i * 31L ^ sink;
            }
        }
        if (sink == 42) {
            System.out.print("");
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(1_000);
        }
    }
}
