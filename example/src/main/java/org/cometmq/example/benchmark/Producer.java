package org.cometmq.example.benchmark;

import java.io.PrintStream;
import java.util.Map;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.producer.DefaultMQProducer;

/**
 * Benchmark producer: sends messages of a fixed size from many threads for a bounded time or count and
 * prints send TPS, failures and send latency (microseconds) every interval, then a SUMMARY line.
 * Run it with {@code bin/mqbench producer -h} for the options. Exit code 0 when at least one send succeeded.
 */
public final class Producer {
    static final String PRODUCER_GROUP = "benchmark_producer";

    private Producer() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs the benchmark and returns the process exit code: 0 ok, 1 nothing sent, 2 bad command line. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (BenchmarkCli.wantsHelp(args)) {
            out.print(ProducerOptions.usage());
            return 0;
        }
        ProducerOptions options;
        try {
            options = ProducerOptions.parse(args, env);
        } catch (IllegalArgumentException e) {
            err.println("mqbench producer: " + e.getMessage());
            err.print(ProducerOptions.usage());
            return 2;
        }
        out.println("Benchmark producer: " + options.describe());
        DefaultMQProducer producer = new DefaultMQProducer(PRODUCER_GROUP, options.acl().rpcHook());
        producer.setNamesrvAddr(options.namesrvAddr());
        try {
            producer.start();
        } catch (MQClientException e) {
            err.println("mqbench producer: could not start the producer: " + e.getMessage());
            return 1;
        }
        try {
            SendRun.Result result = new SendRun(producer, options, out).execute();
            out.println(result.summaryLine());
            if (result.ok() == 0) {
                err.println("mqbench producer: no message was sent: is the broker up and registered with "
                    + options.namesrvAddr() + "?");
                return 1;
            }
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("mqbench producer: interrupted");
            return 1;
        } finally {
            producer.shutdown();
        }
    }
}
