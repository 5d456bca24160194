package org.cometmq.common.protocol.body;

import org.cometmq.remoting.protocol.RemotingSerializable;

/** VIEW_BROKER_STATS_DATA body: one statistic over the last minute, hour and day. */
public class BrokerStatsData extends RemotingSerializable {
    private BrokerStatsItem statsMinute;
    private BrokerStatsItem statsHour;
    private BrokerStatsItem statsDay;

    public BrokerStatsItem getStatsMinute() {
        return statsMinute;
    }

    public void setStatsMinute(BrokerStatsItem statsMinute) {
        this.statsMinute = statsMinute;
    }

    public BrokerStatsItem getStatsHour() {
        return statsHour;
    }

    public void setStatsHour(BrokerStatsItem statsHour) {
        this.statsHour = statsHour;
    }

    public BrokerStatsItem getStatsDay() {
        return statsDay;
    }

    public void setStatsDay(BrokerStatsItem statsDay) {
        this.statsDay = statsDay;
    }
}
