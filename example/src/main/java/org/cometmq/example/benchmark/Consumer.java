package org.cometmq.example.benchmark;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cometmq.client.consumer.DefaultMQPushConsumer;
import org.cometmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.cometmq.client.consumer.listener.MessageListenerConcurrently;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.common.consumer.ConsumeFromWhere;
import org.cometmq.common.message.MessageExt;
import org.cometmq.example.stats.IntervalSnapshots;
import org.cometmq.example.stats.LatencySummary;

/**
 * Benchmark consumer: a push consumer that counts messages and their end-to-end latency (born timestamp to
 * consume, milliseconds) and prints consume TPS and latency every interval, then a SUMMARY line whose TPS
 * spans the first to the last message consumed. Run {@code bin/mqbench consumer -h} for the options.
 * Exit code 0 when messages arrived (and, with -m, when that many arrived).
 */
public final class Consumer {
    private long startNanos;
    private long lastReportNanos;
    private long lastCount;

    private Consumer() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs the benchmark and returns the exit code: 0 ok, 1 too few messages or no start, 2 bad command line. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (BenchmarkCli.wantsHelp(args)) {
            out.print(ConsumerOptions.usage());
            return 0;
        }
        ConsumerOptions options;
        try {
            options = ConsumerOptions.parse(args, env);
        } catch (IllegalArgumentException e) {
            err.println("mqbench consumer: " + e.getMessage());
            err.print(ConsumerOptions.usage());
            return 2;
        }
        out.println("Benchmark consumer: " + options.describe());
        try {
            return new Consumer().consume(options, out, err);
        } catch (MQClientException e) {
            err.println("mqbench consumer: could not start the consumer: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("mqbench consumer: interrupted");
            return 1;
        }
    }

    private int consume(ConsumerOptions options, PrintStream out, PrintStream err)
        throws MQClientException, InterruptedException {
        BenchmarkConsumeStats stats = new BenchmarkConsumeStats(options.bound());
        IntervalSnapshots intervals = new IntervalSnapshots(stats.e2eMillis());
        DefaultMQPushConsumer consumer = newConsumer(options, stats);
        startNanos = System.nanoTime();
        lastReportNanos = startNanos;
        try (ProgressReporter ignored = new ProgressReporter(options.reportIntervalSeconds(),
            () -> printInterval(stats, intervals, out))) {
            consumer.start();
            awaitBound(options.bound(), stats);
        } finally {
            consumer.shutdown();
        }
        intervals.next();
        LatencySummary e2e = LatencySummary.of(intervals.cumulative());
        out.println(BenchmarkReport.consumeSummary(
            BenchmarkReport.perSecond(e2e.count(), stats.activeNanos()), e2e));
        RunBound bound = options.bound();
        if (stats.count() == 0 || (bound.hasMessageCount() && stats.count() < bound.messageCount())) {
            err.println("mqbench consumer: consumed " + stats.count() + " message(s)"
                + (bound.hasMessageCount() ? " of the " + bound.messageCount() + " expected" : "")
                + "; is a producer sending to topic '" + options.topic() + "'?");
            return 1;
        }
        return 0;
    }

    private static DefaultMQPushConsumer newConsumer(ConsumerOptions options, BenchmarkConsumeStats stats)
        throws MQClientException {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(options.group());
        consumer.setNamesrvAddr(options.namesrvAddr());
        consumer.setConsumeThreadMin(options.consumeThreads());
        consumer.setConsumeThreadMax(options.consumeThreads());
        consumer.setConsumeFromWhere(options.fromFirstOffset()
            ? ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET : ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET);
        consumer.subscribe(options.topic(), options.subExpression());
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
            for (MessageExt message : msgs) {
                stats.consumed(message.getBornTimestamp());
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        return consumer;
    }

    private static void awaitBound(RunBound bound, BenchmarkConsumeStats stats) throws InterruptedException {
        if (bound.hasDuration()) {
            stats.countReached().await(bound.durationMillis(), TimeUnit.MILLISECONDS);
        } else {
            stats.countReached().await();
        }
    }

    private void printInterval(BenchmarkConsumeStats stats, IntervalSnapshots intervals, PrintStream out) {
        long now = System.nanoTime();
        LatencySummary e2e = LatencySummary.of(intervals.next());
        long count = stats.count();
        out.println(BenchmarkReport.consumeInterval(TimeUnit.NANOSECONDS.toSeconds(now - startNanos),
            BenchmarkReport.perSecond(count - lastCount, now - lastReportNanos), e2e));
        lastReportNanos = now;
        lastCount = count;
    }
}
