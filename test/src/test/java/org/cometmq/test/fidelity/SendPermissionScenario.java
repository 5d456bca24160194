package org.cometmq.test.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.cometmq.test.client.ClientCluster;
import org.cometmq.test.harness.ApacheClients;
import org.cometmq.test.harness.CrossProcess;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Which sends a broker takes when a topic or the broker itself is not writable, run once against Apache 4.9.7
 * and once against CometMQ: 4.9.7 never checks the topic's permission on send, and a broker that is not writable
 * refuses only sends to order topics. The class has its own cluster because it changes the broker's permission.
 */
@CrossProcess
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SendPermissionScenario {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int QUEUES = 4;
    private static final byte[] BODY = "perm".getBytes(StandardCharsets.UTF_8);

    private ClientCluster cluster;
    private DefaultMQAdminExt admin;
    private RawRemoting raw;

    /** The servers under test, started once for the class. */
    protected abstract ClientCluster startCluster();

    @BeforeAll
    void startServersAndClients() throws Exception {
        cluster = startCluster();
        admin = ApacheClients.startedAdmin(cluster.namesrvAddr());
        raw = new RawRemoting();
    }

    @AfterAll
    void stopAll() {
        for (AutoCloseable closeable : new AutoCloseable[] {raw, () -> admin.shutdown(), cluster}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                System.err.println("closing after the send permission scenario: " + e);
            }
        }
    }

    private String topic(String prefix) {
        return prefix + "_" + cluster.kind();
    }

    /** A producer that still holds the route from before the topic became read-only is served. */
    @Test
    void sendToAReadOnlyTopicIsAccepted() throws Exception {
        String topic = topic("PermReadOnly");
        admin.createAndUpdateTopicConfig(cluster.brokerAddr(), new TopicConfig(topic, QUEUES, QUEUES, 6));
        admin.createAndUpdateTopicConfig(cluster.brokerAddr(), new TopicConfig(topic, QUEUES, QUEUES, 4));
        assertEquals(4, admin.getAllTopicConfig(cluster.brokerAddr(), 10_000).getTopicConfigTable().get(topic)
            .getPerm());
        RemotingCommand answer = raw.send(cluster.brokerAddr(), topic, "TBW102", 1, BODY);
        assertEquals("0 | null", answer.getCode() + " | " + answer.getRemark());
    }

    @Test
    void brokerThatIsNotWritableRefusesOnlyOrderTopics() throws Exception {
        String plain = topic("PermPlain");
        String order = topic("PermOrder");
        // as mqadmin updateTopic -o true does it, with the name server's order config set first so the
        // registration that follows the create already marks the topic as an order topic
        admin.createOrUpdateOrderConf(order, cluster.brokerName() + ":" + QUEUES, false);
        TopicConfig orderConfig = new TopicConfig(order, QUEUES, QUEUES, 6);
        orderConfig.setOrder(true);
        admin.createAndUpdateTopicConfig(cluster.brokerAddr(), orderConfig);
        admin.createAndUpdateTopicConfig(cluster.brokerAddr(), new TopicConfig(plain, QUEUES, QUEUES, 6));
        Await.until(order + " is an order topic on the broker", TIMEOUT,
            () -> admin.getAllTopicConfig(cluster.brokerAddr(), 10_000).getTopicConfigTable().get(order).isOrder(),
            isOrder -> isOrder);
        String brokerIp = cluster.brokerAddr().substring(0, cluster.brokerAddr().lastIndexOf(':'));
        setBrokerPermission(4);
        try {
            RemotingCommand toPlain = raw.send(cluster.brokerAddr(), plain, "TBW102", 0, BODY);
            assertEquals("0 | null", toPlain.getCode() + " | " + toPlain.getRemark(), "send to a plain topic");
            RemotingCommand toOrder = raw.send(cluster.brokerAddr(), order, "TBW102", 0, BODY);
            assertEquals("16 | the broker[" + brokerIp + "] sending message is forbidden",
                toOrder.getCode() + " | " + toOrder.getRemark(), "send to an order topic");
        } finally {
            setBrokerPermission(6);
        }
        RemotingCommand afterwards = raw.send(cluster.brokerAddr(), order, "TBW102", 0, BODY);
        assertEquals("0 | null", afterwards.getCode() + " | " + afterwards.getRemark(), "order topic, writable again");
    }

    private void setBrokerPermission(int perm) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("brokerPermission", String.valueOf(perm));
        admin.updateBrokerConfig(cluster.brokerAddr(), properties);
    }
}
