package org.cometmq.test.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cometmq.test.harness.CrossProcess;
import org.junit.jupiter.api.Test;

/**
 * A soak: mixed load (sync, async, batch, delayed, transactional and orderly sends; a concurrent and an orderly
 * push consumer) against one SYNC_FLUSH broker, with the broker's and name server's live heap, anonymous resident
 * memory and thread count sampled. After warm-up none of them may grow; nothing acknowledged is lost, no
 * rolled-back transaction is delivered, the orderly group sees each shard in order. CI soaks 60 s with a sample
 * every 5 s; {@code -Dchaos.long=true} soaks 10 minutes with a sample every 10 s.
 */
@CrossProcess
class SoakChaosIT {
    private static final boolean LONG = ChaosCluster.longRun();
    private static final Duration SOAK = LONG ? Duration.ofMinutes(10) : Duration.ofSeconds(60);
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(LONG ? 10 : 5);
    private static final long WARM_UP_SECONDS = SOAK.toSeconds() / 4;
    private static final int SENDS_PER_SECOND_PER_KIND = 40;

    @Test
    void mixedLoadShowsNoGrowthAndLosesNothing() throws Exception {
        // the check service asks about unknown transactions every 3 s instead of 4.9.7's 60 s, so a short soak
        // sees them committed
        Map<String, String> settings = Map.of("transactionCheckInterval", "3000", "transactionTimeOut", "2000");
        try (ChaosCluster cluster = ChaosCluster.start("soak", 1, settings)) {
            String mixed = cluster.createTopic("SoakMixed", 4, "127.0.0.1");
            String ordered = cluster.createTopic("SoakOrdered", 4, "127.0.0.1");
            ProcessSampler broker = new ProcessSampler("broker", cluster.brokers.get(0).process().pid());
            ProcessSampler namesrv = new ProcessSampler("namesrv", cluster.namesrv.process().pid());
            try (SoakLoad load = new SoakLoad(cluster.namesrv.address(), mixed, ordered, SENDS_PER_SECOND_PER_KIND)
                .start()) {
                long start = System.nanoTime();
                long end = start + SOAK.toNanos();
                for (long next = start; next < end; next += SAMPLE_EVERY.toNanos()) {
                    ChaosWorkload.pause(Math.max(0, TimeUnit.NANOSECONDS.toMillis(next - System.nanoTime())));
                    long second = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
                    broker.sample(second);
                    namesrv.sample(second);
                }
                load.stopSending();
                load.awaitDrained(Duration.ofSeconds(60));
                ProcessSampler.Trend brokerTrend = broker.trend(WARM_UP_SECONDS);
                ProcessSampler.Trend namesrvTrend = namesrv.trend(WARM_UP_SECONDS);
                System.out.print(render(load, List.of(broker, namesrv), List.of(brokerTrend, namesrvTrend)));
                load.report(String.format(Locale.ROOT, "soak %d s, 1 SYNC_FLUSH broker, 6 paced senders",
                    SOAK.toSeconds())).printAndAssertNoLoss(SOAK.toSeconds() * SENDS_PER_SECOND_PER_KIND);
                assertEquals(0, load.rolledBackDelivered(), "rolled-back transactions delivered");
                assertEquals(0, load.orderViolations(), "orderly consumer saw a shard out of order");
                assertFalse(brokerTrend.grows(), "broker grows after warm-up:\n" + brokerTrend.render());
                assertFalse(namesrvTrend.grows(), "name server grows after warm-up:\n" + namesrvTrend.render());
            }
        }
    }

    private static String render(SoakLoad load, List<ProcessSampler> samplers, List<ProcessSampler.Trend> trends) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
            "soak report: sent by kind %s; rolled back %d (delivered %d); order violations %d%n",
            load.sentByKind(), load.rolledBackCount(), load.rolledBackDelivered(), load.orderViolations()));
        for (ProcessSampler sampler : samplers) {
            out.append("  samples ").append(sampler.name()).append(" (s: live heap KiB / RssAnon KiB / threads):");
            sampler.samples().forEach(s -> out.append(String.format(Locale.ROOT, " %d:%d/%d/%d", s.second(),
                s.liveHeapKb(), s.rssAnonKb(), s.threads())));
            out.append(System.lineSeparator());
        }
        trends.forEach(t -> out.append(t.render()));
        return out.toString();
    }
}
