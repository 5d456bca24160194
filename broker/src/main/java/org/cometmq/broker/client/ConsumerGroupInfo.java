package org.cometmq.broker.client;

import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.cometmq.common.consumer.ConsumeFromWhere;
import org.cometmq.common.protocol.heartbeat.ConsumeType;
import org.cometmq.common.protocol.heartbeat.MessageModel;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One consumer group on this broker: its connected clients and the subscriptions they last reported. */
public class ConsumerGroupInfo {
    private static final Logger log = LoggerFactory.getLogger(ConsumerGroupInfo.class);

    private final String groupName;
    private final ConcurrentMap<String, SubscriptionData> subscriptionTable = new ConcurrentHashMap<>();
    private final ConcurrentMap<Channel, ClientChannelInfo> channelInfoTable = new ConcurrentHashMap<>(16);
    private volatile ConsumeType consumeType;
    private volatile MessageModel messageModel;
    private volatile ConsumeFromWhere consumeFromWhere;
    private volatile long lastUpdateTimestamp;

    public ConsumerGroupInfo(String groupName, ConsumeType consumeType, MessageModel messageModel,
                             ConsumeFromWhere consumeFromWhere) {
        this.groupName = groupName;
        this.consumeType = consumeType;
        this.messageModel = messageModel;
        this.consumeFromWhere = consumeFromWhere;
    }

    /** Records a heartbeat of {@code info}; returns true when the channel is new to the group. */
    public boolean updateChannel(ClientChannelInfo info, ConsumeType consumeType, MessageModel messageModel,
                                 ConsumeFromWhere consumeFromWhere, long now) {
        this.consumeType = consumeType;
        this.messageModel = messageModel;
        this.consumeFromWhere = consumeFromWhere;
        this.lastUpdateTimestamp = now;
        ClientChannelInfo existing = channelInfoTable.get(info.getChannel());
        if (existing == null || !existing.getClientId().equals(info.getClientId())) {
            channelInfoTable.put(info.getChannel(), info);
            log.info("new consumer connected: group={} {}", groupName, info);
            return true;
        }
        existing.setLastUpdateTimestamp(now);
        return false;
    }

    /** Replaces the subscriptions with {@code subList}; returns true when topics were added or removed. */
    public boolean updateSubscription(Set<SubscriptionData> subList, long now) {
        boolean changed = false;
        Set<String> topics = new HashSet<>();
        for (SubscriptionData sub : subList) {
            topics.add(sub.getTopic());
            SubscriptionData old = subscriptionTable.get(sub.getTopic());
            if (old == null) {
                subscriptionTable.put(sub.getTopic(), sub);
                changed = true;
                log.info("group {} subscribes {}", groupName, sub);
            } else if (sub.getSubVersion() > old.getSubVersion()) {
                subscriptionTable.put(sub.getTopic(), sub);
            }
        }
        Iterator<Map.Entry<String, SubscriptionData>> it = subscriptionTable.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, SubscriptionData> entry = it.next();
            if (!topics.contains(entry.getKey())) {
                it.remove();
                changed = true;
                log.warn("group {} no longer subscribes {}", groupName, entry.getValue());
            }
        }
        lastUpdateTimestamp = now;
        return changed;
    }

    /** Removes a closed channel; returns true when it belonged to the group. */
    public boolean doChannelCloseEvent(String remoteAddr, Channel channel) {
        ClientChannelInfo removed = channelInfoTable.remove(channel);
        if (removed != null) {
            log.info("consumer channel {} closed, removed from group {}", remoteAddr, groupName);
            return true;
        }
        return false;
    }

    /** Removes the client's channel; returns true when it was registered. */
    public boolean unregisterChannel(ClientChannelInfo info) {
        ClientChannelInfo removed = channelInfoTable.remove(info.getChannel());
        if (removed != null) {
            log.info("consumer unregistered: group={} {}", groupName, removed);
            return true;
        }
        return false;
    }

    /** Removes and returns channels silent for longer than {@code expiryMillis}. */
    List<ClientChannelInfo> removeExpired(long now, long expiryMillis) {
        List<ClientChannelInfo> expired = new ArrayList<>();
        Iterator<ClientChannelInfo> it = channelInfoTable.values().iterator();
        while (it.hasNext()) {
            ClientChannelInfo info = it.next();
            if (now - info.getLastUpdateTimestamp() > expiryMillis) {
                it.remove();
                expired.add(info);
            }
        }
        return expired;
    }

    public ClientChannelInfo findChannel(String clientId) {
        for (ClientChannelInfo info : channelInfoTable.values()) {
            if (info.getClientId().equals(clientId)) {
                return info;
            }
        }
        return null;
    }

    public List<String> getAllClientId() {
        List<String> ids = new ArrayList<>();
        for (ClientChannelInfo info : channelInfoTable.values()) {
            ids.add(info.getClientId());
        }
        return ids;
    }

    public List<Channel> getAllChannel() {
        return new ArrayList<>(channelInfoTable.keySet());
    }

    public ConcurrentMap<Channel, ClientChannelInfo> getChannelInfoTable() {
        return channelInfoTable;
    }

    public SubscriptionData findSubscriptionData(String topic) {
        return subscriptionTable.get(topic);
    }

    public ConcurrentMap<String, SubscriptionData> getSubscriptionTable() {
        return subscriptionTable;
    }

    public String getGroupName() {
        return groupName;
    }

    public ConsumeType getConsumeType() {
        return consumeType;
    }

    public MessageModel getMessageModel() {
        return messageModel;
    }

    public ConsumeFromWhere getConsumeFromWhere() {
        return consumeFromWhere;
    }

    public long getLastUpdateTimestamp() {
        return lastUpdateTimestamp;
    }
}
