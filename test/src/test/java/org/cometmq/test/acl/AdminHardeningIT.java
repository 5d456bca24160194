package org.cometmq.test.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.cometmq.common.config.RemoteConfigGuard;
import org.cometmq.test.client.ClientCluster;
import org.cometmq.test.harness.ApacheClients;
import org.cometmq.test.harness.ApacheRoundTrip;
import org.cometmq.test.harness.CrossProcess;
import org.cometmq.test.harness.TestEnvironment;
import org.cometmq.test.tools.ApacheMqadmin;
import org.cometmq.test.tools.CommandResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * With ACL off, remote config updates cannot move a CometMQ server's files: Apache 4.9.7's mqadmin and admin API
 * ask the broker to change every location and security key and the name server its two path keys; each is refused
 * with NO_PERMISSION, nothing is created at the requested path, the settings stay, and both keep serving. (4.9.7's
 * broker accepts all of these; its name server refuses the two path keys, as CometMQ's does.)
 */
@CrossProcess
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminHardeningIT {
    private static final int NO_PERMISSION = 16;
    private static final List<String> BROKER_KEYS = List.of("storePathRootDir", "storePathCommitLog",
        "brokerConfigPath", "rocketmqHome", "tlsKeyStorePath", "tlsCertChainFile", "tlsPrivateKeyFile",
        "tlsTrustCertFile", "tlsTrustStorePath", "configBlackList", "aclEnable", "useTLS");

    private ClientCluster cluster;
    private Path elsewhere;

    @BeforeAll
    void start() {
        cluster = ClientCluster.comet("hardening", Map.of());
        elsewhere = TestEnvironment.newWorkDir("hardening-target").resolve("moved");
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void mqadminCannotMoveTheBrokerStore() throws Exception {
        CommandResult result = new ApacheMqadmin(cluster.namesrvAddr()).run("updateBrokerConfig", "-b",
            cluster.brokerAddr(), "-k", "storePathRootDir", "-v", elsewhere.toString());
        String output = result.stdout() + result.stderr();
        assertTrue(output.contains("Can not update config path: storePathRootDir"), result.describe());
        assertFalse(Files.exists(elsewhere), elsewhere + " was created");
        assertStillServing();
    }

    @Test
    void everyLocationAndSecurityKeyIsRefusedAndKeepsItsValue() throws Exception {
        DefaultMQAdminExt admin = ApacheClients.startedAdmin(cluster.namesrvAddr());
        try {
            Properties before = admin.getBrokerConfig(cluster.brokerAddr());
            Set<String> keys = refusedKeysOf(before);
            for (String key : keys) {
                Properties update = new Properties();
                update.setProperty(key, changedValue(key, before.getProperty(key)));
                MQBrokerException e = assertThrows(MQBrokerException.class,
                    () -> admin.updateBrokerConfig(cluster.brokerAddr(), update), key);
                assertEquals(NO_PERMISSION, e.getResponseCode(), key);
            }
            Properties after = admin.getBrokerConfig(cluster.brokerAddr());
            for (String key : keys) {
                assertEquals(before.getProperty(key), after.getProperty(key), key);
            }
        } finally {
            admin.shutdown();
        }
        assertFalse(Files.exists(elsewhere), elsewhere + " was created");
        assertStillServing();
    }

    /** The listed keys plus every key the running broker reports that the guard refuses, so none is missed. */
    private static Set<String> refusedKeysOf(Properties brokerConfig) {
        Set<String> keys = new TreeSet<>(BROKER_KEYS);
        for (String key : brokerConfig.stringPropertyNames()) {
            if (RemoteConfigGuard.isLocationKey(key)) {
                keys.add(key);
            }
        }
        assertTrue(brokerConfig.containsKey("storePathRootDir"), "GET_BROKER_CONFIG lacks the store location");
        return keys;
    }

    /** A value that would change the setting: the other boolean for a switch, else a path outside the store. */
    private String changedValue(String key, String current) {
        if ("true".equals(current) || "false".equals(current)) {
            return "true".equals(current) ? "false" : "true";
        }
        return key.startsWith("use") || key.startsWith("acl") ? "true" : elsewhere.toString();
    }

    @Test
    void mqadminCannotMoveTheNameServerFiles() throws Exception {
        ApacheMqadmin mqadmin = new ApacheMqadmin(cluster.namesrvAddr());
        for (String key : List.of("configStorePath", "kvConfigPath")) {
            Path target = elsewhere.resolveSibling(key + ".properties");
            CommandResult result = mqadmin.run("updateNamesrvConfig", "-k", key, "-v", target.toString());
            assertTrue((result.stdout() + result.stderr()).contains("Can not update config path"), result.describe());
            assertFalse(Files.exists(target), target + " was written");
        }
        DefaultMQAdminExt admin = ApacheClients.startedAdmin(cluster.namesrvAddr());
        try {
            assertFalse(admin.examineBrokerClusterInfo().getBrokerAddrTable().isEmpty());
        } finally {
            admin.shutdown();
        }
    }

    private void assertStillServing() throws Exception {
        DefaultMQProducer producer = ApacheClients.startedProducer("HardeningProducer" + System.nanoTime(),
            cluster.namesrvAddr());
        try {
            ApacheRoundTrip.send(producer, "HardeningTopic", ApacheRoundTrip.bodies("still-serving", 3));
        } finally {
            producer.shutdown();
        }
    }
}
