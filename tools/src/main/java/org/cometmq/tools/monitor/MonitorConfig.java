package org.cometmq.tools.monitor;

import org.cometmq.common.MixAll;

/**
 * Where {@link MonitorService} finds the cluster (by default the {@code rocketmq.namesrv.addr} property, else the
 * {@code NAMESRV_ADDR} environment variable) and how often it measures (every minute by default).
 */
public class MonitorConfig {
    private String namesrvAddr = System.getProperty(MixAll.NAMESRV_ADDR_PROPERTY,
        System.getenv(MixAll.NAMESRV_ADDR_ENV));
    private int roundInterval = 60_000;

    public String getNamesrvAddr() {
        return namesrvAddr;
    }

    public void setNamesrvAddr(String namesrvAddr) {
        this.namesrvAddr = namesrvAddr;
    }

    /** Milliseconds between the starts of two rounds. */
    public int getRoundInterval() {
        return roundInterval;
    }

    public void setRoundInterval(int roundInterval) {
        this.roundInterval = roundInterval;
    }
}
