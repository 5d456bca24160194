package org.cometmq.client.impl.consumer;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.cometmq.client.consumer.DefaultLitePullConsumer;
import org.cometmq.client.consumer.TopicMessageQueueChangeListener;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.impl.MQAdminImpl;
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

    private final DefaultLitePullConsumer settings;
    private final BooleanSupplier running;
    private final Supplier<MQAdminImpl> admin;
    private final Map<String, TopicMessageQueueChangeListener> listeners = new ConcurrentHashMap<>();
    private final Map<String, Set<MessageQueue>> knownQueues = new ConcurrentHashMap<>();
    private ScheduledExecutorService executor;

    /**
     * @param settings the consumer's settings: the check interval is read when the watcher starts
     * @param running  whether the consumer runs; queues are only fetched while it does
     * @param admin    the admin calls of the client instance, made when the consumer starts
     */
    LiteTopicWatcher(DefaultLitePullConsumer settings, BooleanSupplier running, Supplier<MQAdminImpl> admin) {
        this.settings = settings;
        this.running = running;
        this.admin = admin;
    }

    void register(String topic, TopicMessageQueueChangeListener listener) throws MQClientException {
        if (listener == null) {
            throw new MQClientException("TopicMessageQueueChangeListener is null", null);
        }
        if (listeners.putIfAbsent(topic, listener) != null) {
            throw new MQClientException("A TopicMessageQueueChangeListener of topic " + topic
                + " is already registered", null);
        }
        if (running.getAsBoolean()) {
            knownQueues.put(topic, queuesOf(topic));
        }
    }

    void start() {
        long interval = settings.getTopicMetadataCheckIntervalMillis();
        executor = Executors.newSingleThreadScheduledExecutor(
            new NamedThreadFactory("MonitorMessageQueueChangeThread", true));
        executor.scheduleAtFixedRate(this::checkAll, interval, interval, TimeUnit.MILLISECONDS);
    }

    void snapshotRegisteredTopics() {
        for (String topic : listeners.keySet()) {
            try {
                knownQueues.put(topic, queuesOf(topic));
            } catch (MQClientException e) {
                LOG.warn("queues of topic {} not fetched: {}", topic, e.getErrorMessage());
            }
        }
    }

    private void checkAll() {
        for (Map.Entry<String, TopicMessageQueueChangeListener> entry : listeners.entrySet()) {
            String topic = entry.getKey();
            try {
                Set<MessageQueue> now = queuesOf(topic);
                Set<MessageQueue> before = knownQueues.put(topic, now);
                if (before != null && !before.equals(now)) {
                    entry.getValue().onChanged(topic, now);
                }
            } catch (Exception e) {
                LOG.warn("queue check of topic {} failed: {}", topic, e.toString());
            }
        }
    }

    /** The queues of {@code topic} as its route has them now; refused, as the consumer refuses, unless it runs. */
    private Set<MessageQueue> queuesOf(String topic) throws MQClientException {
        if (!running.getAsBoolean()) {
            throw new IllegalStateException("the lite pull consumer is not RUNNING");
        }
        return new HashSet<>(admin.get().fetchSubscribeMessageQueues(topic));
    }

    void shutdown() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
