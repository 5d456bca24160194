package org.cometmq.broker.filter;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** The SQL92 filters of one topic, by consumer group (one entry of {@code consumerFilter.json}). */
public class FilterDataMapByTopic {
    private Map<String, ConsumerFilterData> groupFilterData = new ConcurrentHashMap<>();
    private String topic;

    public FilterDataMapByTopic() {
    }

    public FilterDataMapByTopic(String topic) {
        this.topic = topic;
    }

    /**
     * Registers or refreshes {@code group}'s filter; an older client version never replaces a newer one. Returns
     * true when the table changed or a dead filter came back to life.
     */
    public boolean register(String group, String expression, String type, BloomFilterData bloomFilterData,
                            long clientVersion, long now) {
        ConsumerFilterData old = groupFilterData.get(group);
        if (old == null || clientVersion > old.getClientVersion()
            && (!expression.equals(old.getExpression()) || !type.equals(old.getExpressionType())
            || !Objects.equals(bloomFilterData, old.getBloomFilterData()))) {
            ConsumerFilterData data = newData(group, expression, type, clientVersion, now);
            data.setBloomFilterData(bloomFilterData);
            groupFilterData.put(group, data);
            return true;
        }
        if (clientVersion < old.getClientVersion()
            || clientVersion == old.getClientVersion() && !old.isDead()) {
            return false;
        }
        old.setClientVersion(clientVersion);
        if (old.isDead()) {
            old.setDeadTime(0);
        }
        return true;
    }

    private ConsumerFilterData newData(String group, String expression, String type, long clientVersion, long now) {
        ConsumerFilterData data = new ConsumerFilterData();
        data.setConsumerGroup(group);
        data.setTopic(topic);
        data.setExpression(expression);
        data.setExpressionType(type);
        data.setClientVersion(clientVersion);
        data.setBornTime(now);
        data.setDeadTime(0);
        return data;
    }

    /** Marks {@code group}'s filter dead at {@code now} (kept a day, then cleaned). */
    public void unRegister(String group, long now) {
        ConsumerFilterData data = groupFilterData.get(group);
        if (data != null && !data.isDead()) {
            data.setDeadTime(now);
        }
    }

    public ConsumerFilterData get(String group) {
        return groupFilterData.get(group);
    }

    public Map<String, ConsumerFilterData> getGroupFilterData() {
        return groupFilterData;
    }

    public void setGroupFilterData(Map<String, ConsumerFilterData> groupFilterData) {
        this.groupFilterData = new ConcurrentHashMap<>(groupFilterData);
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }
}
