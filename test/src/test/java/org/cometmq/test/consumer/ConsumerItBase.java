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
import org.cometmq.test.harness.ApacheBroker;
import org.cometmq.test.harness.ApacheClients;
import org.cometmq.test.harness.ApacheNamesrv;
import org.cometmq.test.harness.Await;
import org.cometmq.test.harness.TestEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One Apache 4.9.7 name server and broker per test class, an Apache admin to create topics and an Apache producer
 * to fill them; the tests consume with CometMQ's consumers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConsumerItBase {
    static final int QUEUES = 4;
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    static {
        // Broadcasting consumers keep offsets in local files: under the build folder, not the user's home.
        System.setProperty("rocketmq.client.localOffsetStoreDir",
            TestEnvironment.buildDir().resolve("comet-consumer-offsets").toString());
    }

    ApacheNamesrv nameServer;
    ApacheBroker broker;
    DefaultMQAdminExt admin;
    DefaultMQProducer producer;

    /** Extra broker settings of the subclass (Apache config keys). */
    void configureBroker(ApacheBroker.Builder builder) {
    }

    @BeforeAll
    void startServers() throws Exception {
        nameServer = ApacheNamesrv.start(getClass().getSimpleName() + "-namesrv");
        ApacheBroker.Builder builder = ApacheBroker.builder(getClass().getSimpleName().toLowerCase() + "-broker")
            .namesrvAddr(nameServer.address());
        configureBroker(builder);
        broker = builder.start();
        admin = ApacheClients.startedAdmin(nameServer.address());
        producer = ApacheClients.startedProducer("apache_it_producer_" + SEQUENCE.incrementAndGet(),
            nameServer.address());
    }

    @AfterAll
    void stopServers() {
        for (AutoCloseable closeable : new AutoCloseable[] {
            () -> producer.shutdown(), () -> admin.shutdown(), broker, nameServer}) {
            try {
                closeable.close();
            } catch (Exception e) {
                // keep closing; the harness kills leftover processes at JVM exit
            }
        }
    }

    /** A new topic with {@link #QUEUES} queues, once the name server routes it. */
    String createTopic(String prefix) throws Exception {
        String topic = prefix + "_" + System.nanoTime();
        admin.createAndUpdateTopicConfig(broker.address(), new TopicConfig(topic, QUEUES, QUEUES, 6));
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

    /** Common settings of CometMQ consumers in these tests: this name server, unique instance, fast commits. */
    void configure(ClientConfig config) {
        config.setNamesrvAddr(nameServer.address());
        config.setVipChannelEnabled(false);
        config.setInstanceName("comet_consumer_it_" + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet());
        config.setPersistConsumerOffsetInterval(1000);
    }

    static String group(String prefix) {
        return prefix + "_" + SEQUENCE.incrementAndGet() + "_" + (System.nanoTime() % 100_000);
    }

    static String body(org.cometmq.common.message.MessageExt msg) {
        return new String(msg.getBody(), StandardCharsets.UTF_8);
    }
}
