package org.cometmq.example;

import java.util.HashMap;
import java.util.Map;

/**
 * The few command-line settings the examples take, as {@code -x value} pairs: {@code -n} name server
 * address (default $NAMESRV_ADDR, else 127.0.0.1:9876), and per example a topic, a count, a group...
 * Kept tiny on purpose, so each example reads as plain client API.
 */
public final class ExampleArgs {
    public static final String DEFAULT_NAMESRV_ADDR = "127.0.0.1:9876";

    private final Map<String, String> values;
    private final Map<String, String> env;

    private ExampleArgs(Map<String, String> values, Map<String, String> env) {
        this.values = values;
        this.env = env;
    }

    /** Reads {@code -x value} pairs; a lone or unpaired argument is an error with a clear message. */
    public static ExampleArgs parse(String[] args) {
        return parse(args, System.getenv());
    }

    static ExampleArgs parse(String[] args, Map<String, String> env) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("-") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected '-option value' pairs, got '" + args[i] + "'");
            }
            values.put(args[i], args[i + 1]);
        }
        return new ExampleArgs(values, env);
    }

    /** {@code -n}, else the NAMESRV_ADDR environment variable, else 127.0.0.1:9876. */
    public String namesrvAddr() {
        String fromEnv = env.get("NAMESRV_ADDR");
        String fallback = fromEnv != null && !fromEnv.isBlank() ? fromEnv.trim() : DEFAULT_NAMESRV_ADDR;
        return get("-n", fallback);
    }

    public String get(String option, String fallback) {
        String value = values.get(option);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    public int getInt(String option, int fallback) {
        String value = values.get(option);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + option + " needs a whole number, got '" + value + "'");
        }
    }
}
