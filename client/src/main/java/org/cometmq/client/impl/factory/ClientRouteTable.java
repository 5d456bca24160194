package org.cometmq.client.impl.factory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.cometmq.client.ClientConfig;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.impl.AdminRouteSource;
import org.cometmq.client.impl.FindBrokerResult;
import org.cometmq.client.impl.MQClientAPIImpl;
import org.cometmq.client.impl.consumer.MQConsumerInner;
import org.cometmq.client.impl.consumer.SubscribeRouteSource;
import org.cometmq.client.impl.producer.MQProducerInner;
import org.cometmq.client.impl.producer.ProducerRouteSource;
import org.cometmq.client.impl.producer.TopicPublishInfo;
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.common.MixAll;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;
import org.cometmq.common.protocol.route.BrokerData;
import org.cometmq.common.protocol.route.QueueData;
import org.cometmq.common.protocol.route.TopicRouteData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topic routes and broker addresses of one client instance: fetched from the name server, handed to every
 * hosted producer (writable queues) and consumer (readable queues) when they change, and asked by the send, pull
 * and admin paths which broker address to use.
 */
public final class ClientRouteTable implements ProducerRouteSource, SubscribeRouteSource, AdminRouteSource {
    private static final Logger LOG = LoggerFactory.getLogger(ClientRouteTable.class);
    private static final long LOCK_TIMEOUT_MILLIS = 3000;

    private final MQClientAPIImpl mQClientAPIImpl;
    private final ClientConfig clientConfig;
    private final Map<String, MQProducerInner> producerTable;
    private final Map<String, MQConsumerInner> consumerTable;
    private final ConcurrentMap<String, TopicRouteData> topicRouteTable = new ConcurrentHashMap<>();
    private final BrokerAddressBook brokerAddresses = new BrokerAddressBook();
    private final Lock lockNamesrv = new ReentrantLock();

    /** Over the client instance's live producer and consumer tables (group -> client). */
    ClientRouteTable(MQClientAPIImpl mQClientAPIImpl, ClientConfig clientConfig,
        Map<String, MQProducerInner> producerTable, Map<String, MQConsumerInner> consumerTable) {
        this.mQClientAPIImpl = mQClientAPIImpl;
        this.clientConfig = clientConfig;
        this.producerTable = producerTable;
        this.consumerTable = consumerTable;
    }

    /** Refreshes the route of every topic a hosted producer or consumer uses. */
    public void updateTopicRouteInfoFromNameServer() {
        Set<String> topics = new HashSet<>();
        for (MQConsumerInner consumer : consumerTable.values()) {
            Set<SubscriptionData> subscriptions = consumer.subscriptions();
            if (subscriptions != null) {
                subscriptions.forEach(sub -> topics.add(sub.getTopic()));
            }
        }
        for (MQProducerInner producer : producerTable.values()) {
            topics.addAll(producer.getPublishTopicList());
        }
        topics.forEach(this::updateTopicRouteInfoFromNameServer);
    }

    @Override
    public boolean updateTopicRouteInfoFromNameServer(String topic) {
        return updateTopicRouteInfoFromNameServer(topic, false, null);
    }

