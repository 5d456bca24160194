package org.cometmq.test.fidelity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.client.consumer.PullStatus;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.cometmq.test.client.ClientCluster;
import org.cometmq.test.harness.ApacheClients;
import org.cometmq.testkit.Await;

/**
 * Apache 4.9.7 clients against one cluster (Apache's or CometMQ's) for the store and broker fidelity checks: an
 * admin, a producer, and a pull consumer that reads queues exactly as stored.
 */
final class StoreFidelityFixture implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** Values that differ by run or by broker address; only their presence is compared. */
    private static final List<String> VOLATILE_PROPERTIES = List.of(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX,
        MessageConst.PROPERTY_ORIGIN_MESSAGE_ID);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final ClientCluster cluster;
    private final DefaultMQAdminExt admin;
    private final DefaultMQProducer producer;
    private final DefaultMQPullConsumer reader;

    StoreFidelityFixture(ClientCluster cluster) throws Exception {
        this.cluster = cluster;
        this.admin = ApacheClients.startedAdmin(cluster.namesrvAddr());
        this.producer = ApacheClients.startedProducer(unique("fidelity_producer"), cluster.namesrvAddr());
        this.reader = new DefaultMQPullConsumer(unique("fidelity_reader"));
        reader.setNamesrvAddr(cluster.namesrvAddr());
        reader.setVipChannelEnabled(false);
        reader.setInstanceName(unique("fidelity_reader"));
        reader.start();
    }

    static String unique(String prefix) {
        return prefix + "_" + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet();
    }

    ClientCluster cluster() {
        return cluster;
    }

    DefaultMQAdminExt admin() {
        return admin;
    }

    DefaultMQProducer producer() {
        return producer;
    }

    DefaultMQPullConsumer reader() {
        return reader;
    }

    MessageQueue queue(String topic, int queueId) {
        return new MessageQueue(topic, cluster.brokerName(), queueId);
    }

    /** Creates a topic with {@code queues} read and write queues and waits for its route. */
    String createTopic(String prefix, int queues) throws Exception {
        String topic = prefix + "_" + System.nanoTime();
        admin.createAndUpdateTopicConfig(cluster.brokerAddr(), new TopicConfig(topic, queues, queues, 6));
        Await.until("route of " + topic, TIMEOUT, () -> admin.examineTopicRouteInfo(topic),
            r -> r != null && !r.getQueueDatas().isEmpty());
        return topic;
    }

    SendResult sendToQueue(Message msg, int queueId) throws Exception {
        return producer.send(msg, (mqs, m, arg) -> mqs.stream().filter(q -> q.getQueueId() == queueId).findFirst()
            .orElseThrow(), null);
    }

    static Message message(String topic, String tags, String keys, String body) {
        return new Message(topic, tags, keys, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Every message of a queue from {@code offset}, as Apache's pull consumer decodes it. */
    List<MessageExt> readQueue(MessageQueue mq, long offset) throws Exception {
        List<MessageExt> messages = new ArrayList<>();
        long next = offset;
        for (int pulls = 0; pulls < 100; pulls++) {
            PullResult result = reader.pull(mq, "*", next, 32);
            if (result.getPullStatus() != PullStatus.FOUND) {
                return messages;
            }
            messages.addAll(result.getMsgFoundList());
            next = result.getNextBeginOffset();
        }
        throw new AssertionError(mq + " still had messages after 100 pulls");
    }

    /** Reads the queue until it holds at least {@code count} messages. */
    List<MessageExt> awaitQueue(MessageQueue mq, int count) {
        return Await.until(count + " messages in " + mq, TIMEOUT, () -> readQueue(mq, 0), l -> l.size() >= count);
    }

    /** The property map with run-dependent values (unique keys, message ids) replaced by "*". */
    static Map<String, String> comparableProperties(MessageExt msg) {
        Map<String, String> properties = new TreeMap<>(msg.getProperties());
        for (String key : VOLATILE_PROPERTIES) {
            properties.computeIfPresent(key, (k, v) -> "*");
        }
        return properties;
    }

    @Override
    public void close() {
        reader.shutdown();
        producer.shutdown();
        admin.shutdown();
    }
}
