package org.cometmq.example.benchmark;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a report every few seconds on a thread of its own until closed. */
final class ProgressReporter implements AutoCloseable {
    private final ScheduledExecutorService scheduler;

    ProgressReporter(int intervalSeconds, Runnable report) {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "BenchmarkReporter");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleAtFixedRate(report, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    }

    /** Stops the reports; returns once a report in progress has finished (bounded). */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
