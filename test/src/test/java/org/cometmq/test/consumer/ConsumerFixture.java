package org.cometmq.test.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.cometmq.client.ClientConfig;
import org.cometmq.common.message.MessageExt;
import org.cometmq.test.client.ClientCluster;
import org.cometmq.test.harness.ApacheClients;
import org.cometmq.testkit.Await;

/**
 * The servers a consumer scenario runs on, with an Apache 4.9.7 admin to create topics and an Apache producer to
 * fill them (so what CometMQ's consumers read was written by the reference client), and the settings every
 * CometMQ consumer in these tests shares.
 */
final class ConsumerFixture implements AutoCloseable {
    static final int QUEUES = 4;
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final ClientCluster cluster;
    final DefaultMQAdminExt admin;
    final DefaultMQProducer producer;

    private ConsumerFixture(ClientCluster cluster, DefaultMQAdminExt admin, DefaultMQProducer producer) {
        this.cluster = cluster;
        this.admin = admin;
        this.producer = producer;
    }

    static ConsumerFixture start(ClientCluster cluster) throws Exception {
        DefaultMQAdminExt admin = null;
        try {
            admin = ApacheClients.startedAdmin(cluster.namesrvAddr());
            DefaultMQProducer producer = ApacheClients.startedProducer(
                "apache_it_producer_" + SEQUENCE.incrementAndGet(), cluster.namesrvAddr());
            return new ConsumerFixture(cluster, admin, producer);
        } catch (Exception | Error e) {
            if (admin != null) {
                admin.shutdown();
            }
            cluster.close();
            throw e;
        }
    }

    String brokerName() {
        return cluster.brokerName();
    }

    String brokerAddr() {
        return cluster.brokerAddr();
    }

    String kind() {
        return cluster.kind();
    }

    /** A new topic with {@link #QUEUES} queues, once the name server routes it. */
    String createTopic(String prefix) throws Exception {
        String topic = prefix + "_" + System.nanoTime();
        admin.createAndUpdateTopicConfig(cluster.brokerAddr(), new TopicConfig(topic, QUEUES, QUEUES, 6));
        Await.until("route of " + topic, TIMEOUT, () -> admin.examineTopicRouteInfo(topic),
            r -> r != null && !r.getQueueDatas().isEmpty());
        return topic;
    }

    /** Sends {@code prefix-0 .. prefix-(count-1)} with the given tag; returns the bodies in send order. */
    List<String> send(String topic, String tag, String prefix, int count) throws Exception {
        List<String> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String body = prefix + "-" + i;
            SendResult result = producer.send(new Message(topic, tag, body.getBytes(StandardCharsets.UTF_8)));
            if (result.getSendStatus() != SendStatus.SEND_OK) {
                throw new AssertionError("send of " + body + " returned " + result);
            }
            bodies.add(body);
        }
        return bodies;
    }

    /** Sends one message to queue {@code queueId} of this broker. */
    void sendToQueue(String topic, int queueId, Message message) throws Exception {
        SendResult result = producer.send(message,
            new org.apache.rocketmq.common.message.MessageQueue(topic, cluster.brokerName(), queueId));
        if (result.getSendStatus() != SendStatus.SEND_OK) {
            throw new AssertionError("send to queue " + queueId + " of " + topic + " returned " + result);
        }
    }

    /** Common settings of CometMQ consumers in these tests: this name server, unique instance, fast commits. */
    void configure(ClientConfig config) {
        config.setNamesrvAddr(cluster.namesrvAddr());
        config.setVipChannelEnabled(false);
        config.setInstanceName("comet_consumer_it_" + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet());
        config.setPersistConsumerOffsetInterval(1000);
    }

    static String group(String prefix) {
        return prefix + "_" + SEQUENCE.incrementAndGet() + "_" + (System.nanoTime() % 100_000);
    }

    static String body(MessageExt msg) {
        return new String(msg.getBody(), StandardCharsets.UTF_8);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            producer.shutdown();
            admin.shutdown();
        } finally {
            cluster.close();
        }
    }
}
