package org.cometmq.remoting.common;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Address parsing and error descriptions shared by servers, clients and processors. */
public final class RemotingHelper {
    public static final String ROCKETMQ_REMOTING = "RocketmqRemoting";
    public static final String DEFAULT_CHARSET = "UTF-8";

    private RemotingHelper() {
    }

    /** The throwable's {@code toString()} followed by its first stack frame, e.g. {@code "java.lang.IllegalStateException: x, Foo.bar(Foo.java:3)"}. */
    public static String exceptionSimpleDesc(Throwable e) {
        if (e == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(e.toString());
        StackTraceElement[] stack = e.getStackTrace();
        if (stack != null && stack.length > 0) {
            sb.append(", ").append(stack[0]);
        }
        return sb.toString();
    }

    /** Parses {@code "host:port"} (the port after the last colon). */
    public static SocketAddress string2SocketAddress(String addr) {
        int split = addr.lastIndexOf(':');
        if (split <= 0 || split == addr.length() - 1) {
            throw new IllegalArgumentException("address '" + addr + "' is not of the form host:port");
        }
        String host = addr.substring(0, split);
        int port = Integer.parseInt(addr.substring(split + 1));
        return new InetSocketAddress(host, port);
    }

    /** The peer as {@code "ip:port"}; empty when the channel is null or has no peer. */
    public static String parseChannelRemoteAddr(Channel channel) {
        if (channel == null) {
            return "";
        }
        return parseSocketAddressAddr(channel.remoteAddress());
    }

    /** {@code "ip:port"} without the leading slash of {@code InetSocketAddress.toString()}; empty for null. */
    public static String parseSocketAddressAddr(SocketAddress socketAddress) {
        if (socketAddress == null) {
            return "";
        }
        if (socketAddress instanceof InetSocketAddress) {
            InetSocketAddress inet = (InetSocketAddress) socketAddress;
            String host = inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
            return host + ":" + inet.getPort();
        }
        String text = socketAddress.toString();
        int slash = text.lastIndexOf('/');
        return slash >= 0 ? text.substring(slash + 1) : text;
    }
}
