package org.cometmq.example.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.HdrHistogram.Histogram;
import org.cometmq.example.stats.LatencySummary;
import org.junit.jupiter.api.Test;

class BenchmarkReportTest {

    private static LatencySummary oneToHundred() {
        Histogram histogram = new Histogram(3);
        for (int v = 1; v <= 100; v++) {
            histogram.recordValue(v);
        }
        return LatencySummary.of(histogram);
    }

    @Test
    void summaryLinesHaveTheDocumentedKeysInOrder() {
        assertEquals("SUMMARY send tps=50.0 ok=100 failed=3 avg_us=50.5 p50_us=50 p99_us=99 p999_us=100 max_us=100",
            BenchmarkReport.sendSummary(BenchmarkReport.perSecond(100, 2_000_000_000L), 3, oneToHundred()));
        assertEquals("SUMMARY consume tps=25.0 count=100 e2e_avg_ms=50.5 e2e_p50_ms=50 e2e_p99_ms=99 e2e_max_ms=100",
            BenchmarkReport.consumeSummary(BenchmarkReport.perSecond(100, 4_000_000_000L), oneToHundred()));
    }

    @Test
    void intervalLinesCarryTheElapsedSeconds() {
        assertEquals("[   10s] send tps=10.0 failed=0 avg_us=50.5 p50_us=50 p99_us=99 p999_us=100 max_us=100",
            BenchmarkReport.sendInterval(10, 10.0, 0, oneToHundred()));
        assertEquals("[   20s] consume tps=12.5 e2e_avg_ms=50.5 e2e_p50_ms=50 e2e_p99_ms=99 e2e_max_ms=100",
            BenchmarkReport.consumeInterval(20, 12.5, oneToHundred()));
    }

    @Test
    void rateOfAnEmptySpanIsZero() {
        assertEquals(0.0, BenchmarkReport.perSecond(10, 0));
        assertEquals(1000.0, BenchmarkReport.perSecond(1, 1_000_000));
    }
}