    /**
     * Fetches {@code topic}'s route and, when it changed, updates broker addresses and every hosted client's
     * queues. With {@code isDefault} the producer's template topic (TBW102) is fetched instead and its queue
     * counts are capped at the producer's defaultTopicQueueNums. Returns true when the route changed.
     */
    @Override
    public boolean updateTopicRouteInfoFromNameServer(String topic, boolean isDefault,
        DefaultMQProducer defaultMQProducer) {
        try {
            if (!lockNamesrv.tryLock(LOCK_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                LOG.warn("route update of {} skipped: another update held the lock for {} ms", topic,
                    LOCK_TIMEOUT_MILLIS);
                return false;
            }
            try {
                TopicRouteData route = fetchRoute(topic, isDefault, defaultMQProducer);
                return route != null && applyRoute(topic, route);
            } finally {
                lockNamesrv.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private TopicRouteData fetchRoute(String topic, boolean isDefault, DefaultMQProducer producer)
        throws InterruptedException {
        try {
            if (isDefault && producer != null) {
                TopicRouteData route = mQClientAPIImpl.getTopicRouteInfoFromNameServer(producer.getCreateTopicKey(),
                    clientConfig.getMqClientApiTimeout());
                for (QueueData data : route.getQueueDatas()) {
                    int queueNums = Math.min(producer.getDefaultTopicQueueNums(), data.getReadQueueNums());
                    data.setReadQueueNums(queueNums);
                    data.setWriteQueueNums(queueNums);
                }
                return route;
            }
            return mQClientAPIImpl.getTopicRouteInfoFromNameServer(topic, clientConfig.getMqClientApiTimeout());
        } catch (MQClientException e) {
            if (!topic.startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX) && !isDefault) {
                LOG.debug("no route for topic {} on the name server: {}", topic, e.getErrorMessage());
            }
        } catch (Exception e) {
            LOG.warn("route of topic {} not fetched from name servers {}: {}", topic,
                mQClientAPIImpl.getNameServerAddressList(), e.toString());
        }
        return null;
    }

    private boolean applyRoute(String topic, TopicRouteData route) {
        TopicRouteData old = topicRouteTable.get(topic);
        boolean changed = TopicRouteConverter.isChanged(old, route) || isNeedUpdateTopicRouteInfo(topic);
        if (!changed) {
            return false;
        }
        TopicRouteData cloned = route.cloneTopicRouteData();
        brokerAddresses.learn(route.getBrokerDatas());
        TopicPublishInfo publishInfo = TopicRouteConverter.toPublishInfo(topic, route);
        publishInfo.setHaveTopicRouterInfo(true);
        producerTable.values().forEach(producer -> producer.updateTopicPublishInfo(topic, publishInfo));
        Set<MessageQueue> subscribeInfo = TopicRouteConverter.toSubscribeInfo(topic, route);
        consumerTable.values().forEach(consumer -> consumer.updateTopicSubscribeInfo(topic, subscribeInfo));
        topicRouteTable.put(topic, cloned);
        LOG.info("route of topic {} changed: {}", topic, cloned);
        return true;
    }

    private boolean isNeedUpdateTopicRouteInfo(String topic) {
        for (MQProducerInner producer : producerTable.values()) {
            if (producer.isPublishTopicNeedUpdate(topic)) {
                return true;
            }
        }
        for (MQConsumerInner consumer : consumerTable.values()) {
            if (consumer.isSubscribeTopicNeedUpdate(topic)) {
                return true;
            }
        }
        return false;
    }

    /** Forgets broker addresses no known route mentions any more. */
    public void cleanOfflineBroker() {
        try {
            if (!lockNamesrv.tryLock(LOCK_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                return;
            }
            try {
                brokerAddresses.forgetUnless(this::isBrokerAddrExistInTopicRouteTable);
            } finally {
                lockNamesrv.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean isBrokerAddrExistInTopicRouteTable(String addr) {
        for (TopicRouteData route : topicRouteTable.values()) {
            for (BrokerData bd : route.getBrokerDatas()) {
                if (bd.getBrokerAddrs() != null && bd.getBrokerAddrs().containsValue(addr)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public String findBrokerAddressInPublish(String brokerName) {
        return brokerAddresses.masterAddress(brokerName);
    }

    /**
     * The address of {@code brokerId} of {@code brokerName}; for a missing slave the next slave id; unless
     * {@code onlyThisBroker}, any address of the broker. Null when the broker is unknown.
     */
    @Override
    public FindBrokerResult findBrokerAddressInSubscribe(String brokerName, long brokerId, boolean onlyThisBroker) {
        return brokerAddresses.forSubscribe(brokerName, brokerId, onlyThisBroker);
    }

    /** Any address of {@code brokerName}, the master's when there is one. */
    public FindBrokerResult findBrokerAddressInAdmin(String brokerName) {
        return brokerAddresses.forAdmin(brokerName);
    }

    /** An address of a random broker of {@code topic}'s cached route (the master when present). */
    public String findBrokerAddrByTopic(String topic) {
        TopicRouteData route = topicRouteTable.get(topic);
        if (route == null || route.getBrokerDatas() == null || route.getBrokerDatas().isEmpty()) {
            return null;
        }
        List<BrokerData> brokers = route.getBrokerDatas();
        return brokers.get(ThreadLocalRandom.current().nextInt(brokers.size())).selectBrokerAddr();
    }

    @Override
    public TopicRouteData getAnExistTopicRouteData(String topic) {
        return topicRouteTable.get(topic);
    }

    public ConcurrentMap<String, TopicRouteData> getTopicRouteTable() {
        return topicRouteTable;
    }

    /** brokerName -> brokerId -> address, from every route this client has seen. */
    public ConcurrentMap<String, HashMap<Long, String>> getBrokerAddrTable() {
        return brokerAddresses.table();
    }

    /** The protocol version {@code brokerAddr} of {@code brokerName} reported on its last heartbeat answer. */
    public int findBrokerVersion(String brokerName, String brokerAddr) {
        return brokerAddresses.version(brokerName, brokerAddr);
    }

    BrokerAddressBook addressBook() {
        return brokerAddresses;
    }
}
