package org.cometmq.broker.client;

import io.netty.channel.Channel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.cometmq.remoting.common.RemotingUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Producer connections per group, kept alive by heartbeats and dropped when silent or closed. */
public class ProducerManager {
    private static final Logger log = LoggerFactory.getLogger(ProducerManager.class);

    private final ConcurrentMap<String, ConcurrentMap<Channel, ClientChannelInfo>> groupChannelTable =
        new ConcurrentHashMap<>();
    private final Clock clock;
    private final long channelExpiredTimeoutMillis;

    public ProducerManager(Clock clock, long channelExpiredTimeoutMillis) {
        this.clock = clock;
        this.channelExpiredTimeoutMillis = channelExpiredTimeoutMillis;
    }

    public void registerProducer(String group, ClientChannelInfo info) {
        ConcurrentMap<Channel, ClientChannelInfo> channels =
            groupChannelTable.computeIfAbsent(group, g -> new ConcurrentHashMap<>());
        ClientChannelInfo old = channels.get(info.getChannel());
        if (old == null) {
            channels.put(info.getChannel(), info);
            log.info("new producer connected: group={} {}", group, info);
        } else {
            old.setLastUpdateTimestamp(clock.millis());
        }
    }

    public void unregisterProducer(String group, ClientChannelInfo info) {
        ConcurrentMap<Channel, ClientChannelInfo> channels = groupChannelTable.get(group);
        if (channels != null && channels.remove(info.getChannel()) != null) {
            log.info("producer unregistered: group={} {}", group, info);
            if (channels.isEmpty()) {
                groupChannelTable.remove(group, channels);
            }
        }
    }

    /** Drops producer channels whose last heartbeat is older than the expiry, closing them. */
    public void scanNotActiveChannel() {
        long now = clock.millis();
        for (Map.Entry<String, ConcurrentMap<Channel, ClientChannelInfo>> entry : groupChannelTable.entrySet()) {
            Iterator<ClientChannelInfo> it = entry.getValue().values().iterator();
            while (it.hasNext()) {
                ClientChannelInfo info = it.next();
                if (now - info.getLastUpdateTimestamp() > channelExpiredTimeoutMillis) {
                    it.remove();
                    log.warn("producer of group {} silent for {} ms, dropping {}", entry.getKey(),
                        now - info.getLastUpdateTimestamp(), info);
                    RemotingUtil.closeChannel(info.getChannel());
                }
            }
            if (entry.getValue().isEmpty()) {
                groupChannelTable.remove(entry.getKey(), entry.getValue());
            }
        }
    }

    /** Forgets a closed channel in every group. */
    public void doChannelCloseEvent(String remoteAddr, Channel channel) {
        for (Map.Entry<String, ConcurrentMap<Channel, ClientChannelInfo>> entry : groupChannelTable.entrySet()) {
            ClientChannelInfo removed = entry.getValue().remove(channel);
            if (removed != null) {
                log.info("producer channel {} closed, removed from group {}", remoteAddr, entry.getKey());
                if (entry.getValue().isEmpty()) {
                    groupChannelTable.remove(entry.getKey(), entry.getValue());
                }
            }
        }
    }

    /** Snapshot: group to its connections. */
    public Map<String, List<ClientChannelInfo>> getGroupChannelTable() {
        Map<String, List<ClientChannelInfo>> copy = new HashMap<>();
        groupChannelTable.forEach((group, channels) -> copy.put(group, new ArrayList<>(channels.values())));
        return copy;
    }

    /** The connections of one producer group (empty when none). */
    public List<ClientChannelInfo> getChannels(String group) {
        ConcurrentMap<Channel, ClientChannelInfo> channels = groupChannelTable.get(group);
        return channels == null ? List.of() : new ArrayList<>(channels.values());
    }

    /** An active, writable channel of the group, or null; used for transaction check-backs. */
    public Channel getAvailableChannel(String group) {
        for (ClientChannelInfo info : getChannels(group)) {
            if (info.getChannel().isActive() && info.getChannel().isWritable()) {
                return info.getChannel();
            }
        }
        return null;
    }

    /** The channel of a producer client id in any group, or null. */
    public Channel findChannel(String clientId) {
        for (ConcurrentMap<Channel, ClientChannelInfo> channels : groupChannelTable.values()) {
            for (ClientChannelInfo info : channels.values()) {
                if (info.getClientId().equals(clientId)) {
                    return info.getChannel();
                }
            }
        }
        return null;
    }
}
