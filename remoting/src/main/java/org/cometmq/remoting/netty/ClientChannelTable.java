package org.cometmq.remoting.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.cometmq.remoting.common.RemotingHelper;
import org.cometmq.remoting.common.RemotingUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's connections, one per address, created under a lock so concurrent callers share one connect;
 * and the name server list with its round-robin choice: the chosen name server is kept while its connection
 * is healthy, and the next one in the list is tried when it is not.
 */
final class ClientChannelTable {
    private static final Logger log = LoggerFactory.getLogger(RemotingHelper.ROCKETMQ_REMOTING);
    private static final long LOCK_TIMEOUT_MILLIS = 3000;

    private final Bootstrap bootstrap;
    private final long connectTimeoutMillis;
    private final ConcurrentHashMap<String, ChannelWrapper> channelTables = new ConcurrentHashMap<>();
    private final Lock lockChannelTables = new ReentrantLock();
    private final AtomicReference<List<String>> namesrvAddrList = new AtomicReference<>(Collections.emptyList());
    private final AtomicReference<String> namesrvAddrChoosed = new AtomicReference<>();
    private final AtomicInteger namesrvIndex = new AtomicInteger(ThreadLocalRandom.current().nextInt(999));
    private final Lock namesrvChannelLock = new ReentrantLock();

    ClientChannelTable(Bootstrap bootstrap, long connectTimeoutMillis) {
        this.bootstrap = bootstrap;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    void updateNameServerAddressList(List<String> addrs) {
        if (addrs == null || addrs.isEmpty()) {
            log.warn("ignoring an empty name server address list");
            return;
        }
        List<String> old = namesrvAddrList.get();
        if (addrs.equals(old)) {
            return;
        }
        namesrvAddrList.set(Collections.unmodifiableList(new ArrayList<>(addrs)));
        String chosen = namesrvAddrChoosed.get();
        if (chosen != null && !addrs.contains(chosen)) {
            namesrvAddrChoosed.compareAndSet(chosen, null);
        }
        log.info("name server address list updated: {} -> {}", old, addrs);
    }

    List<String> getNameServerAddressList() {
        return namesrvAddrList.get();
    }

    String getNamesrvAddrChoosed() {
        return namesrvAddrChoosed.get();
    }

    /** The connection for {@code addr}, connecting if needed; null when the connect fails or times out. */
    Channel getAndCreateChannel(String addr) throws InterruptedException {
        if (addr == null) {
            return getAndCreateNameserverChannel();
        }
        ChannelWrapper cw = channelTables.get(addr);
        if (cw != null && cw.isOK()) {
            return cw.getChannel();
        }
        return createChannel(addr);
    }

    private Channel getAndCreateNameserverChannel() throws InterruptedException {
        Channel healthy = chosenNameserverChannel();
        if (healthy != null) {
            return healthy;
        }
        if (!namesrvChannelLock.tryLock(LOCK_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
            log.warn("could not take the name server channel lock within {} ms", LOCK_TIMEOUT_MILLIS);
            return null;
        }
        try {
            healthy = chosenNameserverChannel();
            if (healthy != null) {
                return healthy;
            }
            List<String> list = namesrvAddrList.get();
            for (int i = 0; i < list.size(); i++) {
                String next = list.get(Math.floorMod(namesrvIndex.incrementAndGet(), list.size()));
                namesrvAddrChoosed.set(next);
                log.info("using name server {} ({} of {})", next, list.indexOf(next) + 1, list.size());
                Channel channel = createChannel(next);
                if (channel != null) {
                    return channel;
                }
            }
            if (list.isEmpty()) {
                log.warn("no name server address set: call updateNameServerAddressList first");
            }
            return null;
        } finally {
            namesrvChannelLock.unlock();
        }
    }

    private Channel chosenNameserverChannel() {
        String chosen = namesrvAddrChoosed.get();
        ChannelWrapper cw = chosen == null ? null : channelTables.get(chosen);
        return cw != null && cw.isOK() ? cw.getChannel() : null;
    }

    private Channel createChannel(String addr) throws InterruptedException {
        ChannelWrapper cw = channelTables.get(addr);
        if (cw != null && cw.isOK()) {
            return cw.getChannel();
        }
        if (!lockChannelTables.tryLock(LOCK_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
            log.warn("could not take the channel table lock within {} ms to connect to {}", LOCK_TIMEOUT_MILLIS, addr);
            return null;
        }
        try {
            cw = channelTables.get(addr);
            if (cw != null && cw.isOK()) {
                return cw.getChannel();
            }
            if (cw == null || cw.getChannelFuture().isDone()) {
                channelTables.remove(addr);
                cw = new ChannelWrapper(bootstrap.connect(RemotingHelper.string2SocketAddress(addr)));
                channelTables.put(addr, cw);
                log.info("connecting to {}", addr);
            }
        } catch (IllegalArgumentException e) {
            log.warn("cannot connect to '{}': {}", addr, e.getMessage());
            return null;
        } finally {
            lockChannelTables.unlock();
        }
        return awaitConnected(addr, cw);
    }

    private Channel awaitConnected(String addr, ChannelWrapper cw) {
        ChannelFuture future = cw.getChannelFuture();
        if (!future.awaitUninterruptibly(connectTimeoutMillis)) {
            log.warn("connecting to {} timed out after {} ms", addr, connectTimeoutMillis);
            return null;
        }
        if (cw.isOK()) {
            log.info("connected to {}", addr);
            return cw.getChannel();
        }
        log.warn("connecting to {} failed: {}", addr, String.valueOf(future.cause()));
        return null;
    }

    Channel existingChannel(String addr) {
        ChannelWrapper cw = channelTables.get(addr);
        return cw == null ? null : cw.getChannel();
    }

    boolean isChannelWritable(String addr) {
        ChannelWrapper cw = channelTables.get(addr);
        return cw == null || !cw.isOK() || cw.getChannel().isWritable();
    }

    /** Forgets and closes {@code channel}; {@code addr} may be null (then found by channel). */
    void closeChannel(String addr, Channel channel) {
        if (channel == null) {
            return;
        }
        removeFromTable(addr, channel);
        RemotingUtil.closeChannel(channel);
    }

    /** Called when a connection closed: drop it from the table so the next request reconnects. */
    void closeChannel(Channel channel) {
        removeFromTable(null, channel);
    }

    private void removeFromTable(String addr, Channel channel) {
        String key = addr;
        if (key == null) {
            for (Map.Entry<String, ChannelWrapper> e : channelTables.entrySet()) {
                if (e.getValue().getChannel() == channel) {
                    key = e.getKey();
                    break;
                }
            }
        }
        if (key == null) {
            return;
        }
        ChannelWrapper cw = channelTables.get(key);
        if (cw != null && cw.getChannel() == channel && channelTables.remove(key, cw)) {
            log.info("removed connection to {} from the channel table", key);
        }
        namesrvAddrChoosed.compareAndSet(key, null);
    }

    void closeAll() {
        for (ChannelWrapper cw : channelTables.values()) {
            cw.getChannel().close().awaitUninterruptibly(connectTimeoutMillis);
        }
        channelTables.clear();
    }

    /** A connection attempt and, once it succeeded, the connection. */
    private static final class ChannelWrapper {
        private final ChannelFuture channelFuture;

        ChannelWrapper(ChannelFuture channelFuture) {
            this.channelFuture = channelFuture;
        }

        boolean isOK() {
            return channelFuture.channel() != null && channelFuture.channel().isActive();
        }

        Channel getChannel() {
            return channelFuture.channel();
        }

        ChannelFuture getChannelFuture() {
            return channelFuture;
        }
    }
}
