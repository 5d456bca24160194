package org.cometmq.broker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.cometmq.common.BrokerConfig;
import org.cometmq.common.config.RemoteConfigGuard;
import org.cometmq.common.namesrv.NamesrvConfig;
import org.cometmq.remoting.netty.NettyClientConfig;
import org.cometmq.remoting.netty.NettyServerConfig;
import org.cometmq.store.config.MessageStoreConfig;
import org.junit.jupiter.api.Test;

/**
 * Every text setting of the broker and name server beans is either refused for remote update or known not to be a
 * location: a new String setting fails here until someone decides which it is.
 */
class RemoteConfigGuardTest {
    /** Text settings that hold names, addresses or schedules, never a location. */
    private static final Set<String> NOT_LOCATIONS = Set.of("namesrvAddr", "brokerIP1", "brokerIP2", "brokerName",
        "brokerClusterName", "msgTraceTopicName", "regionId", "deleteWhen", "messageDelayLevel", "bindAddress",
        "productEnvName", "haMasterAddress", "metricsPromExporterHost");

    @Test
    void everyTextSettingIsClassified() {
        Set<String> unclassified = new TreeSet<>();
        for (Class<?> bean : List.of(BrokerConfig.class, MessageStoreConfig.class, NettyServerConfig.class,
            NettyClientConfig.class, NamesrvConfig.class)) {
            for (Field field : bean.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) {
                    continue;
                }
                String key = field.getName();
                if (!RemoteConfigGuard.isLocationKey(key) && !NOT_LOCATIONS.contains(key)) {
                    unclassified.add(bean.getSimpleName() + "." + key);
                }
            }
        }
        assertEquals(Set.of(), unclassified);
    }

    @Test
    void locationAndSecuritySettingsAreRefused() {
        for (String key : List.of("storePathRootDir", "storePathCommitLog", "brokerConfigPath", "rocketmqHome",
            "tlsKeyStorePath", "tlsCertChainFile", "tlsPrivateKeyFile", "tlsTrustCertFile", "tlsTrustStorePath",
            "tlsKeyStorePassword", "kvConfigPath", "configStorePath", "cometHome", "configBlackList", "aclEnable",
            "useTLS", "filterServerCommand", "storePathConsumeQueue", "storePathIndex", "abortFile", "innerAccessKey",
            "innerSecretKey")) {
            assertTrue(RemoteConfigGuard.isLocationKey(key), key);
        }
    }

    @Test
    void ordinarySettingsPass() {
        for (String key : List.of("brokerPermission", "flushDiskType", "fileReservedTime", "deleteWhen",
            "cleanFileForciblyEnable", "mappedFileSizeCommitLog", "recoverLastFileCount", "namesrvAddr",
            "autoCreateTopicEnable", "deleteCommitLogFilesInterval")) {
            assertFalse(RemoteConfigGuard.isLocationKey(key), key);
        }
    }

    @Test
    void refusedKeysAreListedInTheRemark() {
        Properties properties = new Properties();
        properties.setProperty("storePathRootDir", "/tmp/x");
        properties.setProperty("brokerPermission", "4");
        properties.setProperty("rocketmqHome", "/tmp/y");
        Set<String> refused = RemoteConfigGuard.refusedKeys(properties);
        assertEquals(Set.of("rocketmqHome", "storePathRootDir"), refused);
        assertTrue(RemoteConfigGuard.refusalRemark(refused).startsWith("Can not update config path: rocketmqHome, "
            + "storePathRootDir names"));
    }
}
