package org.cometmq.tools.command.export;

import java.util.LinkedHashMap;
import java.util.Map;

/** The cluster-wide sums {@code exportMetrics} writes under {@code totalData}: TPS now and messages of a day. */
final class ClusterMetrics {
    private double normalInTps;
    private double normalOutTps;
    private double transInTps;
    private double scheduleInTps;
    private long normalOneDayInNum;
    private long normalOneDayOutNum;
    private long transOneDayInNum;
    private long scheduleOneDayInNum;

    void addTps(double normalIn, double normalOut, double transIn, double scheduleIn) {
        normalInTps += normalIn;
        normalOutTps += normalOut;
        transInTps += transIn;
        scheduleInTps += scheduleIn;
    }

    void addOneDay(long normalIn, long normalOut, long transIn, long scheduleIn) {
        normalOneDayInNum += normalIn;
        normalOneDayOutNum += normalOut;
        transOneDayInNum += transIn;
        scheduleOneDayInNum += scheduleIn;
    }

    Map<String, Object> report() {
        Map<String, Double> totalTps = new LinkedHashMap<>();
        totalTps.put("totalNormalInTps", normalInTps);
        totalTps.put("totalNormalOutTps", normalOutTps);
        totalTps.put("totalTransInTps", transInTps);
        totalTps.put("totalScheduleInTps", scheduleInTps);
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("totalTps", totalTps);
        totals.put("totalOneDayNum", BrokerMetrics.oneDay(normalOneDayInNum, normalOneDayOutNum, transOneDayInNum,
            scheduleOneDayInNum));
        return totals;
    }
}
