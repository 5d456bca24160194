package org.cometmq.store.commitlog;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;

/**
 * Writes BORNHOST / STOREHOST fields (address bytes + int32 port). Remembers the last address it encoded, so
 * the common case of one store host and few producers costs no allocation. Not thread-safe: one per writer.
 */
final class HostCodec {

    private SocketAddress lastAddress;
    private byte[] lastBytes;

    /** 8 for an IPv4 address, 20 for IPv6. */
    static int length(SocketAddress address) {
        return isV6(address) ? 20 : 8;
    }

    static boolean isV6(SocketAddress address) {
        return address instanceof InetSocketAddress && ((InetSocketAddress) address).getAddress() instanceof Inet6Address;
    }

    /** Writes {@code address} at {@code pos}; returns the position after it. */
    int put(ByteBuffer buffer, int pos, SocketAddress address) {
        byte[] bytes = encode(address);
        buffer.put(pos, bytes);
        return pos + bytes.length;
    }

    byte[] encode(SocketAddress address) {
        if (address == lastAddress && lastBytes != null) {
            return lastBytes;
        }
        InetSocketAddress isa = (InetSocketAddress) address;
        byte[] ip = isa.getAddress().getAddress();
        byte[] bytes = new byte[ip.length + 4];
        System.arraycopy(ip, 0, bytes, 0, ip.length);
        int port = isa.getPort();
        bytes[ip.length] = (byte) (port >>> 24);
        bytes[ip.length + 1] = (byte) (port >>> 16);
        bytes[ip.length + 2] = (byte) (port >>> 8);
        bytes[ip.length + 3] = (byte) port;
        lastAddress = address;
        lastBytes = bytes;
        return bytes;
    }
}
