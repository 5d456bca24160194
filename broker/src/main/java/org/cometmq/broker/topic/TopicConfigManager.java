package org.cometmq.broker.topic;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.cometmq.broker.config.ConfigManager;
import org.cometmq.common.BrokerConfig;
import org.cometmq.common.DataVersion;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.constant.PermName;
import org.cometmq.common.protocol.body.KVTable;
import org.cometmq.common.protocol.body.TopicConfigSerializeWrapper;
import org.cometmq.common.topic.TopicValidator;
import org.cometmq.remoting.protocol.RemotingSerializable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's topic table (topics.json): system topics at start, auto-creation from a template topic on send,
 * retry/DLQ topics on demand, admin updates. Every change bumps the data version and persists the file. A topic
 * created on demand is announced to the creation listener in the creating thread, which registers the broker with
 * the name servers before the request is answered; an admin update is registered by its processor, and a deletion
 * is left to the next periodic registration, as in 4.9.7.
 */
public class TopicConfigManager extends ConfigManager {
    private static final Logger log = LoggerFactory.getLogger(TopicConfigManager.class);
    private static final long LOCK_TIMEOUT_MILLIS = 3_000;

    private final BrokerConfig brokerConfig;
    private final String configFilePath;
    private final ConcurrentMap<String, TopicConfig> topicConfigTable = new ConcurrentHashMap<>(1024);
    private final DataVersion dataVersion = new DataVersion();
    private final ReentrantLock createLock = new ReentrantLock();
    private volatile Runnable creationListener = () -> { };

    public TopicConfigManager(BrokerConfig brokerConfig, String configFilePath) {
        this.brokerConfig = brokerConfig;
        this.configFilePath = configFilePath;
        for (TopicConfig topic : SystemTopics.build(brokerConfig)) {
            topicConfigTable.put(topic.getTopicName(), topic);
        }
    }

    /** Called, in the creating thread, after a topic was created on demand (by a send, a retry or the broker). */
    public void setCreationListener(Runnable creationListener) {
        this.creationListener = creationListener;
    }

    public TopicConfig selectTopicConfig(String topic) {
        return topicConfigTable.get(topic);
    }

    /**
     * Creates {@code topic} for a send from the template {@code defaultTopic} when the template allows it
     * (PERM_INHERIT; for TBW102 only while autoCreateTopicEnable). Returns the topic's config, or null.
     */
    public TopicConfig createTopicInSendMessageMethod(String topic, String defaultTopic, String remoteAddress,
                                                      int clientDefaultTopicQueueNums, int topicSysFlag) {
        TopicConfig existing = topicConfigTable.get(topic);
        if (existing != null) {
            return existing;
        }
        TopicConfig template = topicConfigTable.get(defaultTopic);
        if (template == null || !templateAllowsCreate(defaultTopic, template)) {
            log.warn("{} sent to unknown topic {}; template topic {} {} auto-creation", remoteAddress, topic,
                defaultTopic, template == null ? "does not exist, so no" : "does not allow");
            return null;
        }
        int queueNums = Math.min(Math.max(clientDefaultTopicQueueNums, 1), template.getWriteQueueNums());
        TopicConfig created = new TopicConfig(topic, queueNums, queueNums,
            template.getPerm() & ~PermName.PERM_INHERIT, topicSysFlag);
        TopicConfig result = putIfAbsent(created);
        if (result == created) {
            log.info("auto-created topic {} from {} for {}: {}", topic, defaultTopic, remoteAddress, created);
        }
        return result;
    }

    private boolean templateAllowsCreate(String defaultTopic, TopicConfig template) {
        if (TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC.equals(defaultTopic) && !brokerConfig.isAutoCreateTopicEnable()) {
            return false;
        }
        return PermName.isInherited(template.getPerm());
    }

    /** Creates a retry or DLQ topic on demand; returns the existing config when there is one. */
    public TopicConfig createTopicInSendMessageBackMethod(String topic, int queueNums, int perm, int topicSysFlag) {
        TopicConfig existing = topicConfigTable.get(topic);
        if (existing != null) {
            return existing;
        }
        TopicConfig created = new TopicConfig(topic, queueNums, queueNums, perm, topicSysFlag);
        TopicConfig result = putIfAbsent(created);
        if (result == created) {
            log.info("created topic {} for consumer retries: {}", topic, created);
        }
        return result;
    }

