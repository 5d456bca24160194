package org.cometmq.namesrv.routeinfo;

import io.netty.channel.Channel;
import org.cometmq.common.DataVersion;

/** The last registration of one broker address: when, with which topic version, on which channel. */
public final class BrokerLiveInfo {
    private volatile long lastUpdateTimestamp;
    private final DataVersion dataVersion;
    private final Channel channel;
    private final String haServerAddr;

    public BrokerLiveInfo(long lastUpdateTimestamp, DataVersion dataVersion, Channel channel, String haServerAddr) {
        this.lastUpdateTimestamp = lastUpdateTimestamp;
        this.dataVersion = dataVersion;
        this.channel = channel;
        this.haServerAddr = haServerAddr;
    }

    public long getLastUpdateTimestamp() {
        return lastUpdateTimestamp;
    }

    /** Refreshed by QUERY_DATA_VERSION, which proves the broker is alive without re-registering. */
    void setLastUpdateTimestamp(long lastUpdateTimestamp) {
        this.lastUpdateTimestamp = lastUpdateTimestamp;
    }

    public DataVersion getDataVersion() {
        return dataVersion;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getHaServerAddr() {
        return haServerAddr;
    }

    @Override
    public String toString() {
        return "BrokerLiveInfo [lastUpdateTimestamp=" + lastUpdateTimestamp + ", dataVersion=" + dataVersion
            + ", channel=" + channel + ", haServerAddr=" + haServerAddr + "]";
    }
}
