package org.cometmq.broker.subscription;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.cometmq.broker.config.ConfigManager;
import org.cometmq.common.BrokerConfig;
import org.cometmq.common.DataVersion;
import org.cometmq.common.MixAll;
import org.cometmq.common.protocol.body.SubscriptionGroupWrapper;
import org.cometmq.common.subscription.SubscriptionGroupConfig;
import org.cometmq.remoting.protocol.RemotingSerializable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumer group settings (subscriptionGroup.json): retries, consume switches, slow-consumer broker choice.
 * Unknown groups are created with defaults on first use while autoCreateSubscriptionGroup is on, and system
 * groups always.
 */
public class SubscriptionGroupManager extends ConfigManager {
    private static final Logger log = LoggerFactory.getLogger(SubscriptionGroupManager.class);
    private static final List<String> SYSTEM_GROUPS = List.of(MixAll.TOOLS_CONSUMER_GROUP,
        MixAll.FILTERSRV_CONSUMER_GROUP, MixAll.SELF_TEST_CONSUMER_GROUP, MixAll.ONS_HTTP_PROXY_GROUP,
        MixAll.CID_ONSAPI_PULL_GROUP, MixAll.CID_ONSAPI_PERMISSION_GROUP, MixAll.CID_ONSAPI_OWNER_GROUP);

    private final BrokerConfig brokerConfig;
    private final String configFilePath;
    private final ConcurrentMap<String, SubscriptionGroupConfig> subscriptionGroupTable = new ConcurrentHashMap<>(1024);
    private final DataVersion dataVersion = new DataVersion();

    public SubscriptionGroupManager(BrokerConfig brokerConfig, String configFilePath) {
        this.brokerConfig = brokerConfig;
        this.configFilePath = configFilePath;
        for (String group : SYSTEM_GROUPS) {
            subscriptionGroupTable.put(group, new SubscriptionGroupConfig(group));
        }
    }

    /** The group's config; created with defaults when absent and auto-creation applies, else null. */
    public SubscriptionGroupConfig findSubscriptionGroupConfig(String group) {
        SubscriptionGroupConfig config = subscriptionGroupTable.get(group);
        if (config != null) {
            return config;
        }
        if (!brokerConfig.isAutoCreateSubscriptionGroup() && !MixAll.isSysConsumerGroup(group)) {
            return null;
        }
        SubscriptionGroupConfig created = new SubscriptionGroupConfig(group);
        SubscriptionGroupConfig previous = subscriptionGroupTable.putIfAbsent(group, created);
        if (previous != null) {
            return previous;
        }
        log.info("auto-created subscription group {}", created);
        dataVersion.nextVersion();
        persist();
        return created;
    }

    public boolean containsSubscriptionGroup(String group) {
        return subscriptionGroupTable.containsKey(group);
    }

    public void updateSubscriptionGroupConfig(SubscriptionGroupConfig config) {
        SubscriptionGroupConfig old = subscriptionGroupTable.put(config.getGroupName(), config);
        log.info("{} subscription group {}", old == null ? "created" : "updated", config);
        dataVersion.nextVersion();
        persist();
    }

    /** Removes a group; returns whether it existed. */
    public boolean deleteSubscriptionGroupConfig(String group) {
        SubscriptionGroupConfig old = subscriptionGroupTable.remove(group);
        if (old == null) {
            log.warn("asked to delete subscription group {}, which does not exist", group);
            return false;
        }
        log.info("deleted subscription group {}", old);
        dataVersion.nextVersion();
        persist();
        return true;
    }

    public ConcurrentMap<String, SubscriptionGroupConfig> getSubscriptionGroupTable() {
        return subscriptionGroupTable;
    }

    public DataVersion getDataVersion() {
        return dataVersion;
    }

    /** Snapshot for GET_ALL_SUBSCRIPTIONGROUP_CONFIG and the file. */
    public SubscriptionGroupWrapper buildWrapper() {
        SubscriptionGroupWrapper wrapper = new SubscriptionGroupWrapper();
        wrapper.setSubscriptionGroupTable(new ConcurrentHashMap<>(subscriptionGroupTable));
        DataVersion version = new DataVersion();
        version.assignNewOne(dataVersion);
        wrapper.setDataVersion(version);
        return wrapper;
    }

    @Override
    public String configFilePath() {
        return configFilePath;
    }

    @Override
    public String encode(boolean prettyFormat) {
        return buildWrapper().toJson(prettyFormat);
    }

    @Override
    protected void decode(String json) {
        SubscriptionGroupWrapper wrapper = RemotingSerializable.fromJson(json, SubscriptionGroupWrapper.class);
        if (wrapper == null || wrapper.getSubscriptionGroupTable() == null) {
            throw new IllegalArgumentException("not a subscription group table");
        }
        for (Map.Entry<String, SubscriptionGroupConfig> entry : wrapper.getSubscriptionGroupTable().entrySet()) {
            if (entry.getValue().getGroupName() == null) {
                entry.getValue().setGroupName(entry.getKey());
            }
            subscriptionGroupTable.put(entry.getKey(), entry.getValue());
        }
        if (wrapper.getDataVersion() != null) {
            dataVersion.assignNewOne(wrapper.getDataVersion());
        }
    }
}
