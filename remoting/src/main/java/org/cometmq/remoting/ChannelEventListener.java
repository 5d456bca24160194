package org.cometmq.remoting;

import io.netty.channel.Channel;

/**
 * Connection lifecycle events. They are delivered on a dedicated event thread, never on a Netty IO thread,
 * so an implementation may block briefly without stalling traffic.
 */
public interface ChannelEventListener {

    void onChannelConnect(String remoteAddr, Channel channel);

    void onChannelClose(String remoteAddr, Channel channel);

    void onChannelException(String remoteAddr, Channel channel);

    void onChannelIdle(String remoteAddr, Channel channel);
}
