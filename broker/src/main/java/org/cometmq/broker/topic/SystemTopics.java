package org.cometmq.broker.topic;

import java.util.ArrayList;
import java.util.List;
import org.cometmq.common.BrokerConfig;
import org.cometmq.common.MixAll;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.constant.PermName;
import org.cometmq.common.topic.TopicValidator;

/** The topics every broker creates at start (spec 8.1), and registering their names as system topics. */
final class SystemTopics {
    static final int SCHEDULE_QUEUE_NUMS = 18;
    static final int CLUSTER_TOPIC_QUEUE_NUMS = 16;
    static final int BENCHMARK_QUEUE_NUMS = 1024;

    private SystemTopics() {
    }

    /** The start-up topics for {@code config}; names derived from the config are added to the system-topic set. */
    static List<TopicConfig> build(BrokerConfig config) {
        List<TopicConfig> topics = new ArrayList<>();
        topics.add(new TopicConfig(TopicValidator.RMQ_SYS_SELF_TEST_TOPIC, 1, 1, rw()));
        if (config.isAutoCreateTopicEnable()) {
            int nums = config.getDefaultTopicQueueNums();
            topics.add(new TopicConfig(TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC, nums, nums,
                PermName.PERM_INHERIT | rw()));
        }
        topics.add(new TopicConfig(TopicValidator.RMQ_SYS_BENCHMARK_TOPIC, BENCHMARK_QUEUE_NUMS, BENCHMARK_QUEUE_NUMS,
            rw()));
        String cluster = config.getBrokerClusterName();
        int clusterPerm = PermName.PERM_INHERIT | (config.isClusterTopicEnable() ? rw() : 0);
        topics.add(new TopicConfig(cluster, CLUSTER_TOPIC_QUEUE_NUMS, CLUSTER_TOPIC_QUEUE_NUMS, clusterPerm));
        int brokerPerm = PermName.PERM_INHERIT | (config.isBrokerTopicEnable() ? rw() : 0);
        topics.add(new TopicConfig(config.getBrokerName(), 1, 1, brokerPerm));
        topics.add(new TopicConfig(TopicValidator.RMQ_SYS_OFFSET_MOVED_EVENT, 1, 1, rw()));
        topics.add(new TopicConfig(TopicValidator.RMQ_SYS_SCHEDULE_TOPIC, SCHEDULE_QUEUE_NUMS, SCHEDULE_QUEUE_NUMS, rw()));
        if (config.isTraceTopicEnable()) {
            topics.add(new TopicConfig(config.getMsgTraceTopicName(), 1, 1, rw()));
        }
        topics.add(new TopicConfig(MixAll.getReplyTopic(cluster), 1, 1, rw()));
        for (TopicConfig topic : topics) {
            TopicValidator.addSystemTopic(topic.getTopicName());
        }
        return topics;
    }

    private static int rw() {
        return PermName.PERM_READ | PermName.PERM_WRITE;
    }
}
