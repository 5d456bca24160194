package org.cometmq.test.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cometmq.remoting.protocol.RemotingSerializable;

/**
 * Normalises what two mqadmin runs must print differently however faithful the tool: the moment of the run,
 * measured send times, and figures of a running consumer that change between two looks.
 */
final class MqadminOutput {
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
    private static final Pattern DECIMAL = Pattern.compile("\\d+\\.\\d+");
    private static final Pattern TRAILING_NUMBER = Pattern.compile("\\d+\\s*$");
    private static final Pattern SAVED_AT = Pattern.compile("(\\s)\\d+/");
    private static final Pattern EXPORTED = Pattern.compile("export (.*) success\\s*");
    /** From here on a consumer report holds queue caches, timestamps and rates that move while it runs. */
    private static final String MOVING_SECTION = "#Consumer MQ Detail#";

    private MqadminOutput() {
    }

    /** Times of day, measured round trips and rates replaced by placeholders; runs of blanks made one. */
    static List<String> withoutTimes(List<String> lines) {
        List<String> normalised = new ArrayList<>();
        for (String line : lines) {
            String text = DATE_TIME.matcher(line).replaceAll("<time>");
            text = DECIMAL.matcher(text).replaceAll("<rt>");
            text = TRAILING_NUMBER.matcher(text).replaceAll("<rt>");
            normalised.add(text.replaceAll("\\s+", " ").trim());
        }
        return normalised;
    }

    /** consumerStatus rows with the save folder (the millisecond of the run) replaced. */
    static List<String> withoutSaveTime(List<String> lines) {
        return lines.stream().map(line -> SAVED_AT.matcher(line).replaceAll("$1<millis>/")).toList();
    }

    /**
     * A consumer report with every number after its moving section's header replaced, and runs of blanks there made
     * one: the columns pad each figure to its width, so a figure of another width moves its row's blanks.
     */
    static String withoutRunningFigures(String report) {
        int moving = report.indexOf(MOVING_SECTION);
        if (moving < 0) {
            return report;
        }
        return report.substring(0, moving)
            + report.substring(moving).replaceAll("\\d+", "#").replaceAll("[ \\t]+", " ");
    }

    /** The file an export command says it wrote ({@code export <path> success}). */
    static String exportedPath(String stdout) {
        Matcher matcher = EXPORTED.matcher(stdout.trim());
        if (!matcher.matches()) {
            throw new AssertionError("no 'export <path> success' in: " + stdout);
        }
        return matcher.group(1);
    }

    /**
     * metrics.json with the figures that move between two looks (TPS of the last seconds, disk use of the
     * machine) reduced to their names.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withoutMovingMetrics(Map<String, Object> metrics) {
        for (Object broker : ((Map<String, Object>) metrics.get("evaluateReport")).values()) {
            Map<String, Object> quota = (Map<String, Object>) ((Map<String, Object>) broker).get("runtimeQuota");
            quota.replaceAll((key, value) -> key.equals("tps") || key.equals("diskRatio")
                ? new TreeSet<>(((Map<String, Object>) value).keySet()) : value);
        }
        Map<String, Object> totals = (Map<String, Object>) metrics.get("totalData");
        totals.put("totalTps", new TreeSet<>(((Map<String, Object>) totals.get("totalTps")).keySet()));
        return metrics;
    }

    /**
     * The first monitoring round a log holds: its {@code [MONITOR]} lines from beginRound to endRound, each from
     * that tag on (the log's time and logger prefix differ between the tools), the reports between them sorted
     * (4.9.7 walks the topic list and each group's topics in hash order).
     */
    static List<String> firstMonitorRound(String log) {
        List<String> round = new ArrayList<>();
        for (String line : log.split("\\R")) {
            int tag = line.indexOf("[MONITOR]");
            if (tag >= 0 && (!round.isEmpty() || line.endsWith("beginRound"))) {
                round.add(line.substring(tag));
                if (line.endsWith("endRound")) {
                    List<String> reports = new ArrayList<>(round.subList(1, round.size() - 1));
                    reports.sort(null);
                    List<String> sorted = new ArrayList<>(List.of(round.get(0)));
                    sorted.addAll(reports);
                    sorted.add(round.get(round.size() - 1));
                    return sorted;
                }
            }
        }
        throw new AssertionError("no complete monitoring round in:\n" + log);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parseJson(Path file) throws IOException {
        return RemotingSerializable.fromJson(Files.readString(file, StandardCharsets.UTF_8), Map.class);
    }
}
