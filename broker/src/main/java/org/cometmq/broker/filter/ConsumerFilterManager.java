package org.cometmq.broker.filter;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cometmq.broker.config.ConfigManager;
import org.cometmq.common.filter.ExpressionType;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;
import org.cometmq.remoting.protocol.RemotingSerializable;

/**
 * The SQL92 filters of the consumer groups, by topic, kept across restarts in
 * {@code <storePathRootDir>/config/consumerFilter.json} in RocketMQ 4.9's form. A group's heartbeat registers its
 * filters (and marks dead those of topics it no longer subscribes); a group going offline marks them dead; dead
 * filters are dropped a day later when the table is written.
 */
public class ConsumerFilterManager extends ConfigManager {
    static final long MS_24_HOUR = 24L * 3600 * 1000;
    private static final long LOADED_FILTER_DEATH_AGE_MILLIS = 30_000;
    /** 4.9's maxErrorRateOfBloomFilter (percent) and expectConsumerNumUseFilter defaults. */
    private static final int BLOOM_ERROR_RATE_PERCENT = 20;
    private static final int BLOOM_EXPECTED_CONSUMERS = 32;

    private final BloomFilter bloomFilter = BloomFilter.createByFn(BLOOM_ERROR_RATE_PERCENT, BLOOM_EXPECTED_CONSUMERS);

    private final String configFilePath;
    private final Clock clock;
    private volatile Map<String, FilterDataMapByTopic> filterDataByTopic = new ConcurrentHashMap<>();

    public ConsumerFilterManager(String configFilePath, Clock clock) {
        this.configFilePath = configFilePath;
        this.clock = clock;
    }

    /** Registers the SQL92 subscriptions of {@code group} and marks dead its filters on other topics. */
    public void register(String group, Collection<SubscriptionData> subscriptions) {
        List<String> topics = new ArrayList<>();
        for (SubscriptionData subscription : subscriptions) {
            topics.add(subscription.getTopic());
            register(subscription.getTopic(), group, subscription.getSubString(), subscription.getExpressionType(),
                subscription.getSubVersion());
        }
        long now = clock.millis();
        for (FilterDataMapByTopic byTopic : filterDataByTopic.values()) {
            if (!topics.contains(byTopic.getTopic())) {
                byTopic.unRegister(group, now);
            }
        }
    }

    /** Registers one filter; tag subscriptions and empty expressions are not kept. */
    public boolean register(String topic, String group, String expression, String type, long clientVersion) {
        if (type == null || ExpressionType.isTagType(type) || expression == null || expression.isEmpty()) {
            return false;
        }
        FilterDataMapByTopic byTopic = filterDataByTopic.computeIfAbsent(topic, FilterDataMapByTopic::new);
        return byTopic.register(group, expression, type, bloomFilter.generate(group + "#" + topic), clientVersion,
            clock.millis());
    }

    /** Marks every filter of {@code group} dead (the group went offline). */
    public void unRegister(String group) {
        long now = clock.millis();
        filterDataByTopic.values().forEach(byTopic -> byTopic.unRegister(group, now));
    }

    public ConsumerFilterData get(String topic, String group) {
        FilterDataMapByTopic byTopic = filterDataByTopic.get(topic);
        return byTopic == null ? null : byTopic.get(group);
    }

    /** Drops filters dead for a day or more. */
    public void clean() {
        long now = clock.millis();
        for (FilterDataMapByTopic byTopic : filterDataByTopic.values()) {
            byTopic.getGroupFilterData().values()
                .removeIf(data -> data.isDead() && data.howLongAfterDeath(now) >= MS_24_HOUR);
        }
    }

    @Override
    public String configFilePath() {
        return configFilePath;
    }

    @Override
    public String encode(boolean prettyFormat) {
        clean();
        if (filterDataByTopic.isEmpty()) {
            // the JSON writer indents an empty map over two lines; 4.9 brokers write it as {}
            return prettyFormat ? "{\n\t\"filterDataByTopic\":{}\n}" : "{\"filterDataByTopic\":{}}";
        }
        Table table = new Table();
        table.setFilterDataByTopic(filterDataByTopic);
        return RemotingSerializable.toJson(table, prettyFormat);
    }

    @Override
    protected void decode(String json) {
        Table table = RemotingSerializable.fromJson(json, Table.class);
        if (table == null || table.getFilterDataByTopic() == null) {
            throw new IllegalArgumentException("no filterDataByTopic in " + configFilePath);
        }
        Map<String, FilterDataMapByTopic> loaded = new ConcurrentHashMap<>(table.getFilterDataByTopic());
        boolean bloomChanged = loaded.values().stream().flatMap(t -> t.getGroupFilterData().values().stream())
            .anyMatch(data -> !bloomFilter.isValid(data.getBloomFilterData()));
        if (bloomChanged) {
            // bits made by a differently sized filter are useless: start empty, heartbeats register again
            filterDataByTopic = new ConcurrentHashMap<>();
            return;
        }
        // Filters loaded at start count as dead since 30 s ago (at the earliest when born): the groups' next
        // heartbeats bring them back, and those that never return are cleaned a day later.
        long diedAt = clock.millis() - LOADED_FILTER_DEATH_AGE_MILLIS;
        loaded.forEach((topic, byTopic) -> {
            byTopic.setTopic(topic);
            byTopic.getGroupFilterData().values().stream().filter(data -> data.getDeadTime() == 0)
                .forEach(data -> data.setDeadTime(Math.max(diedAt, data.getBornTime())));
        });
        filterDataByTopic = loaded;
    }

    /** The persisted form: {@code {"filterDataByTopic":{topic:{"groupFilterData":{group:{...}},"topic":...}}}}. */
    public static class Table {
        private Map<String, FilterDataMapByTopic> filterDataByTopic;

        public Map<String, FilterDataMapByTopic> getFilterDataByTopic() {
            return filterDataByTopic;
        }

        public void setFilterDataByTopic(Map<String, FilterDataMapByTopic> filterDataByTopic) {
            this.filterDataByTopic = filterDataByTopic;
        }
    }
}
