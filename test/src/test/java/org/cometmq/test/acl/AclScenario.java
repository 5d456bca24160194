package org.cometmq.test.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.cometmq.test.harness.ApacheClients;
import org.cometmq.test.harness.ApacheRoundTrip;
import org.cometmq.test.harness.CrossProcess;
import org.cometmq.test.tools.ApacheMqadmin;
import org.cometmq.test.tools.CommandResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Apache 4.9.7 client, admin and mqadmin against a broker with {@code aclEnable=true} (subclasses choose
 * Apache's or CometMQ's): signed clients exchange messages; unsigned, wrongly signed and under-privileged requests
 * are refused with the same response code on both brokers; mqadmin's updateAclConfig adds an account at once.
 */
@CrossProcess
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AclScenario {
    static final String TOPIC = "AclTopic";
    static final String GROUP = "AclGroup";
    static final String COMET_TOPIC = "AclCometTopic";
    static final String COMET_GROUP = "AclCometGroup";
    static final String ACL_YAML = String.join("\n",
        "accounts:",
        "  - accessKey: aclProducer",
        "    secretKey: producerSecret",
        "    defaultTopicPerm: DENY",
        "    defaultGroupPerm: DENY",
        "    topicPerms:",
        "      - " + TOPIC + "=PUB",
        "      - " + COMET_TOPIC + "=PUB",
        "  - accessKey: aclConsumer",
        "    secretKey: consumerSecret",
        "    defaultTopicPerm: DENY",
        "    defaultGroupPerm: DENY",
        "    topicPerms:",
        "      - " + TOPIC + "=SUB",
        "      - " + COMET_TOPIC + "=SUB",
        "    groupPerms:",
        "      - " + GROUP + "=SUB",
        "      - " + COMET_GROUP + "=SUB",
        "  - accessKey: aclSubOnly",
        "    secretKey: subOnlySecret",
        "    defaultTopicPerm: DENY",
        "    topicPerms:",
        "      - " + TOPIC + "=SUB",
        "  - accessKey: aclAdmin01",
        "    secretKey: adminSecret01",
        "    admin: true",
        "");
    /** The response code 4.9.7 refuses with: SYSTEM_ERROR. */
    static final int REFUSED = 1;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    protected AclCluster cluster;

    protected abstract AclCluster startCluster();

    static RPCHook hook(String accessKey, String secretKey) {
        return new AclClientRPCHook(new SessionCredentials(accessKey, secretKey));
    }

    @BeforeAll
    void start() throws Exception {
        cluster = startCluster();
        DefaultMQAdminExt admin = ApacheClients.startedAdmin(cluster.namesrvAddr(), hook("aclAdmin01", "adminSecret01"));
        try {
            admin.createAndUpdateTopicConfig(cluster.brokerAddr(), new TopicConfig(TOPIC, 4, 4, 6));
            admin.createAndUpdateTopicConfig(cluster.brokerAddr(), new TopicConfig(COMET_TOPIC, 4, 4, 6));
        } finally {
            admin.shutdown();
        }
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void signedProducerAndConsumerExchangeAThousandMessages() throws Exception {
        List<String> bodies = ApacheRoundTrip.bodies(cluster.kind() + "-acl", 1000);
        DefaultMQProducer producer = ApacheClients.startedProducer("AclProducerGroup", cluster.namesrvAddr(),
            hook("aclProducer", "producerSecret"));
        try {
            ApacheRoundTrip.send(producer, TOPIC, bodies);
        } finally {
            producer.shutdown();
        }
        Map<String, Integer> received = ApacheRoundTrip.consume(ApacheClients.pushConsumer(GROUP,
            cluster.namesrvAddr(), hook("aclConsumer", "consumerSecret")), TOPIC, bodies.size(), TIMEOUT);
        assertEquals(bodies.size(), received.size());
        assertTrue(received.keySet().containsAll(bodies));
    }

    @Test
    void unsignedWrongSecretAndMissingPubAreRefusedWithSystemError() throws Exception {
        assertEquals(REFUSED, sendCode(null));
        assertEquals(REFUSED, sendCode(hook("aclProducer", "wrongSecret")));
        assertEquals(REFUSED, sendCode(hook("aclSubOnly", "subOnlySecret")));
        assertEquals(REFUSED, sendCode(hook("noSuchKey", "whatever1")));
    }

    /** The response code a single send attempt of {@code rpcHook}'s producer fails with. */
    private int sendCode(RPCHook rpcHook) throws Exception {
        DefaultMQProducer producer = ApacheClients.startedProducer("AclRefusedGroup" + System.nanoTime(),
            cluster.namesrvAddr(), rpcHook);
        producer.setRetryTimesWhenSendFailed(0);
        try {
            Exception e = assertThrows(Exception.class, () -> producer.send(new Message(TOPIC, "TagA",
                "refused".getBytes(StandardCharsets.UTF_8))));
            return responseCode(e);
        } finally {
            producer.shutdown();
        }
    }

    static int responseCode(Exception e) {
        if (e instanceof MQBrokerException) {
            return ((MQBrokerException) e).getResponseCode();
        }
        if (e instanceof MQClientException) {
            MQClientException client = (MQClientException) e;
            if (client.getCause() instanceof MQBrokerException) {
                return ((MQBrokerException) client.getCause()).getResponseCode();
            }
            return client.getResponseCode();
        }
        throw new AssertionError("unexpected failure " + e, e);
    }

    @Test
    void nonAdminAccountCannotCreateTopics() throws Exception {
        DefaultMQAdminExt admin = ApacheClients.startedAdmin(cluster.namesrvAddr(), hook("aclProducer", "producerSecret"));
        try {
            Exception e = assertThrows(Exception.class, () -> admin.createAndUpdateTopicConfig(
                cluster.brokerAddr(), new TopicConfig("AclAdminOnly", 1, 1, 6)));
            assertEquals(REFUSED, responseCode(e));
        } finally {
            admin.shutdown();
        }
    }

    @Test
    void mqadminUpdateAclConfigAddsAnAccountThatCanSendAtOnce() throws Exception {
        ApacheMqadmin mqadmin = new ApacheMqadmin(cluster.namesrvAddr()).withCredentials("aclAdmin01", "adminSecret01");
        CommandResult result = mqadmin.run("updateAclConfig", "-b", cluster.brokerAddr(), "-a", "aclNewUser",
            "-s", "newUserSecret", "-i", "PUB");
        assertEquals(0, result.exitCode(), result.describe());
        assertTrue(result.stdout().contains("create or update plain access config to " + cluster.brokerAddr()
            + " success."), result.describe());
        DefaultMQProducer producer = ApacheClients.startedProducer("AclNewUserGroup", cluster.namesrvAddr(),
            hook("aclNewUser", "newUserSecret"));
        try {
            ApacheRoundTrip.send(producer, TOPIC, ApacheRoundTrip.bodies("new-user", 3));
        } finally {
            producer.shutdown();
        }
    }

    @Test
    void cometClientSignsWithItsOwnHook() throws Exception {
        List<String> bodies = ApacheRoundTrip.bodies(cluster.kind() + "-comet-client", 200);
        org.cometmq.client.producer.DefaultMQProducer producer = CometAclClients.startedProducer(
            cluster.namesrvAddr(), CometAclClients.hook("aclProducer", "producerSecret"));
        try {
            CometAclClients.send(producer, COMET_TOPIC, bodies);
        } finally {
            producer.shutdown();
        }
        Map<String, Integer> received = CometAclClients.consume(cluster.namesrvAddr(), COMET_GROUP, COMET_TOPIC,
            CometAclClients.hook("aclConsumer", "consumerSecret"), bodies.size(), TIMEOUT);
        assertTrue(received.keySet().containsAll(bodies), received.keySet().toString());
        assertEquals(REFUSED, CometAclClients.refusedSendCode(cluster.namesrvAddr(), COMET_TOPIC, null));
        assertEquals(REFUSED, CometAclClients.refusedSendCode(cluster.namesrvAddr(), COMET_TOPIC,
            CometAclClients.hook("aclProducer", "wrongSecret")));
        assertEquals(REFUSED, CometAclClients.refusedSendCode(cluster.namesrvAddr(), COMET_TOPIC,
            CometAclClients.hook("aclSubOnly", "subOnlySecret")));
    }
}
