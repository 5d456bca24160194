package org.cometmq.test.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.AclConfig;
import org.apache.rocketmq.common.PlainAccessConfig;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.cometmq.test.harness.ApacheClients;
import org.cometmq.test.tools.ApacheMqadmin;
import org.cometmq.test.tools.CommandResult;
import org.junit.jupiter.api.Test;

/**
 * The Apache 4.9.7 client and tools against CometMQ's broker with ACL on. Beyond the shared scenario, the holes
 * 4.9.7 leaves open and CometMQ closes (so these run against CometMQ only): batch sends are checked against topic
 * permissions, the ACL admin codes need an admin account, and the cluster ACL config never carries a secret key.
 */
class AclOnCometClusterIT extends AclScenario {

    @Override
    protected AclCluster startCluster() {
        return AclCluster.comet("acl-comet", ACL_YAML, Map.of());
    }

    @Test
    void batchSendNeedsPubOnTheTopic() throws Exception {
        assertEquals(SendStatus.SEND_OK, sendBatch("aclProducer", "producerSecret"));
        DefaultMQProducer subOnly = ApacheClients.startedProducer("AclBatchRefusedGroup", cluster.namesrvAddr(),
            hook("aclSubOnly", "subOnlySecret"));
        subOnly.setRetryTimesWhenSendFailed(0);
        try {
            Exception e = assertThrows(Exception.class, () -> subOnly.send(batch("refused")));
            assertEquals(REFUSED, responseCode(e));
        } finally {
            subOnly.shutdown();
        }
    }

    @Test
    void aclAdminRequestsNeedAnAdminAccount() throws Exception {
        CommandResult refused = new ApacheMqadmin(cluster.namesrvAddr()).withCredentials("aclProducer", "producerSecret")
            .run("updateAclConfig", "-b", cluster.brokerAddr(), "-a", "aclSneaky01", "-s", "sneakySecret", "-i", "PUB");
        // 4.9.7's mqadmin exits 0 even when a command fails, so the output and the outcome tell.
        assertFalse(refused.stdout().contains("success"), refused.describe());
        DefaultMQAdminExt nonAdmin = ApacheClients.startedAdmin(cluster.namesrvAddr(),
            hook("aclProducer", "producerSecret"));
        try {
            Exception e = assertThrows(Exception.class, () -> nonAdmin.examineBrokerClusterAclConfig(cluster.brokerAddr()));
            assertEquals(REFUSED, responseCode(e));
        } finally {
            nonAdmin.shutdown();
        }
        assertFalse(accessKeys().contains("aclSneaky01"), "a non-admin account created an account");
    }

    @Test
    void clusterAclConfigCarriesNoSecretKey() throws Exception {
        List<String> keys = accessKeys();
        assertTrue(keys.containsAll(List.of("aclProducer", "aclConsumer", "aclSubOnly", "aclAdmin01")), keys.toString());
    }

    /** The access keys GET_BROKER_CLUSTER_ACL_CONFIG answers an admin with, asserting no account has a secret. */
    private List<String> accessKeys() throws Exception {
        DefaultMQAdminExt admin = ApacheClients.startedAdmin(cluster.namesrvAddr(), hook("aclAdmin01", "adminSecret01"));
        try {
            AclConfig config = admin.examineBrokerClusterAclConfig(cluster.brokerAddr());
            List<String> keys = new ArrayList<>();
            for (PlainAccessConfig account : config.getPlainAccessConfigs()) {
                String secret = account.getSecretKey();
                assertTrue(secret == null || secret.isEmpty(), account.getAccessKey() + " came with its secret");
                keys.add(account.getAccessKey());
            }
            return keys;
        } finally {
            admin.shutdown();
        }
    }

    private SendStatus sendBatch(String accessKey, String secretKey) throws Exception {
        DefaultMQProducer producer = ApacheClients.startedProducer("AclBatchGroup", cluster.namesrvAddr(),
            hook(accessKey, secretKey));
        try {
            return producer.send(batch("allowed")).getSendStatus();
        } finally {
            producer.shutdown();
        }
    }

    private static List<Message> batch(String prefix) {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            messages.add(new Message(COMET_TOPIC, "TagA", (prefix + "-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        return messages;
    }
}
