package org.cometmq.broker.stats;

/** A statistic over one window: total added, rate per second, and average value per event. */
public final class StatsSnapshot {
    public static final StatsSnapshot EMPTY = new StatsSnapshot(0, 0, 0);

    private final long sum;
    private final double tps;
    private final double avgpt;

    public StatsSnapshot(long sum, double tps, double avgpt) {
        this.sum = sum;
        this.tps = tps;
        this.avgpt = avgpt;
    }

    public long getSum() {
        return sum;
    }

    public double getTps() {
        return tps;
    }

    public double getAvgpt() {
        return avgpt;
    }
}
