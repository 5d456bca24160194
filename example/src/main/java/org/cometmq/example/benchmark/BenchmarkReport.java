package org.cometmq.example.benchmark;

import java.util.Locale;
import org.cometmq.example.stats.LatencySummary;

/**
 * The lines the benchmarks print. The SUMMARY lines are a contract: scripts and tests grep them, so their
 * keys and order only ever grow at the end.
 */
final class BenchmarkReport {
    private BenchmarkReport() {
    }

    /** Per-second rate of {@code count} events over {@code nanos}; 0 for an empty span. */
    static double perSecond(long count, long nanos) {
        return nanos <= 0 ? 0 : count * 1e9 / nanos;
    }

    static String sendInterval(long elapsedSeconds, double tps, long failed, LatencySummary latency) {
        return String.format(Locale.ROOT,
            "[%5ds] send tps=%.1f failed=%d avg_us=%.1f p50_us=%d p99_us=%d p999_us=%d max_us=%d",
            elapsedSeconds, tps, failed, latency.mean(), latency.p50(), latency.p99(), latency.p999(),
            latency.max());
    }

    static String sendSummary(double tps, long failed, LatencySummary latency) {
        return String.format(Locale.ROOT,
            "SUMMARY send tps=%.1f ok=%d failed=%d avg_us=%.1f p50_us=%d p99_us=%d p999_us=%d max_us=%d",
            tps, latency.count(), failed, latency.mean(), latency.p50(), latency.p99(), latency.p999(),
            latency.max());
    }

    static String consumeInterval(long elapsedSeconds, double tps, LatencySummary e2eMillis) {
        return String.format(Locale.ROOT,
            "[%5ds] consume tps=%.1f e2e_avg_ms=%.1f e2e_p50_ms=%d e2e_p99_ms=%d e2e_max_ms=%d",
            elapsedSeconds, tps, e2eMillis.mean(), e2eMillis.p50(), e2eMillis.p99(), e2eMillis.max());
    }

    static String consumeSummary(double tps, LatencySummary e2eMillis) {
        return String.format(Locale.ROOT,
            "SUMMARY consume tps=%.1f count=%d e2e_avg_ms=%.1f e2e_p50_ms=%d e2e_p99_ms=%d e2e_max_ms=%d",
            tps, e2eMillis.count(), e2eMillis.mean(), e2eMillis.p50(), e2eMillis.p99(), e2eMillis.max());
    }
}
