package org.cometmq.test.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.client.consumer.PullStatus;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;

/**
 * Reads what a queue holds with Apache 4.9.7's own pull consumer, from offset 0 to the end, so tests can check
 * the exact body, ids, queue and offset of every message CometMQ's producer stored.
 */
final class ApacheQueueReader implements AutoCloseable {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final int MAX_PULLS = 200;

    private final DefaultMQPullConsumer consumer;

    ApacheQueueReader(String namesrvAddr) throws Exception {
        consumer = new DefaultMQPullConsumer("comet_reader_" + SEQUENCE.incrementAndGet());
        consumer.setNamesrvAddr(namesrvAddr);
        consumer.setVipChannelEnabled(false);
        consumer.setInstanceName("comet_reader_" + ProcessHandle.current().pid() + "_" + SEQUENCE.get());
        consumer.start();
    }

    /** One stored message as the Apache client decoded it. */
    record Stored(String body, String msgId, String offsetMsgId, int queueId, long queueOffset, String tags,
                  String keys) {
        static Stored of(MessageExt msg) {
            String offsetMsgId = msg instanceof org.apache.rocketmq.common.message.MessageClientExt ext
                ? ext.getOffsetMsgId() : msg.getMsgId();
            return new Stored(new String(msg.getBody(), StandardCharsets.UTF_8), msg.getMsgId(), offsetMsgId,
                msg.getQueueId(), msg.getQueueOffset(), msg.getTags(), msg.getKeys());
        }
    }

    /** Every message of the queue, in offset order. */
    List<Stored> readQueue(String topic, String brokerName, int queueId) throws Exception {
        MessageQueue mq = new MessageQueue(topic, brokerName, queueId);
        List<Stored> stored = new ArrayList<>();
        long offset = 0;
        for (int pulls = 0; pulls < MAX_PULLS; pulls++) {
            PullResult result = consumer.pull(mq, "*", offset, 32);
            if (result.getPullStatus() != PullStatus.FOUND) {
                return stored;
            }
            result.getMsgFoundList().forEach(m -> stored.add(Stored.of(m)));
            offset = result.getNextBeginOffset();
        }
        throw new AssertionError("queue " + mq + " still had messages after " + MAX_PULLS + " pulls");
    }

    /** Every message of every queue of {@code topic} (queues 0..queueCount-1 on one broker). */
    List<Stored> readTopic(String topic, String brokerName, int queueCount) throws Exception {
        List<Stored> all = new ArrayList<>();
        for (int q = 0; q < queueCount; q++) {
            all.addAll(readQueue(topic, brokerName, q));
        }
        return all;
    }

    /** Reads until {@code expectedCount} messages are there, bounded by {@code timeout}. */
    List<Stored> awaitTopic(String topic, String brokerName, int queueCount, int expectedCount, Duration timeout)
        throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Stored> all = readTopic(topic, brokerName, queueCount);
        while (all.size() < expectedCount && System.nanoTime() < deadline) {
            Thread.sleep(100);
            all = readTopic(topic, brokerName, queueCount);
        }
        return all;
    }

    /** Reads the queue until it holds {@code expectedCount} messages (the broker dispatches asynchronously). */
    List<Stored> awaitQueue(String topic, String brokerName, int queueId, int expectedCount, Duration timeout)
        throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Stored> stored = readQueue(topic, brokerName, queueId);
        while (stored.size() < expectedCount && System.nanoTime() < deadline) {
            Thread.sleep(100);
            stored = readQueue(topic, brokerName, queueId);
        }
        return stored;
    }

    @Override
    public void close() {
        consumer.shutdown();
    }
}
