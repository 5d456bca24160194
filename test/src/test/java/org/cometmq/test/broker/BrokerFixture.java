package org.cometmq.test.broker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.apache.rocketmq.client.ClientConfig;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.protocol.route.TopicRouteData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.cometmq.test.harness.ApacheClients;
import org.cometmq.test.harness.CometNamesrv;
import org.cometmq.testkit.Await;

/**
 * One CometMQ name server and one CometMQ broker process, with an Apache 4.9.7 admin client; helpers that make
 * topics and clients with unique names so tests sharing the servers never see each other's messages.
 */
final class BrokerFixture implements AutoCloseable {
    static final String CLUSTER = "BrokerItCluster";
    static final Duration ROUTE_TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    final CometNamesrv namesrv;
    final CometBroker broker;
    final DefaultMQAdminExt admin;
    private final List<AutoCloseable> clients = new ArrayList<>();

    private BrokerFixture(CometNamesrv namesrv, CometBroker broker, DefaultMQAdminExt admin) {
        this.namesrv = namesrv;
        this.broker = broker;
        this.admin = admin;
    }

    static BrokerFixture start(String name, Map<String, String> brokerSettings) throws Exception {
        return start(name, brokerSettings, builder -> builder);
    }

    /** As above, with {@code customize} applied to the broker's builder (JVM options, a tmpfs store). */
    static BrokerFixture start(String name, Map<String, String> brokerSettings,
                               UnaryOperator<CometBroker.Builder> customize) throws Exception {
        CometNamesrv namesrv = CometNamesrv.start(name + "-namesrv");
        CometBroker broker = null;
        try {
            CometBroker.Builder builder = CometBroker.builder(name + "-broker").clusterName(CLUSTER)
                .namesrvAddr(namesrv.address());
            brokerSettings.forEach(builder::property);
            broker = customize.apply(builder).start();
            return new BrokerFixture(namesrv, broker, ApacheClients.startedAdmin(namesrv.address()));
        } catch (Exception | Error e) {
            if (broker != null) {
                broker.close();
            }
            namesrv.close();
            throw e;
        }
    }

    String namesrvAddr() {
        return namesrv.address();
    }

    static String unique(String prefix) {
        return prefix + "_" + SEQUENCE.incrementAndGet() + "_" + System.nanoTime() % 1_000_000;
    }

    /** Creates a topic with {@code queues} read and write queues and the given perm, and waits for its route. */
    String createTopic(String prefix, int queues, int perm) throws Exception {
        String topic = unique(prefix);
        admin.createAndUpdateTopicConfig(broker.address(), new TopicConfig(topic, queues, queues, perm));
        awaitRoute(topic);
        return topic;
    }

    TopicRouteData awaitRoute(String topic) {
        return Await.until("route of " + topic, ROUTE_TIMEOUT, () -> admin.examineTopicRouteInfo(topic),
            r -> r != null && !r.getQueueDatas().isEmpty());
    }

    DefaultMQProducer producer(String prefix) throws Exception {
        DefaultMQProducer producer = ApacheClients.startedProducer(unique(prefix), namesrvAddr());
        clients.add(producer::shutdown);
        return producer;
    }

    /** A started producer that refreshes routes only every 10 minutes, so it keeps the route it first saw. */
    DefaultMQProducer producerWithCachedRoutes(String prefix) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer(unique(prefix));
        producer.setNamesrvAddr(namesrvAddr());
        producer.setVipChannelEnabled(false);
        producer.setInstanceName(unique(prefix));
        producer.setSendMsgTimeout(5_000);
        producer.setPollNameServerInterval(600_000);
        producer.start();
        clients.add(producer::shutdown);
        return producer;
    }

    /** A push consumer (not started) of a unique group reading from the first offset; shut down with the fixture. */
    DefaultMQPushConsumer pushConsumer(String group) {
        DefaultMQPushConsumer consumer = ApacheClients.pushConsumer(group, namesrvAddr());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        clients.add(consumer::shutdown);
        return consumer;
    }

    /** Registers a client to shut down with the fixture. */
    <T extends ClientConfig> T track(T client, AutoCloseable shutdown) {
        clients.add(shutdown);
        return client;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        for (AutoCloseable client : clients) {
            try {
                client.close();
            } catch (Exception e) {
                // a client already shut down by its test
            }
        }
        try {
            admin.shutdown();
        } finally {
            try {
                broker.close();
            } finally {
                namesrv.close();
            }
        }
    }
}
