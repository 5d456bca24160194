package org.cometmq.client.impl.consumer;

import java.util.regex.Pattern;
import org.cometmq.client.consumer.DefaultMQPushConsumer;
import org.cometmq.client.consumer.listener.MessageListener;
import org.cometmq.client.consumer.listener.MessageListenerConcurrently;
import org.cometmq.client.consumer.listener.MessageListenerOrderly;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.common.MixAll;
import org.cometmq.common.UtilAll;

/** Refuses to start a push consumer whose settings cannot work, saying which setting to fix and how. */
final class PushConsumerConfigChecker {
    private static final Pattern GROUP_PATTERN = Pattern.compile("^[%|a-zA-Z0-9_-]+$");
    private static final int GROUP_MAX_LENGTH = 255;

    private PushConsumerConfigChecker() {
    }

    static void check(DefaultMQPushConsumer c) throws MQClientException {
        checkGroup(c.getConsumerGroup());
        require(c.getMessageModel() != null, "messageModel is null: set CLUSTERING or BROADCASTING");
        require(c.getConsumeFromWhere() != null, "consumeFromWhere is null: set CONSUME_FROM_LAST_OFFSET, "
            + "CONSUME_FROM_FIRST_OFFSET or CONSUME_FROM_TIMESTAMP");
        require(c.getConsumeTimestamp() != null
                && UtilAll.parseDate(c.getConsumeTimestamp(), UtilAll.YYYYMMDDHHMMSS) != null,
            "consumeTimestamp '" + c.getConsumeTimestamp() + "' is not a yyyyMMddHHmmss time, e.g. 20240131235959");
        require(c.getAllocateMessageQueueStrategy() != null,
            "allocateMessageQueueStrategy is null: set one, e.g. new AllocateMessageQueueAveragely()");
        require(c.getSubscription() != null, "subscription is null: subscribe(topic, \"*\") before start()");
        checkListener(c.getMessageListener());
        checkRange("consumeThreadMin", c.getConsumeThreadMin(), 1, 1000);
        checkRange("consumeThreadMax", c.getConsumeThreadMax(), 1, 1000);
        require(c.getConsumeThreadMin() <= c.getConsumeThreadMax(), "consumeThreadMin (" + c.getConsumeThreadMin()
            + ") is larger than consumeThreadMax (" + c.getConsumeThreadMax() + ")");
        checkRange("consumeConcurrentlyMaxSpan", c.getConsumeConcurrentlyMaxSpan(), 1, 65535);
        checkRange("pullThresholdForQueue", c.getPullThresholdForQueue(), 1, 65535);
        if (c.getPullThresholdForTopic() != -1) {
            checkRange("pullThresholdForTopic", c.getPullThresholdForTopic(), 1, 6553500);
        }
        checkRange("pullThresholdSizeForQueue", c.getPullThresholdSizeForQueue(), 1, 1024);
        if (c.getPullThresholdSizeForTopic() != -1) {
            checkRange("pullThresholdSizeForTopic", c.getPullThresholdSizeForTopic(), 1, 102400);
        }
        checkRange("pullInterval", c.getPullInterval(), 0, 65535);
        checkRange("consumeMessageBatchMaxSize", c.getConsumeMessageBatchMaxSize(), 1, 1024);
        checkRange("pullBatchSize", c.getPullBatchSize(), 1, 1024);
    }

    /** Group name rules shared by all consumers. */
    static void checkGroup(String group) throws MQClientException {
        require(group != null && !group.isBlank(), "consumerGroup is empty: give the consumer a group name");
        require(group.length() <= GROUP_MAX_LENGTH, "consumerGroup is longer than " + GROUP_MAX_LENGTH
            + " characters");
        require(GROUP_PATTERN.matcher(group).matches(), "consumerGroup '" + group
            + "' may only contain letters, digits, '%', '|', '_' and '-'");
        require(!group.equals(MixAll.DEFAULT_CONSUMER_GROUP), "consumerGroup can not equal "
            + MixAll.DEFAULT_CONSUMER_GROUP + ": give the consumer its own group name");
    }

    private static void checkListener(MessageListener listener) throws MQClientException {
        require(listener != null, "No message listener: call registerMessageListener(...) before start()");
        require(listener instanceof MessageListenerOrderly || listener instanceof MessageListenerConcurrently,
            "The message listener must implement MessageListenerConcurrently or MessageListenerOrderly, not "
                + listener.getClass().getName());
    }

    private static void checkRange(String name, long value, long min, long max) throws MQClientException {
        require(value >= min && value <= max, name + " is " + value + "; it must be in [" + min + ", " + max + "]");
    }

    private static void require(boolean condition, String problem) throws MQClientException {
        if (!condition) {
            throw new MQClientException(problem, null);
        }
    }
}
