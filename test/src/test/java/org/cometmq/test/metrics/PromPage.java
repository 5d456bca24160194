package org.cometmq.test.metrics;

import io.prometheus.metrics.expositionformats.PrometheusProtobufWriter;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of a {@code /metrics} page, read twice: the text page by a strict line parser (every line a HELP,
 * TYPE or sample line of a declared family, names and labels well formed, values numbers), and the same
 * registry in the protobuf exposition by the Prometheus client library's own generated parser. The Java client
 * ships no text-format parser, so {@link #crossCheck()} holds the text page to what the library parsed.
 */
final class PromPage {
    private static final Pattern TYPE = Pattern.compile("# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) "
        + "(counter|gauge|histogram|summary|untyped|info|stateset|gaugehistogram|unknown)");
    private static final Pattern HELP = Pattern.compile("# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .*");
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"(,|$)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Sample name to its points: labels and value. */
    private final Map<String, List<Map.Entry<Map<String, String>, Double>>> samples = new HashMap<>();
    private final Map<String, String> types = new LinkedHashMap<>();
    private final List<Metrics.MetricFamily> families;
    final String text;

    private PromPage(String text, List<Metrics.MetricFamily> families) {
        this.text = text;
        this.families = families;
        text.lines().forEach(this::parseLine);
    }

    static PromPage scrape(String hostPort) throws IOException, InterruptedException {
        URI uri = URI.create("http://" + hostPort + "/metrics");
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(uri).build(),
            HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200 || !page.headers().firstValue("Content-Type").orElse("").startsWith(
            "text/plain")) {
            throw new AssertionError(uri + " answered " + page.statusCode() + " " + page.headers().map());
        }
        HttpResponse<InputStream> proto = HTTP.send(HttpRequest.newBuilder(uri)
            .header("Accept", PrometheusProtobufWriter.CONTENT_TYPE).build(), HttpResponse.BodyHandlers.ofInputStream());
        List<Metrics.MetricFamily> families = new ArrayList<>();
        try (InputStream in = proto.body()) {
            Metrics.MetricFamily family;
            while ((family = Metrics.MetricFamily.parseDelimitedFrom(in)) != null) {
                families.add(family);
            }
        }
        return new PromPage(page.body(), families);
    }

    private void parseLine(String line) {
        if (line.isEmpty()) {
            return;
        }
        Matcher type = TYPE.matcher(line);
        if (type.matches()) {
            types.put(type.group(1), type.group(2));
            return;
        }
        if (HELP.matcher(line).matches()) {
            return;
        }
        Matcher sample = SAMPLE.matcher(line);
        if (!sample.matches()) {
            throw new AssertionError("not a text-format line: " + line);
        }
        String name = sample.group(1);
        if (!types.containsKey(familyOf(name))) {
            throw new AssertionError("sample of an undeclared family: " + line);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (sample.group(3) != null && !sample.group(3).isEmpty()) {
            Matcher label = LABEL.matcher(sample.group(3));
            int end = 0;
            while (label.find() && label.start() == end) {
                labels.put(label.group(1), label.group(2));
                end = label.end();
            }
            if (end != sample.group(3).length()) {
                throw new AssertionError("malformed labels: " + line);
            }
        }
        double value = Double.parseDouble(sample.group(4).replace("+Inf", "Infinity").replace("-Inf", "-Infinity"));
        samples.computeIfAbsent(name, n -> new ArrayList<>()).add(Map.entry(labels, value));
    }

    private String familyOf(String sampleName) {
        if (types.containsKey(sampleName)) {
            return sampleName;
        }
        for (String suffix : List.of("_total", "_bucket", "_count", "_sum", "_created")) {
            if (sampleName.endsWith(suffix)) {
                String base = sampleName.substring(0, sampleName.length() - suffix.length());
                if (types.containsKey(base) || types.containsKey(base + suffix)) {
                    return types.containsKey(base) ? base : base + suffix;
                }
            }
        }
        return sampleName;
    }

    /** Families the text page declares (counters by their {@code _total} sample name). */
    boolean has(String family) {
        return types.containsKey(family) || samples.containsKey(family);
    }

    /** The value of the one sample of {@code name} whose labels include {@code labels} (name, value, ...). */
    double value(String name, String... labels) {
        List<Double> found = new ArrayList<>();
        for (Map.Entry<Map<String, String>, Double> point : samples.getOrDefault(name, List.of())) {
            if (matches(point.getKey(), labels)) {
                found.add(point.getValue());
            }
        }
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " samples of " + name + " with " + String.join(",", labels)
                + " in\n" + text);
        }
        return found.get(0);
    }

    private static boolean matches(Map<String, String> actual, String... labels) {
        for (int i = 0; i < labels.length; i += 2) {
            if (!labels[i + 1].equals(actual.get(labels[i]))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every counter, gauge and histogram the library parsed from the protobuf page is on the text page too, with
     * the same labels; the {@code rocketmq_} counters agree in value (gauges such as latencies and the JVM's move
     * between the two requests). Returns how many points were checked.
     */
    int crossCheck() {
        int checked = 0;
        for (Metrics.MetricFamily family : families) {
            for (Metrics.Metric metric : family.getMetricList()) {
                String[] labels = metric.getLabelList().stream()
                    .flatMap(l -> java.util.stream.Stream.of(l.getName(), l.getValue())).toArray(String[]::new);
                switch (family.getType()) {
                    case COUNTER -> checked += compare(family.getName().endsWith("_total") ? family.getName()
                        : family.getName() + "_total", labels, metric.getCounter().getValue(), true);
                    case GAUGE -> checked += compare(family.getName(), labels, metric.getGauge().getValue(), false);
                    case HISTOGRAM -> checked += compare(family.getName() + "_count", labels,
                        metric.getHistogram().getSampleCount(), false);
                    default -> {
                    }
                }
            }
        }
        return checked;
    }

    private int compare(String sample, String[] labels, double parsed, boolean sameValue) {
        double onText = value(sample, labels);
        if (sameValue && sample.startsWith("rocketmq_") && Double.compare(onText, parsed) != 0) {
            throw new AssertionError(sample + " " + String.join(",", labels) + ": text " + onText + ", protobuf "
                + parsed);
        }
        return 1;
    }

    List<String> familyNames() {
        return new ArrayList<>(types.keySet());
    }
}
