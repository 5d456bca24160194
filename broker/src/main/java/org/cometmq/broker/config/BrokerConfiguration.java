package org.cometmq.broker.config;

import java.io.IOException;
import java.util.Properties;
import org.cometmq.common.BrokerConfig;
import org.cometmq.common.DataVersion;
import org.cometmq.common.MixAll;
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

    /** Applies a runtime update, bumps the version and saves the full settings; throws on a value that does not parse. */
    public synchronized void update(Properties properties) {
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
