package org.cometmq.client.impl.consumer;

import java.util.Map;
import java.util.Set;
import org.cometmq.common.consumer.ConsumeFromWhere;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.body.ConsumeMessageDirectlyResult;
import org.cometmq.common.protocol.body.ConsumerRunningInfo;
import org.cometmq.common.protocol.heartbeat.ConsumeType;
import org.cometmq.common.protocol.heartbeat.MessageModel;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;

/**
 * What the client instance needs from a consumer it hosts: what to announce in heartbeats, when to rebalance and
 * persist offsets, and how to answer the broker's requests about it. The optional methods at the end have
 * defaults so consumers that cannot do them (a pull consumer cannot consume directly) need not implement them.
 */
public interface MQConsumerInner {
    String groupName();

    MessageModel messageModel();

    ConsumeType consumeType();

    ConsumeFromWhere consumeFromWhere();

    Set<SubscriptionData> subscriptions();

    void doRebalance();

    void persistConsumerOffset();

    void updateTopicSubscribeInfo(String topic, Set<MessageQueue> info);

    boolean isSubscribeTopicNeedUpdate(String topic);

    boolean isUnitMode();

    ConsumerRunningInfo consumerRunningInfo();

    /**
     * RESET_CONSUMER_CLIENT_OFFSET: move the consumption of {@code topic} to the given offsets. The default does
     * nothing (consumers that keep no local position).
     */
    default void resetOffset(String topic, Map<MessageQueue, Long> offsetTable) {
    }

    /** GET_CONSUMER_STATUS_FROM_CLIENT: this consumer's current offsets of {@code topic}'s queues. */
    default Map<MessageQueue, Long> getConsumeStatus(String topic) {
        return Map.of();
    }

    /**
     * CONSUME_MESSAGE_DIRECTLY: run the listener on {@code msg} and report how it went; null when this consumer
     * has no listener.
     */
    default ConsumeMessageDirectlyResult consumeMessageDirectly(MessageExt msg, String brokerName) {
        return null;
    }
}
