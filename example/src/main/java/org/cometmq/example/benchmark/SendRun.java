package org.cometmq.example.benchmark;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.example.stats.IntervalSnapshots;
import org.cometmq.example.stats.LatencySummary;

/**
 * One benchmark producer run on a started producer: starts the sending threads, prints progress every
 * interval, stops at the run's bound, waits (bounded) for sends still under way, and returns the summary line.
 */
final class SendRun {
    /** How long stopped senders and outstanding async callbacks get to finish (sends time out after 3 s). */
    private static final long DRAIN_MILLIS = 15_000;

    private final DefaultMQProducer producer;
    private final ProducerOptions options;
    private final PrintStream out;
    private final SendStats stats = new SendStats();
    private final IntervalSnapshots intervals = new IntervalSnapshots(stats.latencyMicros());
    private volatile boolean stopRequested;
    private long startNanos;
    private long lastReportNanos;
    private long lastFailures;

    SendRun(DefaultMQProducer producer, ProducerOptions options, PrintStream out) {
        this.producer = producer;
        this.options = options;
        this.out = out;
    }

    /** Runs to the bound and returns the SUMMARY line; {@code okCount} of the result tells success. */
    Result execute() throws InterruptedException {
        Semaphore inFlight = options.async() ? new Semaphore(options.maxInFlight()) : null;
        BenchmarkMessages messages = new BenchmarkMessages(options);
        AtomicLong sequence = new AtomicLong();
        SendPacer pacer = new SendPacer(options.rate());
        List<Thread> senders = new ArrayList<>(options.threads());
        for (int i = 0; i < options.threads(); i++) {
            SendWorker worker = new SendWorker(producer, messages, stats, sequence, options.bound(),
                () -> stopRequested, inFlight, pacer);
            senders.add(new Thread(worker, "BenchmarkSender-" + i));
        }
        startNanos = System.nanoTime();
        pacer.start(startNanos);
        lastReportNanos = startNanos;
        try (ProgressReporter ignored = new ProgressReporter(options.reportIntervalSeconds(), this::printInterval)) {
            senders.forEach(Thread::start);
            awaitBound(senders);
            stopRequested = true;
            joinAll(senders, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS));
            if (inFlight != null && !inFlight.tryAcquire(options.maxInFlight(), DRAIN_MILLIS, TimeUnit.MILLISECONDS)) {
                out.println("warning: " + (options.maxInFlight() - inFlight.availablePermits())
                    + " async sends still had no callback " + DRAIN_MILLIS + " ms after the run ended");
            }
        }
        long elapsedNanos = System.nanoTime() - startNanos;
        intervals.next();
        LatencySummary latency = LatencySummary.of(intervals.cumulative());
        double tps = BenchmarkReport.perSecond(latency.count(), elapsedNanos);
        long failed = stats.failures();
        return new Result(latency.count(), failed, BenchmarkReport.sendSummary(tps, failed, latency));
    }

    /** Returns when every sender has finished (count bound) or the duration has passed. */
    private void awaitBound(List<Thread> senders) throws InterruptedException {
        RunBound bound = options.bound();
        long deadline = startNanos + TimeUnit.MILLISECONDS.toNanos(bound.durationMillis());
        for (Thread sender : senders) {
            if (!bound.hasDuration()) {
                sender.join();
                continue;
            }
            long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (remainingMillis <= 0) {
                return;
            }
            sender.join(remainingMillis);
        }
    }

    private void joinAll(List<Thread> senders, long deadlineNanos) throws InterruptedException {
        for (Thread sender : senders) {
            long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            sender.join(Math.max(1, remainingMillis));
            if (sender.isAlive()) {
                out.println("warning: " + sender.getName() + " still sending " + DRAIN_MILLIS
                    + " ms after the run ended");
            }
        }
    }

    private void printInterval() {
        long now = System.nanoTime();
        LatencySummary latency = LatencySummary.of(intervals.next());
        long failures = stats.failures();
        double tps = BenchmarkReport.perSecond(latency.count(), now - lastReportNanos);
        out.println(BenchmarkReport.sendInterval(TimeUnit.NANOSECONDS.toSeconds(now - startNanos), tps,
            failures - lastFailures, latency));
        lastReportNanos = now;
        lastFailures = failures;
    }

    /** Outcome of a run: successful and failed sends, and the SUMMARY line. */
    record Result(long ok, long failed, String summaryLine) {
    }
}
