package org.cometmq.broker.stats;

import java.time.LocalDate;
import java.time.ZoneId;
import org.cometmq.common.ServiceThread;

/**
 * Samples the broker's statistics every 10 s (minute and hour samples when due) and keeps the day-boundary
 * totals that mqadmin shows as "yesterday" and "today".
 */
public class BrokerStatsSampler extends ServiceThread {
    private static final long TEN_SECONDS = 10_000;
    private static final long MINUTE = 60_000;
    private static final long HOUR = 3_600_000;

    private final BrokerStatsManager stats;
    private long lastMinuteSample;
    private long lastHourSample;
    private LocalDate today;
    private volatile long putTotalTodayMorning;
    private volatile long putTotalYesterdayMorning;
    private volatile long getTotalTodayMorning;
    private volatile long getTotalYesterdayMorning;

    public BrokerStatsSampler(BrokerStatsManager stats) {
        this.stats = stats;
        long now = stats.clock().millis();
        this.lastMinuteSample = now;
        this.lastHourSample = now;
        this.today = LocalDate.now(stats.clock().withZone(ZoneId.systemDefault()));
        setDaemon(true);
    }

    @Override
    public String getServiceName() {
        return "BrokerStatsSampler";
    }

    @Override
    public void run() {
        while (!isStopped()) {
            waitForRunning(TEN_SECONDS);
            if (!isStopped()) {
                sampleOnce();
            }
        }
    }

    /** One sampling round; public for tests and for a final sample before reading. */
    public void sampleOnce() {
        long now = stats.clock().millis();
        boolean minute = now - lastMinuteSample >= MINUTE;
        boolean hour = now - lastHourSample >= HOUR;
        stats.sample(minute, hour);
        if (minute) {
            lastMinuteSample = now;
        }
        if (hour) {
            lastHourSample = now;
        }
        LocalDate date = LocalDate.now(stats.clock().withZone(ZoneId.systemDefault()));
        if (!date.equals(today)) {
            today = date;
            putTotalYesterdayMorning = putTotalTodayMorning;
            getTotalYesterdayMorning = getTotalTodayMorning;
            putTotalTodayMorning = stats.getBrokerPutNumsTotal();
            getTotalTodayMorning = stats.getBrokerGetNumsTotal();
        }
    }

    public long getPutTotalTodayMorning() {
        return putTotalTodayMorning;
    }

    public long getPutTotalYesterdayMorning() {
        return putTotalYesterdayMorning;
    }

    public long getGetTotalTodayMorning() {
        return getTotalTodayMorning;
    }

    public long getGetTotalYesterdayMorning() {
        return getTotalYesterdayMorning;
    }

    @Override
    public long getJoinTimeMillis() {
        return 5_000;
    }
}
