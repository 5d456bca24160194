package org.cometmq.test.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** A consumer report with every digit after its moving section's header replaced. */
    static String withoutRunningFigures(String report) {
        int moving = report.indexOf(MOVING_SECTION);
        if (moving < 0) {
            return report;
        }
        return report.substring(0, moving) + report.substring(moving).replaceAll("\\d+", "#");
    }

    /** The file an export command says it wrote ({@code export <path> success}). */
    static String exportedPath(String stdout) {
        Matcher matcher = EXPORTED.matcher(stdout.trim());
        if (!matcher.matches()) {
            throw new AssertionError("no 'export <path> success' in: " + stdout);
        }
        return matcher.group(1);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parseJson(Path file) throws IOException {
        return RemotingSerializable.fromJson(Files.readString(file, StandardCharsets.UTF_8), Map.class);
    }
}
