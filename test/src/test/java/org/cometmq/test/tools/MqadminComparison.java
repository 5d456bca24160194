package org.cometmq.test.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One row of a comparison table: a sub-command with its arguments, run once with each mqadmin, and how the two
 * outputs are made comparable. An argument holding {@value #EACH} names one object per tool (a state-changing
 * command works on two distinct objects): it becomes {@value #OURS} for CometMQ's run and {@value #THEIRS} for
 * Apache's, whose output then reads {@value #OURS} again. Every step beyond the common normalisation of
 * {@link #lines} is a named exception with its reason.
 */
record MqadminComparison(String command, List<String> args, String exception, UnaryOperator<List<String>> shape,
                         Predicate<String> until, boolean logged, boolean refusals) {
    static final String EACH = "@";
    static final String OURS = "Ours";
    static final String THEIRS = "Theirs";
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(,\\d{3})?");
    /** Where a query command saved a message body: the temp folder of each tool's JVM. */
    /** A server's refusal: CometMQ's one line, or the description in 4.9.7's exception. */
    private static final Pattern REFUSAL = Pattern.compile(
        "mqadmin: error code (\\d+) from \\S+: (.*)|CODE: (\\d+) {2}DESC: (.*?)(?: BROKER: \\S+)?$",
        Pattern.MULTILINE);
    /** A request the server never answered (4.9.7's broker without ACL drops some ACL requests). */
    private static final Pattern NO_ANSWER = Pattern.compile("wait response on the channel <\\S+> timeout");
    private static final Pattern BODY_PATH = Pattern.compile("^(Message Body Path:\\s+).*$");

    /** A command whose normalised output must be equal line for line, exit code too. */
    static MqadminComparison exact(String command, String... args) {
        return new MqadminComparison(command, List.of(args), null, UnaryOperator.identity(), null, false, false);
    }

    /** This row with {@code shape} applied to both outputs, for the reason given. */
    MqadminComparison except(String reason, UnaryOperator<List<String>> step) {
        return new MqadminComparison(command, args, reason, lines -> step.apply(shape.apply(lines)), until, logged,
            refusals);
    }

    /** This row run as a command that does not end: each tool is stopped once its stdout (or log) has enough. */
    MqadminComparison until(String reason, Predicate<String> enough, boolean inLog) {
        return new MqadminComparison(command, args, reason, shape, enough, inLog, refusals);
    }

    /**
     * This row with a failed run compared by the server's refusal instead of the exit code: 4.9.7's mqadmin prints
     * the exception's stack and still exits 0, CometMQ's prints one line and exits 1.
     */
    MqadminComparison refusedAlike(String reason) {
        return new MqadminComparison(command, args, reason, shape, until, logged, true);
    }

    /** The arguments of one tool's run. */
    String[] argsFor(String side) {
        return args.stream().map(arg -> arg.replace(EACH, side)).toArray(String[]::new);
    }

    /** Runs this row with {@code tool}; {@code side} is {@link #OURS} or {@link #THEIRS}. */
    CommandResult runWith(Mqadmin tool, String side) {
        if (until == null) {
            return tool.run(command, argsFor(side));
        }
        return logged ? tool.runUntilLogged(until, command, argsFor(side)) : tool.runUntil(until, command,
            argsFor(side));
    }

    /**
     * The stdout lines of a run as compared: the exit code first, Apache's object names read as CometMQ's, times of
     * day and saved body paths replaced (what must differ between two runs), then this row's shape.
     */
    List<String> lines(CommandResult result, String side) {
        List<String> normalised = new ArrayList<>(List.of(outcome(result)));
        for (String line : result.stdoutLines()) {
            String text = side.equals(THEIRS) && args.stream().anyMatch(arg -> arg.contains(EACH))
                ? line.replace(THEIRS, OURS) : line;
            text = DATE_TIME.matcher(text).replaceAll("<time>");
            normalised.add(BODY_PATH.matcher(text).replaceAll("$1<path>"));
        }
        List<String> shaped = new ArrayList<>(normalised.subList(0, 1));
        shaped.addAll(shape.apply(normalised.subList(1, normalised.size())));
        return shaped;
    }

    /**
     * The exit code, or for a {@link #refusedAlike} row the server's refusal (code and description) or that it did
     * not answer.
     */
    private String outcome(CommandResult result) {
        Matcher refusal = REFUSAL.matcher(result.stderr());
        if (refusals && NO_ANSWER.matcher(result.stderr()).find()) {
            return "no answer: the request timed out";
        }
        if (!refusals || !refusal.find()) {
            return "exit " + result.exitCode();
        }
        boolean ours = refusal.group(1) != null;
        return "refused: code " + refusal.group(ours ? 1 : 3) + ": " + refusal.group(ours ? 2 : 4);
    }

    /** Each line with every match of {@code regex} replaced by {@code replacement}. */
    static UnaryOperator<List<String>> replacing(String regex, String replacement) {
        Pattern pattern = Pattern.compile(regex);
        return lines -> lines.stream().map(line -> pattern.matcher(line).replaceAll(replacement)).toList();
    }

    /** The lines sorted: for output whose order is a hash order in 4.9.7. */
    static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().toList();
    }
}
