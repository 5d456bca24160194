package org.cometmq.client.impl.consumer;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cometmq.client.consumer.TopicMessageQueueChangeListener;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.remoting.common.NamedThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the queue sets of topics a lite pull consumer registered listeners for, every
 * topicMetadataCheckIntervalMillis, and tells the listener when a set changed.
 */
class LiteTopicWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(LiteTopicWatcher.class);

    private final DefaultLitePullConsumerImpl impl;
    private final Map<String, TopicMessageQueueChangeListener> listeners = new ConcurrentHashMap<>();
    private final Map<String, Set<MessageQueue>> knownQueues = new ConcurrentHashMap<>();
    private ScheduledExecutorService executor;

    LiteTopicWatcher(DefaultLitePullConsumerImpl impl) {
        this.impl = impl;
    }

    void register(String topic, TopicMessageQueueChangeListener listener) throws MQClientException {
        if (listener == null) {
            throw new MQClientException("TopicMessageQueueChangeListener is null", null);
        }
        if (listeners.putIfAbsent(topic, listener) != null) {
            throw new MQClientException("A TopicMessageQueueChangeListener of topic " + topic
                + " is already registered", null);
        }
        if (impl.isRunning()) {
            knownQueues.put(topic, new HashSet<>(impl.fetchMessageQueues(topic)));
        }
    }

    void start() {
        long interval = impl.getDefaultLitePullConsumer().getTopicMetadataCheckIntervalMillis();
        executor = Executors.newSingleThreadScheduledExecutor(
            new NamedThreadFactory("MonitorMessageQueueChangeThread", true));
        executor.scheduleAtFixedRate(this::checkAll, interval, interval, TimeUnit.MILLISECONDS);
    }

    void snapshotRegisteredTopics() {
        for (String topic : listeners.keySet()) {
            try {
                knownQueues.put(topic, new HashSet<>(impl.fetchMessageQueues(topic)));
            } catch (MQClientException e) {
                LOG.warn("queues of topic {} not fetched: {}", topic, e.getErrorMessage());
            }
        }
    }

    private void checkAll() {
        for (Map.Entry<String, TopicMessageQueueChangeListener> entry : listeners.entrySet()) {
            String topic = entry.getKey();
            try {
                Set<MessageQueue> now = new HashSet<>(impl.fetchMessageQueues(topic));
                Set<MessageQueue> before = knownQueues.put(topic, now);
                if (before != null && !before.equals(now)) {
                    entry.getValue().onChanged(topic, now);
                }
            } catch (Exception e) {
                LOG.warn("queue check of topic {} failed: {}", topic, e.toString());
            }
        }
    }

    void shutdown() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
