package org.cometmq.namesrv.config;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.cometmq.common.MixAll;
import org.cometmq.common.namesrv.NamesrvConfig;
import org.cometmq.remoting.netty.NettyServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The name server's effective configuration (NamesrvConfig + NettyServerConfig) as one properties view:
 * printed by {@code -p} and GET_NAMESRV_CONFIG, changed at runtime by UPDATE_NAMESRV_CONFIG and then
 * persisted to {@code configStorePath}. Keys in {@code configBlackList} cannot be changed at runtime.
 */
public class NamesrvConfiguration {
    private static final Logger log = LoggerFactory.getLogger(NamesrvConfiguration.class);

    private final NamesrvConfig namesrvConfig;
    private final NettyServerConfig nettyServerConfig;

    public NamesrvConfiguration(NamesrvConfig namesrvConfig, NettyServerConfig nettyServerConfig) {
        this.namesrvConfig = namesrvConfig;
        this.nettyServerConfig = nettyServerConfig;
    }

    /** All settings as sorted {@code key=value} lines. */
    public synchronized String getAllConfigsFormatString() {
        Properties all = new Properties();
        for (Object bean : List.of(nettyServerConfig, namesrvConfig)) {
            all.putAll(MixAll.object2Properties(bean));
        }
        return MixAll.properties2String(all);
    }

    /** The keys of {@code properties} that may not be changed at runtime, sorted; empty when all are allowed. */
    public Set<String> blackListedKeys(Properties properties) {
        Set<String> blackList = Arrays.stream(namesrvConfig.getConfigBlackList().split(";"))
            .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        Set<String> refused = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (blackList.contains(key.trim())) {
                refused.add(key.trim());
            }
        }
        return refused;
    }

    /**
     * Applies {@code properties} to both config beans by setter name, then persists the result.
     *
     * @throws IllegalArgumentException when a value does not parse (then nothing is applied)
     * @throws IOException              when the settings were applied but could not be written
     */
    public synchronized void update(Properties properties) throws IOException {
        // dry run on fresh beans first, so a bad value cannot leave the live config half-updated
        MixAll.properties2Object(properties, new NamesrvConfig());
        MixAll.properties2Object(properties, new NettyServerConfig());
        MixAll.properties2Object(properties, namesrvConfig);
        MixAll.properties2Object(properties, nettyServerConfig);
        log.info("name server config updated: {}", properties);
        persist();
    }

    private void persist() throws IOException {
        String path = namesrvConfig.getConfigStorePath();
        if (path == null || path.isEmpty()) {
            return;
        }
        MixAll.string2File(getAllConfigsFormatString(), path);
    }

    public NamesrvConfig getNamesrvConfig() {
        return namesrvConfig;
    }

    public NettyServerConfig getNettyServerConfig() {
        return nettyServerConfig;
    }
}
