package org.cometmq.example.benchmark;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * Command-line pieces shared by the benchmark producer and consumer: the common options, parsing with
 * clear errors, and the name server address fallback (-n, then NAMESRV_ADDR, then 127.0.0.1:9876).
 */
final class BenchmarkCli {
    static final String DEFAULT_NAMESRV_ADDR = "127.0.0.1:9876";
    static final String NAMESRV_ADDR_ENV = "NAMESRV_ADDR";
    static final String DEFAULT_TOPIC = "BenchmarkTest";
    static final int DEFAULT_REPORT_INTERVAL_SECONDS = 10;

    private BenchmarkCli() {
    }

    /** -h, -n, -t, -d, -m, -i: what every benchmark takes. */
    static Options commonOptions() {
        Options options = new Options();
        options.addOption(new Option("h", "help", false, "Print this help"));
        options.addOption(new Option("n", "namesrvAddr", true,
            "Name server address list, e.g. '127.0.0.1:9876' (default: $NAMESRV_ADDR, else 127.0.0.1:9876)"));
        options.addOption(new Option("t", "topic", true, "Topic (default " + DEFAULT_TOPIC + ")"));
        options.addOption(new Option("d", "duration", true, "Run for this many seconds (default "
            + RunBound.DEFAULT_DURATION_SECONDS + " unless -m is given; 0 = no time bound)"));
        options.addOption(new Option("m", "messageCount", true,
            "Stop after this many messages (default: no count bound)"));
        options.addOption(new Option("i", "reportInterval", true,
            "Seconds between progress lines (default " + DEFAULT_REPORT_INTERVAL_SECONDS + ")"));
        return options;
    }

    /** True when the user asked for help, whatever else is on the line. */
    static boolean wantsHelp(String[] args) {
        for (String arg : args) {
            if ("-h".equals(arg) || "--help".equals(arg)) {
                return true;
            }
        }
        return false;
    }

    /** Parses {@code args}; malformed lines and stray arguments become an IllegalArgumentException. */
    static CommandLine parse(Options options, String[] args) {
        CommandLine line;
        try {
            line = new DefaultParser().parse(options, args);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (!line.getArgList().isEmpty()) {
            throw new IllegalArgumentException("unexpected argument(s): " + String.join(" ", line.getArgList()));
        }
        return line;
    }

    static String namesrvAddr(CommandLine line, Map<String, String> env) {
        String fromLine = line.getOptionValue('n');
        if (fromLine != null && !fromLine.isBlank()) {
            return fromLine.trim();
        }
        String fromEnv = env.get(NAMESRV_ADDR_ENV);
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv.trim() : DEFAULT_NAMESRV_ADDR;
    }

    static String topic(CommandLine line) {
        String topic = line.getOptionValue('t', DEFAULT_TOPIC).trim();
        if (topic.isEmpty()) {
            throw new IllegalArgumentException("option -t (topic) must not be empty");
        }
        return topic;
    }

    static RunBound bound(CommandLine line) {
        long count = longValue(line, "m", 0, 0, Long.MAX_VALUE);
        long defaultSeconds = count > 0 ? 0 : RunBound.DEFAULT_DURATION_SECONDS;
        long seconds = longValue(line, "d", defaultSeconds, 0, Long.MAX_VALUE / 1000);
        return new RunBound(seconds * 1000, count);
    }

    static int reportIntervalSeconds(CommandLine line) {
        return (int) longValue(line, "i", DEFAULT_REPORT_INTERVAL_SECONDS, 1, 3600);
    }

    /** An integer option within [min, max], or {@code fallback} when absent. */
    static long longValue(CommandLine line, String option, long fallback, long min, long max) {
        String text = line.getOptionValue(option);
        if (text == null) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option -" + option + " needs a whole number, got '" + text + "'");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("option -" + option + " must be between " + min + " and " + max
                + ", got " + value);
        }
        return value;
    }

    /** A switch that also accepts Apache's spelling with a value: "-k", "-k true", "-k false". */
    static Option flagWithOptionalValue(String name, String longName, String description) {
        return Option.builder(name).longOpt(longName).hasArg().optionalArg(true).argName("true|false")
            .desc(description).build();
    }

    static boolean flag(CommandLine line, String option) {
        if (!line.hasOption(option)) {
            return false;
        }
        String value = line.getOptionValue(option);
        if (value == null || "true".equalsIgnoreCase(value.trim())) {
            return true;
        }
        if ("false".equalsIgnoreCase(value.trim())) {
            return false;
        }
        throw new IllegalArgumentException("option -" + option + " takes true or false, got '" + value + "'");
    }

    static String usage(String command, Options options) {
        StringWriter text = new StringWriter();
        new HelpFormatter().printHelp(new PrintWriter(text), 100, command, null, options, 2, 2, null, true);
        return text.toString();
    }
}
