package org.cometmq.example.benchmark;

import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** Settings of one benchmark consumer run, parsed from its command line. */
public record ConsumerOptions(String namesrvAddr, String topic, String group, String subExpression,
                              int consumeThreads, boolean fromFirstOffset, RunBound bound,
                              int reportIntervalSeconds) {
    static final String DEFAULT_GROUP = "benchmark_consumer";
    static final int DEFAULT_CONSUME_THREADS = 20;

    static Options options() {
        Options options = BenchmarkCli.commonOptions();
        options.addOption(new Option("g", "group", true, "Consumer group (default " + DEFAULT_GROUP + ")"));
        options.addOption(new Option("e", "expression", true, "Tag subscription expression (default *)"));
        options.addOption(new Option("w", "threads", true,
            "Consume threads (default " + DEFAULT_CONSUME_THREADS + ")"));
        options.addOption(BenchmarkCli.flagWithOptionalValue("f", "fromFirst",
            "A group without a committed offset starts at the oldest message (default: the newest)"));
        return options;
    }

    /**
     * Parses the consumer's command line.
     *
     * @param env environment to read NAMESRV_ADDR from
     * @throws IllegalArgumentException with a message for the user when an option is malformed or out of range
     */
    public static ConsumerOptions parse(String[] args, Map<String, String> env) {
        CommandLine line = BenchmarkCli.parse(options(), args);
        String group = line.getOptionValue('g', DEFAULT_GROUP).trim();
        if (group.isEmpty()) {
            throw new IllegalArgumentException("option -g (group) must not be empty");
        }
        String expression = line.getOptionValue('e', "*").trim();
        return new ConsumerOptions(
            BenchmarkCli.namesrvAddr(line, env),
            BenchmarkCli.topic(line),
            group,
            expression.isEmpty() ? "*" : expression,
            (int) BenchmarkCli.longValue(line, "w", DEFAULT_CONSUME_THREADS, 1, 1000),
            BenchmarkCli.flag(line, "f"),
            BenchmarkCli.bound(line),
            BenchmarkCli.reportIntervalSeconds(line));
    }

    static String usage() {
        return BenchmarkCli.usage("mqbench consumer", options());
    }

    /** One line for the start of the run. */
    String describe() {
        return "topic=" + topic + " group=" + group + " expression=" + subExpression + " threads="
            + consumeThreads + " from=" + (fromFirstOffset ? "first" : "last") + " bound=" + bound.describe()
            + " namesrv=" + namesrvAddr;
    }
}
