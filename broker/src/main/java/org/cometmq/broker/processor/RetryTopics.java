package org.cometmq.broker.processor;

import org.cometmq.common.help.FAQUrl;
import java.util.concurrent.ThreadLocalRandom;
import org.cometmq.broker.subscription.SubscriptionGroupManager;
import org.cometmq.broker.topic.TopicConfigManager;
import org.cometmq.common.MQVersion;
import org.cometmq.common.MixAll;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.constant.PermName;
import org.cometmq.common.message.MessageAccessor;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.header.SendMessageRequestHeader;
import org.cometmq.common.subscription.SubscriptionGroupConfig;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.store.MessageExtBrokerInner;

/**
 * Retry and dead-letter rules (spec 9.5): where a consumer's failed message goes, and when a message bound for a
 * {@code %RETRY%group} topic has been retried often enough to land in {@code %DLQ%group} instead.
 * DLQ topics are created read-only: only the broker writes them, consumers and tools read them.
 */
public class RetryTopics {
    public static final int DLQ_NUMS_PER_GROUP = 1;
    public static final int DLQ_PERM = PermName.PERM_READ;

    private final SubscriptionGroupManager subscriptionGroupManager;
    private final TopicConfigManager topicConfigManager;

    public RetryTopics(SubscriptionGroupManager subscriptionGroupManager, TopicConfigManager topicConfigManager) {
        this.subscriptionGroupManager = subscriptionGroupManager;
        this.topicConfigManager = topicConfigManager;
    }

    /** The group's retry topic, created on demand with the group's retry queue count. */
    public TopicConfig retryTopic(SubscriptionGroupConfig group) {
        return topicConfigManager.createTopicInSendMessageBackMethod(MixAll.getRetryTopic(group.getGroupName()),
            Math.max(1, group.getRetryQueueNums()), PermName.PERM_READ | PermName.PERM_WRITE, 0);
    }

    /** The group's dead-letter topic, created on demand. */
    public TopicConfig dlqTopic(String group) {
        return topicConfigManager.createTopicInSendMessageBackMethod(MixAll.getDLQTopic(group), DLQ_NUMS_PER_GROUP,
            DLQ_PERM, 0);
    }

    /**
     * For a producer send to {@code %RETRY%group}: moves the message to the group's DLQ once its reconsume count
     * reaches the maximum. Returns false with the response set when the group is unknown or the DLQ cannot be made.
     */
    /** 4.9.7's text for a send-back or retry send whose subscription group does not exist. */
    static String groupNotExistRemark(String group) {
        return "subscription group not exist, " + group + " " + FAQUrl.suggestTodo(FAQUrl.SUBSCRIPTION_GROUP_NOT_EXIST);
    }

    public boolean handleRetryAndDLQ(SendMessageRequestHeader header, MessageExtBrokerInner msg,
                                     RemotingCommand request, RemotingCommand response) {
        String topic = header.getTopic();
        if (!topic.startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX)) {
            return true;
        }
        String groupName = topic.substring(MixAll.RETRY_GROUP_TOPIC_PREFIX.length());
        SubscriptionGroupConfig group = subscriptionGroupManager.findSubscriptionGroupConfig(groupName);
        if (group == null) {
            response.setCode(ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST);
            response.setRemark(groupNotExistRemark(groupName));
            return false;
        }
        int maxReconsumeTimes = group.getRetryMaxTimes();
        if (request.getVersion() >= MQVersion.Version.V3_4_9.ordinal() && header.getMaxReconsumeTimes() != null) {
            maxReconsumeTimes = header.getMaxReconsumeTimes();
        }
        int reconsumeTimes = header.getReconsumeTimes() == null ? 0 : header.getReconsumeTimes();
        if (reconsumeTimes < maxReconsumeTimes) {
            return true;
        }
        TopicConfig dlq = dlqTopic(groupName);
        if (dlq == null) {
            response.setCode(ResponseCode.SYSTEM_ERROR);
            response.setRemark("topic[" + MixAll.getDLQTopic(groupName) + "] could not be created");
            return false;
        }
        msg.setTopic(dlq.getTopicName());
        msg.setQueueId(randomQueue(DLQ_NUMS_PER_GROUP));
        MessageAccessor.clearProperty(msg, MessageConst.PROPERTY_DELAY_TIME_LEVEL);
        return true;
    }

    static int randomQueue(int queueNums) {
        return ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE) % Math.max(1, queueNums);
    }
}
