package org.cometmq.namesrv.config;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.cometmq.common.MixAll;
import org.cometmq.common.config.SettableKeys;
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

    /** The keys 4.9.7's name server answers GET_NAMESRV_CONFIG with. */
    static final Set<String> REPORTED_KEYS = Set.of("rocketmqHome", "kvConfigPath", "configStorePath", "productEnvName",
        "clusterTest", "orderMessageEnable", "listenPort", "serverWorkerThreads", "serverCallbackExecutorThreads",
        "serverSelectorThreads", "serverOnewaySemaphoreValue", "serverAsyncSemaphoreValue",
        "serverChannelMaxIdleTimeSeconds", "serverSocketSndBufSize", "serverSocketRcvBufSize",
        "writeBufferHighWaterMark", "writeBufferLowWaterMark", "serverSocketBacklog",
        "serverPooledByteBufAllocatorEnable", "useEpollNativeSelector");
    /** 4.9.7's cluster-test mode (routes from another environment's name server): reported, not implemented. */
    static final Set<String> INERT_KEYS = Set.of("clusterTest", "productEnvName");

    private final NamesrvConfig namesrvConfig;
    private final NettyServerConfig nettyServerConfig;

    public NamesrvConfiguration(NamesrvConfig namesrvConfig, NettyServerConfig nettyServerConfig) {
        this.namesrvConfig = namesrvConfig;
        this.nettyServerConfig = nettyServerConfig;
    }

    /**
     * The settings GET_NAMESRV_CONFIG reports: exactly 4.9.7's name server keys, so tools see the same set from
     * both; CometMQ's own settings (ACL, TLS, bind address, frame limit, broker expiry) show only in {@code -p}.
     */
    public synchronized String getReportedConfigsFormatString() {
        Properties all = new Properties();
        for (Object bean : List.of(nettyServerConfig, namesrvConfig)) {
            all.putAll(MixAll.object2Properties(bean));
        }
        if (namesrvConfig.getRocketmqHome() != null) {
            all.setProperty("rocketmqHome", namesrvConfig.getRocketmqHome());
        }
        all.keySet().retainAll(REPORTED_KEYS);
        return MixAll.properties2String(all);
    }

    /**
     * Why UPDATE_NAMESRV_CONFIG may not set these keys, one sentence per key, in key order; empty when every key
     * names a setting the name server has and implements.
     */
    public Map<String, String> unsettableKeys(Properties properties) {
        Set<String> settable = SettableKeys.of(namesrvConfig, nettyServerConfig);
        Map<String, String> reasons = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (INERT_KEYS.contains(key)) {
                reasons.put(key, SettableKeys.notImplementedReason(key));
            } else if (!settable.contains(key)) {
                reasons.put(key, key + " is not a name server setting");
            }
        }
        return reasons;
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
