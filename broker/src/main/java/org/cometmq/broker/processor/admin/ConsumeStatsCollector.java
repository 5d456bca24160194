package org.cometmq.broker.processor.admin;

import java.util.Set;
import org.cometmq.broker.client.ConsumerGroupInfo;
import org.cometmq.broker.client.ConsumerManager;
import org.cometmq.broker.offset.ConsumerOffsetManager;
import org.cometmq.broker.stats.BrokerStatsManager;
import org.cometmq.broker.topic.TopicConfigManager;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.admin.ConsumeStats;
import org.cometmq.common.admin.OffsetWrapper;
import org.cometmq.store.MessageStore;

/**
 * A group's progress on this broker (spec 5.7): per readable queue of each topic it consumes, the queue's max
 * offset, the committed offset and the store time of the last consumed message; plus the group's pull TPS. Beyond
 * 4.9.7 (fields its clients ignore): the queue's min offset and how many messages were deleted before the group
 * consumed them.
 */
public class ConsumeStatsCollector {
    private final String brokerName;
    private final TopicConfigManager topicConfigManager;
    private final ConsumerOffsetManager consumerOffsetManager;
    private final ConsumerManager consumerManager;
    private final MessageStore store;
    private final BrokerStatsManager stats;

    public ConsumeStatsCollector(String brokerName, TopicConfigManager topicConfigManager,
                                 ConsumerOffsetManager consumerOffsetManager, ConsumerManager consumerManager,
                                 MessageStore store, BrokerStatsManager stats) {
        this.brokerName = brokerName;
        this.topicConfigManager = topicConfigManager;
        this.consumerOffsetManager = consumerOffsetManager;
        this.consumerManager = consumerManager;
        this.store = store;
        this.stats = stats;
    }

    /** Stats for one topic, or (topic null or empty) for every topic the group has committed offsets on. */
    public ConsumeStats collect(String group, String topic) {
        ConsumeStats consumeStats = new ConsumeStats();
        Set<String> topics = topic == null || topic.isEmpty()
            ? consumerOffsetManager.whichTopicByConsumer(group) : Set.of(topic);
        ConsumerGroupInfo online = consumerManager.getConsumerGroupInfo(group);
        double tps = 0;
        for (String t : topics) {
            TopicConfig config = topicConfigManager.selectTopicConfig(t);
            if (config == null || isUnsubscribed(online, t)) {
                continue;
            }
            for (int queueId = 0; queueId < config.getReadQueueNums(); queueId++) {
                consumeStats.getOffsetTable().put(new MessageQueue(t, brokerName, queueId), offsets(group, t, queueId));
            }
            tps += stats.tpsGroupGetNums(group, t);
        }
        consumeStats.setConsumeTps(tps);
        return consumeStats;
    }

    private static boolean isUnsubscribed(ConsumerGroupInfo online, String topic) {
        return online != null && !online.getSubscriptionTable().isEmpty() && online.findSubscriptionData(topic) == null;
    }

    private OffsetWrapper offsets(String group, String topic, int queueId) {
        OffsetWrapper wrapper = new OffsetWrapper();
        wrapper.setBrokerOffset(Math.max(0, store.getMaxOffsetInQueue(topic, queueId)));
        long consumerOffset = Math.max(0, consumerOffsetManager.queryOffset(group, topic, queueId));
        wrapper.setConsumerOffset(consumerOffset);
        wrapper.setMinOffset(Math.max(0, store.getMinOffsetInQueue(topic, queueId)));
        wrapper.setLostCount(store.getLostMessageCount(group, topic, queueId));
        if (consumerOffset > 0) {
            wrapper.setLastTimestamp(store.getMessageStoreTimeStamp(topic, queueId, consumerOffset - 1));
        }
        return wrapper;
    }
}
