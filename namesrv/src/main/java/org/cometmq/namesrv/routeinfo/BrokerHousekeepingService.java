package org.cometmq.namesrv.routeinfo;

import io.netty.channel.Channel;
import org.cometmq.remoting.ChannelEventListener;

/** Drops a broker's routes as soon as its connection closes, fails or goes idle, instead of waiting for expiry. */
public class BrokerHousekeepingService implements ChannelEventListener {
    private final RouteInfoManager routeInfoManager;

    public BrokerHousekeepingService(RouteInfoManager routeInfoManager) {
        this.routeInfoManager = routeInfoManager;
    }

    @Override
    public void onChannelConnect(String remoteAddr, Channel channel) {
        // a connection alone says nothing: routes appear on REGISTER_BROKER
    }

    @Override
    public void onChannelClose(String remoteAddr, Channel channel) {
        routeInfoManager.onChannelDestroy(remoteAddr, channel);
    }

    @Override
    public void onChannelException(String remoteAddr, Channel channel) {
        routeInfoManager.onChannelDestroy(remoteAddr, channel);
    }

    @Override
    public void onChannelIdle(String remoteAddr, Channel channel) {
        routeInfoManager.onChannelDestroy(remoteAddr, channel);
    }
}
