package org.cometmq.test.tls;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.client.ClientConfig;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.cometmq.test.broker.CometBroker;
import org.cometmq.test.harness.ApacheClients;
import org.cometmq.test.harness.ApacheRoundTrip;
import org.cometmq.test.harness.CometNamesrv;
import org.cometmq.test.harness.CrossProcess;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * 4.9.7's TLS modes on CometMQ servers, with the Apache 4.9.7 client (useTLS on or off, test mode: it trusts the
 * servers' generated certificates): a name server in permissive mode, one broker enforcing TLS and one permissive.
 */
@CrossProcess
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsModesIT {
    private static final String ENFORCED_TOPIC = "TlsEnforcedTopic";
    private static final String PERMISSIVE_TOPIC = "TlsPermissiveTopic";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private CometNamesrv namesrv;
    private CometBroker enforcing;
    private CometBroker permissive;

    @BeforeAll
    void start() throws Exception {
        namesrv = CometNamesrv.start("tls-namesrv", List.of("-Dtls.server.mode=permissive"));
        enforcing = broker("tls-enforcing", "enforcing");
        permissive = broker("tls-permissive", "permissive");
        DefaultMQAdminExt admin = new DefaultMQAdminExt(5_000);
        configure(admin, true);
        admin.start();
        try {
            admin.createAndUpdateTopicConfig(enforcing.address(), new TopicConfig(ENFORCED_TOPIC, 2, 2, 6));
            admin.createAndUpdateTopicConfig(permissive.address(), new TopicConfig(PERMISSIVE_TOPIC, 2, 2, 6));
            for (String topic : List.of(ENFORCED_TOPIC, PERMISSIVE_TOPIC)) {
                Await.untilTrue("route of " + topic, TIMEOUT, () -> hasRoute(admin, topic));
            }
        } finally {
            admin.shutdown();
        }
    }

    private CometBroker broker(String name, String mode) {
        return CometBroker.builder(name).namesrvAddr(namesrv.address()).property("autoCreateTopicEnable", "false")
            .jvmOption("-Dtls.server.mode=" + mode).start();
    }

    private static boolean hasRoute(DefaultMQAdminExt admin, String topic) {
        try {
            return !admin.examineTopicRouteInfo(topic).getBrokerDatas().isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    @AfterAll
    void stop() {
        for (AutoCloseable process : new AutoCloseable[] {permissive, enforcing, namesrv}) {
            try {
                if (process != null) {
                    process.close();
                }
            } catch (Exception e) {
                // keep stopping the others
            }
        }
    }

    private void configure(ClientConfig config, boolean tls) {
        config.setNamesrvAddr(namesrv.address());
        config.setVipChannelEnabled(false);
        config.setInstanceName("tls_it_" + System.nanoTime());
        config.setUseTLS(tls);
    }

    private DefaultMQProducer producer(boolean tls) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("TlsProducer" + System.nanoTime());
        configure(producer, tls);
        producer.setRetryTimesWhenSendFailed(0);
        producer.setSendMsgTimeout(5_000);
        producer.start();
        return producer;
    }

    @Test
    void tlsClientExchangesMessagesWithAnEnforcingBroker() throws Exception {
        List<String> bodies = ApacheRoundTrip.bodies("tls", 200);
        DefaultMQProducer producer = producer(true);
        try {
            ApacheRoundTrip.send(producer, ENFORCED_TOPIC, bodies);
        } finally {
            producer.shutdown();
        }
        DefaultMQPushConsumer consumer = ApacheClients.pushConsumer("TlsGroup", namesrv.address());
        consumer.setUseTLS(true);
        Map<String, Integer> received = ApacheRoundTrip.consume(consumer, ENFORCED_TOPIC, bodies.size(), TIMEOUT);
        assertTrue(received.keySet().containsAll(bodies), received.keySet().toString());
    }

    @Test
    void plainClientIsRefusedByTheEnforcingBroker() throws Exception {
        DefaultMQProducer producer = producer(false);
        try {
            assertThrows(Exception.class, () -> producer.send(new Message(ENFORCED_TOPIC, "TagA",
                "plain".getBytes(StandardCharsets.UTF_8))));
        } finally {
            producer.shutdown();
        }
    }

    @Test
    void permissiveBrokerServesPlainAndTlsClients() throws Exception {
        for (boolean tls : new boolean[] {false, true}) {
            DefaultMQProducer producer = producer(tls);
            try {
                ApacheRoundTrip.send(producer, PERMISSIVE_TOPIC, ApacheRoundTrip.bodies("permissive-" + tls, 5));
            } finally {
                producer.shutdown();
            }
        }
    }
}
