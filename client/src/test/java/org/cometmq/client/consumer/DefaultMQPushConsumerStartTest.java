package org.cometmq.client.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cometmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.cometmq.client.consumer.listener.MessageListenerConcurrently;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.common.consumer.ConsumeFromWhere;
import org.cometmq.common.protocol.heartbeat.MessageModel;
import org.junit.jupiter.api.Test;

/** Misconfigured consumers refuse to start with a message that says what to fix. */
class DefaultMQPushConsumerStartTest {
    private static final MessageListenerConcurrently OK = (msgs, ctx) -> ConsumeConcurrentlyStatus.CONSUME_SUCCESS;

    private static DefaultMQPushConsumer consumer(String group) {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr("127.0.0.1:1");
        return consumer;
    }

    private static String startError(DefaultMQPushConsumer consumer) {
        return assertThrows(MQClientException.class, consumer::start).getErrorMessage();
    }

    @Test
    void defaultsMatchTheReferenceClient() {
        DefaultMQPushConsumer c = new DefaultMQPushConsumer("cg");
        assertEquals("1|20|20|32|0|1000|100|2000|15|-1|1000|CLUSTERING|CONSUME_FROM_LAST_OFFSET|AVG",
            c.getConsumeMessageBatchMaxSize() + "|" + c.getConsumeThreadMin() + "|" + c.getConsumeThreadMax() + "|"
                + c.getPullBatchSize() + "|" + c.getPullInterval() + "|" + c.getPullThresholdForQueue() + "|"
                + c.getPullThresholdSizeForQueue() + "|" + c.getConsumeConcurrentlyMaxSpan() + "|"
                + c.getConsumeTimeout() + "|" + c.getMaxReconsumeTimes() + "|" + c.getSuspendCurrentQueueTimeMillis()
                + "|" + c.getMessageModel() + "|" + c.getConsumeFromWhere() + "|"
                + c.getAllocateMessageQueueStrategy().getName());
        assertEquals(14, c.getConsumeTimestamp().length());
        assertEquals(3000, c.getDefaultMQPushConsumerImpl().getPullTimeDelayMillsWhenException());
    }

    @Test
    void defaultGroupIsRefused() throws Exception {
        DefaultMQPushConsumer c = consumer("DEFAULT_CONSUMER");
        c.subscribe("TopicTest", "*");
        c.registerMessageListener(OK);
        assertEquals("consumerGroup can not equal DEFAULT_CONSUMER: give the consumer its own group name",
            startError(c));
    }

    @Test
    void groupWithIllegalCharactersIsRefused() throws Exception {
        DefaultMQPushConsumer c = consumer("bad group!");
        c.subscribe("TopicTest", "*");
        c.registerMessageListener(OK);
        assertEquals("consumerGroup 'bad group!' may only contain letters, digits, '%', '|', '_' and '-'",
            startError(c));
    }

    @Test
    void missingListenerIsRefused() throws Exception {
        DefaultMQPushConsumer c = consumer("cg_no_listener");
        c.subscribe("TopicTest", "*");
        assertEquals("No message listener: call registerMessageListener(...) before start()", startError(c));
    }

    @Test
    void missingSubscriptionIsRefused() {
        DefaultMQPushConsumer c = consumer("cg_no_subscription");
        c.registerMessageListener(OK);
        c.setMessageModel(MessageModel.BROADCASTING);
        assertEquals("The push consumer of group cg_no_subscription has no subscription: call subscribe(topic,"
            + " \"*\") before start()", startError(c));
    }

    @Test
    void outOfRangeSettingsAreNamed() throws Exception {
        DefaultMQPushConsumer c = consumer("cg_range");
        c.subscribe("TopicTest", "*");
        c.registerMessageListener(OK);
        c.setPullBatchSize(0);
        assertEquals("pullBatchSize is 0; it must be in [1, 1024]", startError(c));
        DefaultMQPushConsumer d = consumer("cg_time");
        d.subscribe("TopicTest", "*");
        d.registerMessageListener(OK);
        d.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_TIMESTAMP);
        d.setConsumeTimestamp("yesterday");
        assertEquals("consumeTimestamp 'yesterday' is not a yyyyMMddHHmmss time, e.g. 20240131235959", startError(d));
    }

    @Test
    void startingTwiceIsRefused() throws Exception {
        DefaultMQPushConsumer c = consumer("cg_twice");
        c.subscribe("TopicTest", "*");
        c.registerMessageListener(OK);
        c.start();
        try {
            assertEquals("The push consumer of group cg_twice is already RUNNING; a consumer can be started only"
                + " once: create a new one", startError(c));
        } finally {
            c.shutdown();
        }
    }

    @Test
    void emptySqlSelectorIsRefused() {
        DefaultMQPushConsumer c = consumer("cg_sql");
        MQClientException e = assertThrows(MQClientException.class,
            () -> c.subscribe("TopicTest", MessageSelector.bySql("")));
        assertEquals(true, e.getErrorMessage().startsWith("Bad selector for topic TopicTest"));
    }

    @Test
    void classFilterIsRefused() {
        DefaultMQPushConsumer c = consumer("cg_class");
        assertThrows(MQClientException.class, () -> c.subscribe("TopicTest", "com.x.Filter", "source"));
    }
}
