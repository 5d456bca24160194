package org.cometmq.broker.client;

import io.netty.channel.Channel;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.cometmq.common.consumer.ConsumeFromWhere;
import org.cometmq.common.protocol.heartbeat.ConsumeType;
import org.cometmq.common.protocol.heartbeat.MessageModel;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;
import org.cometmq.remoting.common.RemotingUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumer groups and their connections, kept by heartbeats. Any change of a group's clients is reported to the
 * {@link ConsumerIdsChangeListener}, which tells the group's consumers to rebalance.
 */
public class ConsumerManager {
    private static final Logger log = LoggerFactory.getLogger(ConsumerManager.class);

    private final ConcurrentMap<String, ConsumerGroupInfo> consumerTable = new ConcurrentHashMap<>(1024);
    private final ConsumerIdsChangeListener listener;
    private final Clock clock;
    private final long channelExpiredTimeoutMillis;

    public ConsumerManager(ConsumerIdsChangeListener listener, Clock clock, long channelExpiredTimeoutMillis) {
        this.listener = listener;
        this.clock = clock;
        this.channelExpiredTimeoutMillis = channelExpiredTimeoutMillis;
    }

    /**
     * Records a consumer heartbeat. Returns true when the group's clients or subscribed topics changed; a change
     * of clients is announced when {@code notifyConsumerIdsChanged}.
     */
    public boolean registerConsumer(String group, ClientChannelInfo info, ConsumeType consumeType,
                                    MessageModel messageModel, ConsumeFromWhere consumeFromWhere,
                                    Set<SubscriptionData> subList, boolean notifyConsumerIdsChanged) {
        long now = clock.millis();
        ConsumerGroupInfo groupInfo = consumerTable.computeIfAbsent(group,
            g -> new ConsumerGroupInfo(g, consumeType, messageModel, consumeFromWhere));
        boolean clientsChanged = groupInfo.updateChannel(info, consumeType, messageModel, consumeFromWhere, now);
        boolean subscriptionsChanged = groupInfo.updateSubscription(subList, now);
        if (clientsChanged && notifyConsumerIdsChanged) {
            listener.handle(ConsumerGroupEvent.CHANGE, group, groupInfo);
        }
        listener.handle(ConsumerGroupEvent.REGISTER, group, groupInfo);
        return clientsChanged || subscriptionsChanged;
    }

    public void unregisterConsumer(String group, ClientChannelInfo info, boolean notifyConsumerIdsChanged) {
        ConsumerGroupInfo groupInfo = consumerTable.get(group);
        if (groupInfo == null || !groupInfo.unregisterChannel(info)) {
            return;
        }
        afterRemoval(group, groupInfo, notifyConsumerIdsChanged);
    }

    private void afterRemoval(String group, ConsumerGroupInfo groupInfo, boolean notify) {
        if (groupInfo.getChannelInfoTable().isEmpty() && consumerTable.remove(group, groupInfo)) {
            log.info("consumer group {} has no clients left, removed", group);
            listener.handle(ConsumerGroupEvent.UNREGISTER, group, groupInfo);
        }
        if (notify) {
            listener.handle(ConsumerGroupEvent.CHANGE, group, groupInfo);
        }
    }

    /** Drops consumer channels silent longer than the expiry, closing them and announcing the change. */
    public void scanNotActiveChannel() {
        long now = clock.millis();
        for (Map.Entry<String, ConsumerGroupInfo> entry : consumerTable.entrySet()) {
            List<ClientChannelInfo> expired = entry.getValue().removeExpired(now, channelExpiredTimeoutMillis);
            for (ClientChannelInfo info : expired) {
                log.warn("consumer of group {} silent for {} ms, dropping {}", entry.getKey(),
                    now - info.getLastUpdateTimestamp(), info);
                RemotingUtil.closeChannel(info.getChannel());
            }
            if (!expired.isEmpty()) {
                afterRemoval(entry.getKey(), entry.getValue(), true);
            }
        }
    }

    /** Forgets a closed channel in every group and announces the change to the remaining clients. */
    public void doChannelCloseEvent(String remoteAddr, Channel channel) {
        for (Map.Entry<String, ConsumerGroupInfo> entry : consumerTable.entrySet()) {
            if (entry.getValue().doChannelCloseEvent(remoteAddr, channel)) {
                afterRemoval(entry.getKey(), entry.getValue(), true);
            }
        }
    }

    public ConsumerGroupInfo getConsumerGroupInfo(String group) {
        return consumerTable.get(group);
    }

    public ClientChannelInfo findChannel(String group, String clientId) {
        ConsumerGroupInfo groupInfo = consumerTable.get(group);
        return groupInfo == null ? null : groupInfo.findChannel(clientId);
    }

    public SubscriptionData findSubscriptionData(String group, String topic) {
        ConsumerGroupInfo groupInfo = consumerTable.get(group);
        return groupInfo == null ? null : groupInfo.findSubscriptionData(topic);
    }

    /** Online groups that subscribe {@code topic}. */
    public Set<String> queryTopicConsumeByWho(String topic) {
        Set<String> groups = new HashSet<>();
        for (Map.Entry<String, ConsumerGroupInfo> entry : consumerTable.entrySet()) {
            if (entry.getValue().getSubscriptionTable().containsKey(topic)) {
                groups.add(entry.getKey());
            }
        }
        return groups;
    }

    public ConcurrentMap<String, ConsumerGroupInfo> getConsumerTable() {
        return consumerTable;
    }
}
