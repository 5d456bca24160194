package org.cometmq.test.failover;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.cometmq.client.consumer.DefaultMQPullConsumer;
import org.cometmq.client.consumer.PullResult;
import org.cometmq.client.consumer.PullStatus;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;

/**
 * Reads every message of a broker's queues from offset 0 with CometMQ's pull consumer, so a test can compare what
 * was acknowledged with what is consumable. A fresh consumer per call, so routes are looked up anew (a restarted
 * broker is found through the name server).
 */
final class QueueDrainer {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final int MAX_PULLS_PER_QUEUE = 1_000;
    private static final int BATCH = 32;

    private QueueDrainer() {
    }

    /** The bodies held by queues {@code 0..queues-1} of {@code topic} on {@code brokerName}. */
    static Set<String> bodies(String namesrvAddr, String topic, String brokerName, int queues) throws Exception {
        DefaultMQPullConsumer consumer = new DefaultMQPullConsumer("drainer_" + SEQUENCE.incrementAndGet());
        consumer.setNamesrvAddr(namesrvAddr);
        consumer.setVipChannelEnabled(false);
        consumer.setInstanceName("drainer_" + ProcessHandle.current().pid() + "_" + SEQUENCE.get());
        consumer.start();
        try {
            Set<String> bodies = new HashSet<>();
            for (int queueId = 0; queueId < queues; queueId++) {
                drainQueue(consumer, new MessageQueue(topic, brokerName, queueId), bodies);
            }
            return bodies;
        } finally {
            consumer.shutdown();
        }
    }

    private static void drainQueue(DefaultMQPullConsumer consumer, MessageQueue mq, Set<String> into)
        throws Exception {
        long offset = 0;
        for (int pulls = 0; pulls < MAX_PULLS_PER_QUEUE; pulls++) {
            PullResult result = consumer.pull(mq, "*", offset, BATCH);
            if (result.getPullStatus() != PullStatus.FOUND) {
                return;
            }
            for (MessageExt msg : result.getMsgFoundList()) {
                into.add(new String(msg.getBody(), StandardCharsets.UTF_8));
            }
            offset = result.getNextBeginOffset();
        }
        throw new AssertionError(mq + " still had messages after " + MAX_PULLS_PER_QUEUE + " pulls");
    }
}
