package org.cometmq.client;

import java.util.Set;
import java.util.TreeSet;
import org.cometmq.client.consumer.DefaultMQPullConsumer;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.heartbeat.MessageModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Offline helpers for consumer groups. */
public class MQHelper {
    private static final Logger LOG = LoggerFactory.getLogger(MQHelper.class);

    /** {@link #resetOffsetByTimestamp(MessageModel, String, String, String, long)} with instance name "DEFAULT". */
    public static void resetOffsetByTimestamp(MessageModel messageModel, String consumerGroup, String topic,
        long timestamp) throws Exception {
        resetOffsetByTimestamp(messageModel, "DEFAULT", consumerGroup, topic, timestamp);
    }

    /**
     * Moves the group's consume offset of every queue of {@code topic} to the first message stored at or after
     * {@code timestamp}, and writes the offsets to the brokers. Run it while the group's consumers are stopped:
     * a running consumer would overwrite the offsets with its own.
     */
    public static void resetOffsetByTimestamp(MessageModel messageModel, String instanceName, String consumerGroup,
        String topic, long timestamp) throws Exception {
        DefaultMQPullConsumer consumer = new DefaultMQPullConsumer(consumerGroup);
        consumer.setInstanceName(instanceName);
        consumer.setMessageModel(messageModel);
        consumer.start();
        Set<MessageQueue> mqs = null;
        try {
            mqs = consumer.fetchSubscribeMessageQueues(topic);
            for (MessageQueue mq : new TreeSet<>(mqs)) {
                long offset = consumer.searchOffset(mq, timestamp);
                if (offset >= 0) {
                    consumer.updateConsumeOffset(mq, offset);
                    LOG.info("resetOffsetByTimestamp updateConsumeOffset success, {} {} {}", consumerGroup, offset,
                        mq);
                }
            }
        } catch (Exception e) {
            LOG.warn("resetting the offsets of group {} on topic {} failed", consumerGroup, topic, e);
            throw e;
        } finally {
            if (mqs != null) {
                consumer.getDefaultMQPullConsumerImpl().getOffsetStore().persistAll(mqs);
            }
            consumer.shutdown();
        }
    }
}
