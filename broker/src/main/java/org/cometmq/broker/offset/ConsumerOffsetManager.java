package org.cometmq.broker.offset;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.cometmq.broker.config.ConfigManager;
import org.cometmq.common.protocol.body.ConsumerOffsetSerializeWrapper;
import org.cometmq.remoting.protocol.RemotingSerializable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Committed consumer offsets, keyed {@code topic@group} then queue id (consumerOffset.json). Commits only
 * touch memory; a persist service writes the file every few seconds and at shutdown.
 */
public class ConsumerOffsetManager extends ConfigManager {
    private static final Logger log = LoggerFactory.getLogger(ConsumerOffsetManager.class);
    public static final String TOPIC_GROUP_SEPARATOR = "@";

    private final String configFilePath;
    private final ConcurrentMap<String, ConcurrentMap<Integer, Long>> offsetTable = new ConcurrentHashMap<>(512);

    public ConsumerOffsetManager(String configFilePath) {
        this.configFilePath = configFilePath;
    }

    static String key(String topic, String group) {
        return topic + TOPIC_GROUP_SEPARATOR + group;
    }

    public void commitOffset(String clientHost, String group, String topic, int queueId, long offset) {
        ConcurrentMap<Integer, Long> queues = offsetTable.computeIfAbsent(key(topic, group), k -> new ConcurrentHashMap<>(32));
        Long previous = queues.put(queueId, offset);
        if (previous != null && offset < previous) {
            log.debug("{} moved {}@{} queue {} back from {} to {}", clientHost, topic, group, queueId, previous, offset);
        }
    }

    /** The committed offset, or -1 when the group never committed one for this queue. */
    public long queryOffset(String group, String topic, int queueId) {
        ConcurrentMap<Integer, Long> queues = offsetTable.get(key(topic, group));
        if (queues == null) {
            return -1;
        }
        Long offset = queues.get(queueId);
        return offset == null ? -1 : offset;
    }

    /** Queue id to committed offset for the group on the topic; empty when none. */
    public Map<Integer, Long> queryOffset(String group, String topic) {
        ConcurrentMap<Integer, Long> queues = offsetTable.get(key(topic, group));
        return queues == null ? new HashMap<>() : new HashMap<>(queues);
    }

    /** Topics the group has committed offsets on. */
    public Set<String> whichTopicByConsumer(String group) {
        Set<String> topics = new HashSet<>();
        for (String key : offsetTable.keySet()) {
            String[] parts = split(key);
            if (parts != null && parts[1].equals(group)) {
                topics.add(parts[0]);
            }
        }
        return topics;
    }

    /** Groups that have committed offsets on the topic. */
    public Set<String> whichGroupByTopic(String topic) {
        Set<String> groups = new HashSet<>();
        for (String key : offsetTable.keySet()) {
            String[] parts = split(key);
            if (parts != null && parts[0].equals(topic)) {
                groups.add(parts[1]);
            }
        }
        return groups;
    }

    /** Copies the source group's offsets on {@code topic} to the destination group. */
    public void cloneOffset(String srcGroup, String destGroup, String topic) {
        ConcurrentMap<Integer, Long> source = offsetTable.get(key(topic, srcGroup));
        if (source != null) {
            offsetTable.put(key(topic, destGroup), new ConcurrentHashMap<>(source));
        }
    }

    /** Forgets every offset of {@code group}. */
    public void removeOffset(String group) {
        Iterator<String> it = offsetTable.keySet().iterator();
        while (it.hasNext()) {
            String[] parts = split(it.next());
            if (parts != null && parts[1].equals(group)) {
                it.remove();
            }
        }
    }

    /**
     * Per queue of {@code topic}, the lowest committed offset among the given groups (all groups when
     * {@code filterGroups} is empty), used for offset correction.
     */
    public Map<Integer, Long> queryMinOffsetInAllGroup(String topic, Set<String> filterGroups) {
        Map<Integer, Long> result = new HashMap<>();
        for (Map.Entry<String, ConcurrentMap<Integer, Long>> entry : offsetTable.entrySet()) {
            String[] parts = split(entry.getKey());
            if (parts == null || !parts[0].equals(topic)
                || (!filterGroups.isEmpty() && !filterGroups.contains(parts[1]))) {
                continue;
            }
            for (Map.Entry<Integer, Long> queue : entry.getValue().entrySet()) {
                result.merge(queue.getKey(), queue.getValue(), Math::min);
            }
        }
        return result;
    }

    private static String[] split(String key) {
        int at = key.indexOf(TOPIC_GROUP_SEPARATOR);
        if (at <= 0 || at == key.length() - 1) {
            return null;
        }
        return new String[] {key.substring(0, at), key.substring(at + 1)};
    }

    public ConcurrentMap<String, ConcurrentMap<Integer, Long>> getOffsetTable() {
        return offsetTable;
    }

    @Override
    public String configFilePath() {
        return configFilePath;
    }

    @Override
    public String encode(boolean prettyFormat) {
        ConsumerOffsetSerializeWrapper wrapper = new ConsumerOffsetSerializeWrapper();
        wrapper.setOffsetTable(offsetTable);
        return wrapper.toJson(prettyFormat);
    }

    @Override
    protected void decode(String json) {
        ConsumerOffsetSerializeWrapper wrapper = RemotingSerializable.fromJson(json, ConsumerOffsetSerializeWrapper.class);
        if (wrapper == null || wrapper.getOffsetTable() == null) {
            throw new IllegalArgumentException("not a consumer offset table");
        }
        offsetTable.putAll(wrapper.getOffsetTable());
    }
}
