package org.cometmq.example.benchmark;

import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** Settings of one benchmark producer run, parsed from its command line. */
public record ProducerOptions(String namesrvAddr, String topic, int threads, int messageSize, boolean keys,
                              int tagCount, boolean async, int maxInFlight, int rate, RunBound bound,
                              int reportIntervalSeconds, BenchmarkAcl acl) {
    static final int DEFAULT_THREADS = 32;
    static final int DEFAULT_MESSAGE_SIZE = 1024;
    static final int DEFAULT_MAX_IN_FLIGHT = 1024;
    /** The client refuses bodies over 4 MiB (maxMessageSize). */
    static final int MAX_MESSAGE_SIZE = 4 * 1024 * 1024;

    static Options options() {
        Options options = BenchmarkCli.commonOptions();
        options.addOption(new Option("w", "threads", true, "Sending threads (default " + DEFAULT_THREADS + ")"));
        options.addOption(new Option("s", "messageSize", true,
            "Body size in bytes (default " + DEFAULT_MESSAGE_SIZE + ")"));
        options.addOption(BenchmarkCli.flagWithOptionalValue("k", "keys", "Give every message a unique key"));
        options.addOption(new Option("c", "tagCount", true, "Spread messages over this many tags (default 0: no tag)"));
        options.addOption(BenchmarkCli.flagWithOptionalValue("a", "async",
            "Send asynchronously; latency is send call to callback"));
        options.addOption(new Option("q", "maxInFlight", true,
            "With -a: most sends awaiting their callback at once (default " + DEFAULT_MAX_IN_FLIGHT + ")"));
        options.addOption(new Option("r", "rate", true,
            "Total sends per second over all threads (default 0: as fast as they can)"));
        BenchmarkAcl.addOptions(options);
        return options;
    }

    /**
     * Parses the producer's command line.
     *
     * @param env environment to read NAMESRV_ADDR from
     * @throws IllegalArgumentException with a message for the user when an option is malformed or out of range
     */
    public static ProducerOptions parse(String[] args, Map<String, String> env) {
        CommandLine line = BenchmarkCli.parse(options(), args);
        return new ProducerOptions(
            BenchmarkCli.namesrvAddr(line, env),
            BenchmarkCli.topic(line),
            (int) BenchmarkCli.longValue(line, "w", DEFAULT_THREADS, 1, 1024),
            (int) BenchmarkCli.longValue(line, "s", DEFAULT_MESSAGE_SIZE, 1, MAX_MESSAGE_SIZE),
            BenchmarkCli.flag(line, "k"),
            (int) BenchmarkCli.longValue(line, "c", 0, 0, 100_000),
            BenchmarkCli.flag(line, "a"),
            (int) BenchmarkCli.longValue(line, "q", DEFAULT_MAX_IN_FLIGHT, 1, 65_535),
            (int) BenchmarkCli.longValue(line, "r", 0, 0, 10_000_000),
            BenchmarkCli.bound(line),
            BenchmarkCli.reportIntervalSeconds(line),
            BenchmarkAcl.parse(line));
    }

    static String usage() {
        return BenchmarkCli.usage("mqbench producer", options());
    }

    /** One line for the start of the run. */
    String describe() {
        return "topic=" + topic + " threads=" + threads + " size=" + messageSize + "B "
            + (async ? "async(maxInFlight=" + maxInFlight + ")" : "sync") + (rate > 0 ? " rate=" + rate + "/s" : "") + " keys=" + keys + " tags=" + tagCount
            + " bound=" + bound.describe() + " " + acl.describe() + " namesrv=" + namesrvAddr;
    }
}
