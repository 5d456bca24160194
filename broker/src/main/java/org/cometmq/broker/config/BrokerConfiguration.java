package org.cometmq.broker.config;

import java.io.IOException;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.cometmq.common.BrokerConfig;
import org.cometmq.common.DataVersion;
import org.cometmq.common.MixAll;
import org.cometmq.common.config.SettableKeys;
import org.cometmq.remoting.netty.NettyClientConfig;
import org.cometmq.remoting.netty.NettyServerConfig;
import org.cometmq.store.config.MessageStoreConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's four settings beans as one properties view: filled from the {@code -c} file, printed by {@code -p}
 * and GET_BROKER_CONFIG, changed at runtime by UPDATE_BROKER_CONFIG (then saved to
 * {@code <storePathRootDir>/config/broker.properties}).
 */
public class BrokerConfiguration {
    private static final Logger log = LoggerFactory.getLogger(BrokerConfiguration.class);

    private final BrokerConfig brokerConfig;
    private final MessageStoreConfig messageStoreConfig;
    private final NettyServerConfig nettyServerConfig;
    private final NettyClientConfig nettyClientConfig;
    private static final String COMET_HOME_PROPERTY = "comet.home.dir";
    private static final String HA_LISTEN_PORT = "haListenPort";
    private static final String INNER_SECRET_KEY = "innerSecretKey";
    private final DataVersion dataVersion = new DataVersion();

    public BrokerConfiguration(BrokerConfig brokerConfig, MessageStoreConfig messageStoreConfig,
                               NettyServerConfig nettyServerConfig, NettyClientConfig nettyClientConfig) {
        this.brokerConfig = brokerConfig;
        this.messageStoreConfig = messageStoreConfig;
        this.nettyServerConfig = nettyServerConfig;
        this.nettyClientConfig = nettyClientConfig;
    }

    /** Sets every key that names a setting of one of the beans; unknown keys are ignored. */
    public void apply(Properties properties) {
        MixAll.properties2Object(properties, brokerConfig);
        MixAll.properties2Object(properties, messageStoreConfig);
        MixAll.properties2Object(properties, nettyServerConfig);
        MixAll.properties2Object(properties, nettyClientConfig);
    }

    /** Every setting of the four beans. */
    public Properties allProperties() {
        Properties all = new Properties();
        all.putAll(MixAll.object2Properties(nettyClientConfig));
        all.putAll(MixAll.object2Properties(nettyServerConfig));
        all.putAll(MixAll.object2Properties(messageStoreConfig));
        all.putAll(MixAll.object2Properties(brokerConfig));
        return all;
    }

    /**
     * The settings as GET_BROKER_CONFIG reports them: every bean setting, with the effective commit log directory
     * and installation directory, the replication port (always listenPort + 1) and, with their 4.9.7 defaults,
     * the 4.9.7 settings CometMQ does not implement ({@link InertBrokerSettings}); never the inner secret key.
     */
    public Properties reportedProperties() {
        Properties all = allProperties();
        all.setProperty("storePathCommitLog", messageStoreConfig.getStorePathCommitLog());
        String home = brokerConfig.getRocketmqHome();
        if (home == null || home.isBlank()) {
            home = System.getProperty(COMET_HOME_PROPERTY);
        }
        if (home != null) {
            all.setProperty("rocketmqHome", home);
        }
        // derived at start as 4.9.7 derives it, whatever a config file says
        all.setProperty(HA_LISTEN_PORT, String.valueOf(nettyServerConfig.getListenPort() + 1));
        InertBrokerSettings.all().forEach(all::putIfAbsent);
        // no answer carries a secret key
        all.remove(INNER_SECRET_KEY);
        return all;
    }

    /**
     * Why UPDATE_BROKER_CONFIG may not set these keys, one sentence per key, in key order; empty when every key names
     * a setting of CometMQ's broker. Keys naming locations and secrets are {@code RemoteConfigGuard}'s to refuse.
     */
    public Map<String, String> unsettableKeys(Properties properties) {
        Set<String> settable = SettableKeys.of(brokerConfig, messageStoreConfig, nettyServerConfig, nettyClientConfig);
        Map<String, String> reasons = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.equals(HA_LISTEN_PORT)) {
                reasons.put(key, key + " is always listenPort + 1 in CometMQ and cannot be set");
                continue;
            }
            if (settable.contains(key)) {
                continue;
            }
            if (InertBrokerSettings.contains(key)) {
                reasons.put(key, SettableKeys.notImplementedReason(key));
            } else {
                reasons.put(key, key + " is not a broker setting");
            }
        }
        return reasons;
    }

    /**
     * Applies a runtime update, bumps the version and saves the full settings. A value that does not parse throws
     * before anything changed.
     */
    public synchronized void update(Properties properties) {
        // dry run on fresh beans first, so a bad value cannot leave the live settings half-updated
        new BrokerConfiguration(new BrokerConfig(), new MessageStoreConfig(), new NettyServerConfig(),
            new NettyClientConfig()).apply(properties);
        apply(properties);
        dataVersion.nextVersion();
        String path = BrokerPathConfigHelper.getBrokerConfigPath(messageStoreConfig.getStorePathRootDir());
        try {
            MixAll.string2File(MixAll.properties2String(allProperties()), path);
        } catch (IOException e) {
            log.warn("updated settings {} are in effect but could not be saved to {}: {}", properties.keySet(), path,
                e.toString());
        }
        log.info("settings updated at runtime: {}", properties);
    }

    public DataVersion getDataVersion() {
        return dataVersion;
    }

    public BrokerConfig getBrokerConfig() {
        return brokerConfig;
    }

    public MessageStoreConfig getMessageStoreConfig() {
        return messageStoreConfig;
    }

    public NettyServerConfig getNettyServerConfig() {
        return nettyServerConfig;
    }

    public NettyClientConfig getNettyClientConfig() {
        return nettyClientConfig;
    }
}
