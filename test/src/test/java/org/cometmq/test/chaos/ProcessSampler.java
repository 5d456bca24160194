package org.cometmq.test.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Samples one server JVM over a soak: live heap (heap used right after a full GC that {@code jcmd GC.run} asks
 * for, so that garbage not yet collected does not read as growth), anonymous resident memory (heap, direct
 * buffers, metaspace; not the mapped store files) and thread count, from {@code /proc/<pid>/status}.
 */
final class ProcessSampler {
    private static final Pattern HEAP_USED = Pattern.compile("garbage-first heap\\s+total \\d+K, used (\\d+)K");
    private static final Path JCMD = Path.of(ProcessHandle.current().info().command().orElseThrow())
        .resolveSibling("jcmd");

    private final String name;
    private final long pid;
    private final List<Sample> samples = new ArrayList<>();

    /** One sample: seconds since the soak started, live heap and anonymous RSS in KiB, threads. */
    record Sample(long second, long liveHeapKb, long rssAnonKb, int threads) {
    }

    ProcessSampler(String name, long pid) {
        this.name = name;
        this.pid = pid;
    }

    /** Takes a sample now; {@code second} is the soak's clock. */
    Sample sample(long second) throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher heap = HEAP_USED.matcher(jcmd("GC.heap_info"));
        if (!heap.find()) {
            throw new IllegalStateException("no G1 heap line from jcmd for " + name);
        }
        long rssAnon = 0;
        int threads = 0;
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("RssAnon:")) {
                rssAnon = Long.parseLong(line.replaceAll("\\D", ""));
            } else if (line.startsWith("Threads:")) {
                threads = Integer.parseInt(line.replaceAll("\\D", ""));
            }
        }
        Sample sample = new Sample(second, Long.parseLong(heap.group(1)), rssAnon, threads);
        samples.add(sample);
        return sample;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(JCMD.toString(), String.valueOf(pid), command)
            .redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("jcmd " + command + " failed for " + name + ": " + new String(output));
        }
        return new String(output);
    }

    String name() {
        return name;
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    /**
     * The samples after warm-up split into an early and a late half: the late half's peaks, against the early
     * half's peaks, with the least-squares slope of each figure per minute over the whole post-warm-up window.
     */
    Trend trend(long warmUpSeconds) {
        List<Sample> steady = samples.stream().filter(s -> s.second() >= warmUpSeconds).toList();
        if (steady.size() < 4) {
            throw new IllegalStateException(name + ": too few samples after warm-up to judge a trend: " + samples);
        }
        List<Sample> early = steady.subList(0, steady.size() / 2);
        List<Sample> late = steady.subList(steady.size() / 2, steady.size());
        return new Trend(name, steady.size(),
            max(early, Sample::liveHeapKb), max(late, Sample::liveHeapKb),
            max(early, Sample::rssAnonKb), max(late, Sample::rssAnonKb),
            max(early, s -> s.threads()), max(late, s -> s.threads()),
            slopePerMinute(steady, Sample::liveHeapKb), slopePerMinute(steady, Sample::rssAnonKb),
            slopePerMinute(steady, s -> s.threads()));
    }

    private static long max(List<Sample> samples, java.util.function.ToLongFunction<Sample> figure) {
        return samples.stream().mapToLong(figure).max().orElseThrow();
    }

    private static double slopePerMinute(List<Sample> samples, java.util.function.ToLongFunction<Sample> figure) {
        double meanX = samples.stream().mapToLong(Sample::second).average().orElseThrow();
        double meanY = samples.stream().mapToLong(figure).average().orElseThrow();
        double covariance = 0;
        double variance = 0;
        for (Sample s : samples) {
            covariance += (s.second() - meanX) * (figure.applyAsLong(s) - meanY);
            variance += (s.second() - meanX) * (s.second() - meanX);
        }
        return variance == 0 ? 0 : covariance / variance * 60;
    }

    /** Early and late peaks and slopes of one process's figures after warm-up. */
    record Trend(String name, int samples, long earlyHeapKb, long lateHeapKb, long earlyRssAnonKb,
                 long lateRssAnonKb, long earlyThreads, long lateThreads, double heapKbPerMinute,
                 double rssAnonKbPerMinute, double threadsPerMinute) {

        /**
         * No growth: the late peaks stay within a margin of the early peaks. The margins absorb one-off
         * allocations (a consume queue file's buffers, a G1 region more) without hiding a per-message leak,
         * which over a soak's hundreds of thousands of messages grows far beyond them.
         */
        boolean grows() {
            return lateHeapKb > earlyHeapKb * 5 / 4 + 8 * 1024
                || lateRssAnonKb > earlyRssAnonKb * 5 / 4 + 48 * 1024
                || lateThreads > earlyThreads + 4;
        }

        String render() {
            return String.format(Locale.ROOT, "  %-8s samples %3d | live heap %6.1f -> %6.1f MiB (%+.2f MiB/min)"
                    + " | RssAnon %6.1f -> %6.1f MiB (%+.2f MiB/min) | threads %d -> %d (%+.2f/min)%n",
                name, samples, earlyHeapKb / 1024.0, lateHeapKb / 1024.0, heapKbPerMinute / 1024,
                earlyRssAnonKb / 1024.0, lateRssAnonKb / 1024.0, rssAnonKbPerMinute / 1024, earlyThreads,
                lateThreads, threadsPerMinute);
        }
    }
}
