package org.cometmq.remoting.common;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Small channel and platform helpers. */
public final class RemotingUtil {
    private static final Logger log = LoggerFactory.getLogger(RemotingHelper.ROCKETMQ_REMOTING);
    public static final String OS_NAME = System.getProperty("os.name", "");

    private RemotingUtil() {
    }

    public static boolean isLinuxPlatform() {
        return OS_NAME.toLowerCase(Locale.ROOT).contains("linux");
    }

    /** {@code "ip:port"} of an address (its resolved IP when there is one). */
    public static String socketAddress2String(SocketAddress addr) {
        if (addr instanceof InetSocketAddress) {
            InetSocketAddress inet = (InetSocketAddress) addr;
            String host = inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
            return host + ":" + inet.getPort();
        }
        return String.valueOf(addr);
    }

    /** Closes a channel and logs the outcome with the peer's address. */
    public static void closeChannel(Channel channel) {
        if (channel == null) {
            return;
        }
        String addr = RemotingHelper.parseChannelRemoteAddr(channel);
        channel.close().addListener(future ->
            log.info("closed channel to {}: {}", addr, future.isSuccess() ? "ok" : String.valueOf(future.cause())));
    }
}
