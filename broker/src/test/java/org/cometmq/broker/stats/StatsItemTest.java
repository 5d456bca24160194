package org.cometmq.broker.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cometmq.testkit.ManualClock;
import org.junit.jupiter.api.Test;

class StatsItemTest {
    @Test
    void ratesOverTenSecondAndMinuteWindows() {
        ManualClock clock = new ManualClock(0);
        BrokerStatsManager stats = new BrokerStatsManager(clock);
        BrokerStatsSampler sampler = new BrokerStatsSampler(stats);
        stats.incBrokerPutNums(0);
        for (int i = 0; i < 6; i++) {
            clock.advance(10_000);
            stats.incBrokerPutNums(100 * (i + 1));
            sampler.sampleOnce();
        }
        // last 10 s: 600 messages; last 60 s: 100+...+600 = 2100
        assertEquals("60.00 35.00 35.00", stats.tpsTriple(BrokerStatsManager.BROKER_PUT_NUMS));
        assertEquals(2100, stats.getBrokerPutNumsTotal());
        StatsItem item = stats.getStatsItem(BrokerStatsManager.BROKER_PUT_NUMS, BrokerStatsManager.BROKER_KEY);
        assertEquals(2100, item.getStatsDataInMinute().getSum());
        assertEquals(2100.0 / 7, item.getStatsDataInMinute().getAvgpt(), 1e-9, "seven add calls, the first of zero");
        assertEquals(2100, item.getStatsDataInHour().getSum(), "the minute sample taken at 60 s");
    }

    @Test
    void groupGetTps() {
        ManualClock clock = new ManualClock(0);
        BrokerStatsManager stats = new BrokerStatsManager(clock);
        BrokerStatsSampler sampler = new BrokerStatsSampler(stats);
        stats.incGroupGetNums("g", "T", 0);
        clock.advance(10_000);
        stats.incGroupGetNums("g", "T", 50);
        sampler.sampleOnce();
        assertEquals(5.0, stats.tpsGroupGetNums("g", "T"), 1e-9);
        assertEquals(0.0, stats.tpsGroupGetNums("g", "other"), 1e-9);
    }
}