    private TopicConfig putIfAbsent(TopicConfig created) {
        boolean locked = false;
        try {
            locked = createLock.tryLock(LOCK_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!locked) {
            log.warn("could not create topic {} within {} ms: topic table busy", created.getTopicName(), LOCK_TIMEOUT_MILLIS);
            return topicConfigTable.get(created.getTopicName());
        }
        try {
            TopicConfig previous = topicConfigTable.putIfAbsent(created.getTopicName(), created);
            if (previous != null) {
                return previous;
            }
            dataVersion.nextVersion();
        } finally {
            createLock.unlock();
        }
        persist();
        creationListener.run();
        return created;
    }

    /** Adds or replaces a topic (admin UPDATE_AND_CREATE_TOPIC, which registers it itself). */
    public void updateTopicConfig(TopicConfig topicConfig) {
        TopicConfig old = topicConfigTable.put(topicConfig.getTopicName(), topicConfig);
        log.info("{} topic {}", old == null ? "created" : "updated", topicConfig);
        dataVersion.nextVersion();
        persist();
    }

    /** Removes a topic; returns whether it existed. */
    public boolean deleteTopicConfig(String topic) {
        TopicConfig old = topicConfigTable.remove(topic);
        if (old == null) {
            return false;
        }
        log.info("deleted topic {}", old);
        dataVersion.nextVersion();
        persist();
        return true;
    }

    /**
     * Applies the order-topic table the name servers return on registration (KV namespace ORDER_TOPIC_CONFIG):
     * the topics it names become order topics, every other topic stops being one. A null table (no such
     * namespace) changes nothing. A change bumps the data version and persists, as in Apache RocketMQ 4.9.
     */
    public void updateOrderTopicConfig(KVTable orderTopicsFromNameServer) {
        if (orderTopicsFromNameServer == null || orderTopicsFromNameServer.getTable() == null) {
            return;
        }
        Set<String> orderTopics = orderTopicsFromNameServer.getTable().keySet();
        boolean changed = false;
        for (TopicConfig config : topicConfigTable.values()) {
            boolean order = orderTopics.contains(config.getTopicName());
            if (config.isOrder() != order) {
                config.setOrder(order);
                changed = true;
                log.info("topic {} is {} an order topic (name server ORDER_TOPIC_CONFIG)", config.getTopicName(),
                    order ? "now" : "no longer");
            }
        }
        if (changed) {
            dataVersion.nextVersion();
            persist();
        }
    }

    public boolean isOrderTopic(String topic) {
        TopicConfig config = topicConfigTable.get(topic);
        return config != null && config.isOrder();
    }

    /** A snapshot of the table with its version, as registrations and GET_ALL_TOPIC_CONFIG carry it. */
    public TopicConfigSerializeWrapper buildTopicConfigSerializeWrapper() {
        TopicConfigSerializeWrapper wrapper = new TopicConfigSerializeWrapper();
        wrapper.setTopicConfigTable(new ConcurrentHashMap<>(topicConfigTable));
        DataVersion version = new DataVersion();
        version.assignNewOne(dataVersion);
        wrapper.setDataVersion(version);
        return wrapper;
    }

    public ConcurrentMap<String, TopicConfig> getTopicConfigTable() {
        return topicConfigTable;
    }

    public DataVersion getDataVersion() {
        return dataVersion;
    }

    @Override
    public String configFilePath() {
        return configFilePath;
    }

    @Override
    public String encode(boolean prettyFormat) {
        return buildTopicConfigSerializeWrapper().toJson(prettyFormat);
    }

    @Override
    protected void decode(String json) {
        TopicConfigSerializeWrapper wrapper = RemotingSerializable.fromJson(json, TopicConfigSerializeWrapper.class);
        if (wrapper == null || wrapper.getTopicConfigTable() == null) {
            throw new IllegalArgumentException("not a topic table");
        }
        for (Map.Entry<String, TopicConfig> entry : wrapper.getTopicConfigTable().entrySet()) {
            TopicConfig config = entry.getValue();
            if (config.getTopicName() == null) {
                config.setTopicName(entry.getKey());
            }
            topicConfigTable.put(entry.getKey(), config);
        }
        if (wrapper.getDataVersion() != null) {
            dataVersion.assignNewOne(wrapper.getDataVersion());
        }
    }
}
