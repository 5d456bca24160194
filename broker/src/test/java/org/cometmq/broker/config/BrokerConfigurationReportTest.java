package org.cometmq.broker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.cometmq.common.BrokerConfig;
import org.cometmq.remoting.netty.NettyClientConfig;
import org.cometmq.remoting.netty.NettyServerConfig;
import org.cometmq.store.config.MessageStoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What GET_BROKER_CONFIG reports and which keys UPDATE_BROKER_CONFIG refuses. */
class BrokerConfigurationReportTest {
    /** CometMQ's own settings, beyond 4.9.7's: named so that a new one is a decision, not an accident. */
    static final Set<String> COMET_EXTRA_KEYS = Set.of("adminBrokerThreadPoolQueueCapacity", "bindAddress",
        "channelExpiredTimeoutMillis", "disableCallbackExecutor", "frameMaxLength", "maxPropertiesLength",
        "maxTopicLength", "rebalanceLockMaxLiveTime", "recoverLastFileCount", "startDispatchTimeoutMillis",
        "tlsNeedClientAuth", "tlsTrustAll", "metricsExporterType", "metricsPromExporterHost", "metricsPromExporterPort",
        "innerAccessKey");

    @TempDir
    Path dir;

    private BrokerConfiguration configuration() {
        MessageStoreConfig store = new MessageStoreConfig();
        store.setStorePathRootDir(dir.toString());
        BrokerConfig broker = new BrokerConfig();
        broker.setRocketmqHome(dir.toString());
        broker.setNamesrvAddr("127.0.0.1:9876");
        NettyServerConfig server = new NettyServerConfig();
        server.setListenPort(20911);
        return new BrokerConfiguration(broker, store, server, new NettyClientConfig());
    }

    private static Set<String> apacheKeys() throws IOException {
        try (InputStream in = BrokerConfigurationReportTest.class.getResourceAsStream(
            "/apache-4.9.7-broker-config-keys.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void everyKeyOf497IsReportedPlusCometMqsOwnSettings() throws IOException {
        Properties reported = configuration().reportedProperties();
        Set<String> expected = apacheKeys();
        assertEquals(177, expected.size());
        expected.addAll(COMET_EXTRA_KEYS);
        assertEquals(expected, new TreeSet<>(reported.stringPropertyNames()));
    }

    @Test
    void theInnerSecretKeyIsNeverReported() {
        BrokerConfiguration configuration = configuration();
        configuration.getBrokerConfig().setInnerAccessKey("slaveSync");
        configuration.getBrokerConfig().setInnerSecretKey("slaveSecret1");
        Properties reported = configuration.reportedProperties();
        assertEquals("slaveSync", reported.getProperty("innerAccessKey"));
        assertEquals(null, reported.getProperty("innerSecretKey"));
        assertTrue(reported.values().stream().noneMatch("slaveSecret1"::equals));
    }

    @Test
    void inertSettingsReport497DefaultsAndDerivedOnesTheirRealValues() throws IOException {
        Properties reported = configuration().reportedProperties();
        assertEquals("0", reported.getProperty("filterServerNums"));
        assertEquals("268435456", reported.getProperty("haSlaveFallbehindMax"));
        assertEquals("20912", reported.getProperty("haListenPort"));
        assertEquals(dir.resolve("commitlog").toString(), reported.getProperty("storePathCommitLog"));
        assertEquals(dir.toString(), reported.getProperty("rocketmqHome"));
        for (String key : InertBrokerSettings.all().keySet()) {
            assertTrue(apacheKeys().contains(key), key + " is not a 4.9.7 setting");
        }
    }

    @Test
    void unknownInertAndDerivedKeysAreRefusedWithTheirReason() {
        Properties update = new Properties();
        update.setProperty("noSuchSetting", "1");
        update.setProperty("filterServerNums", "2");
        update.setProperty("haListenPort", "1");
        update.setProperty("waitTimeMillsInSendQueue", "300");
        update.setProperty("namesrvAddr", "127.0.0.1:9876");
        Map<String, String> refused = configuration().unsettableKeys(update);
        assertEquals(Set.of("noSuchSetting", "filterServerNums", "haListenPort"), refused.keySet());
        assertEquals("noSuchSetting is not a broker setting", refused.get("noSuchSetting"));
        assertEquals("filterServerNums is a RocketMQ 4.9.7 setting that CometMQ does not implement: setting it would"
            + " change nothing", refused.get("filterServerNums"));
        assertEquals("haListenPort is always listenPort + 1 in CometMQ and cannot be set", refused.get("haListenPort"));
    }

    @Test
    void aValueThatDoesNotParseChangesNothing() {
        BrokerConfiguration configuration = configuration();
        Properties update = new Properties();
        update.setProperty("waitTimeMillsInSendQueue", "300");
        update.setProperty("brokerPermission", "rw");
        assertThrows(IllegalArgumentException.class, () -> configuration.update(update));
        assertEquals(200, configuration.getBrokerConfig().getWaitTimeMillsInSendQueue());
        update.setProperty("brokerPermission", "4");
        configuration.update(update);
        assertEquals(300, configuration.getBrokerConfig().getWaitTimeMillsInSendQueue());
    }
}
