package org.cometmq.tools.command;

import java.text.ParseException;
import java.text.SimpleDateFormat;
import org.apache.commons.cli.CommandLine;
import org.cometmq.common.UtilAll;

/**
 * Typed option values with errors an operator can act on: {@code invalid -r 'x': expected a whole number}.
 * Values are trimmed, as RocketMQ's tools trim them.
 */
public final class OptionValues {
    private OptionValues() {
    }

    /** The trimmed value of {@code opt}, or null when absent. */
    public static String string(CommandLine commandLine, char opt) {
        String value = commandLine.getOptionValue(opt);
        return value == null ? null : value.trim();
    }

    public static int intValue(CommandLine commandLine, char opt, int defaultValue) throws SubCommandException {
        String value = string(commandLine, opt);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid(opt, value, "a whole number");
        }
    }

    public static long longValue(CommandLine commandLine, char opt, long defaultValue) throws SubCommandException {
        String value = string(commandLine, opt);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw invalid(opt, value, "a whole number");
        }
    }

    /** {@code true} or {@code false} in any case; anything else is an error rather than a silent false. */
    public static boolean boolValue(CommandLine commandLine, char opt, boolean defaultValue)
        throws SubCommandException {
        String value = string(commandLine, opt);
        if (value == null) {
            return defaultValue;
        }
        if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
            return Boolean.parseBoolean(value);
        }
        throw invalid(opt, value, "true or false");
    }

    /** A topic permission: 2 (W), 4 (R) or 6 (RW), optionally with the inherit bit 1. */
    public static int perm(CommandLine commandLine, char opt, int defaultValue) throws SubCommandException {
        int perm = intValue(commandLine, opt, defaultValue);
        if (perm < 0 || perm > 7) {
            throw invalid(opt, Integer.toString(perm), "a permission: 2 = W, 4 = R, 6 = RW");
        }
        return perm;
    }

    /**
     * A point in time: {@code now}, milliseconds since the epoch, or local time as
     * {@code yyyy-MM-dd#HH:mm:ss:SSS}.
     */
    public static long timestamp(CommandLine commandLine, char opt) throws SubCommandException {
        String value = string(commandLine, opt);
        if ("now".equals(value)) {
            return System.currentTimeMillis();
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notMillis) {
            SimpleDateFormat format = new SimpleDateFormat(UtilAll.YYYY_MM_DD_HH_MM_SS_SSS);
            format.setLenient(false);
            try {
                return format.parse(value).getTime();
            } catch (ParseException | NullPointerException e) {
                throw invalid(opt, value, "now, milliseconds since 1970 or yyyy-MM-dd#HH:mm:ss:SSS");
            }
        }
    }

    static SubCommandException invalid(char opt, String value, String expected) {
        return new SubCommandException("invalid -" + opt + " '" + value + "': expected " + expected);
    }
}
