package org.cometmq.client.impl.producer;

import java.util.concurrent.ConcurrentMap;
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.common.message.MessageQueue;

/**
 * A producer's routes: the writable queues of each topic it sends to (cached, else fetched from the name server,
 * else taken from the template topic TBW102) and the master address of the broker of a queue.
 */
final class PublishRoutes {
    private final ConcurrentMap<String, TopicPublishInfo> table;
    private final ProducerRouteSource source;
    private final DefaultMQProducer producer;

    PublishRoutes(ConcurrentMap<String, TopicPublishInfo> table, ProducerRouteSource source,
        DefaultMQProducer producer) {
        this.table = table;
        this.source = source;
        this.producer = producer;
    }

    /** The topic's writable queues: cached, else from the name server, else through the template topic. */
    TopicPublishInfo find(String topic) {
        TopicPublishInfo info = table.get(topic);
        if (info == null || !info.ok()) {
            table.putIfAbsent(topic, new TopicPublishInfo());
            source.updateTopicRouteInfoFromNameServer(topic);
            info = table.get(topic);
        }
        if (info.isHaveTopicRouterInfo() || info.ok()) {
            return info;
        }
        source.updateTopicRouteInfoFromNameServer(topic, true, producer);
        return table.get(topic);
    }

    /** The master address of {@code mq}'s broker, refreshing the topic's route once when unknown; else null. */
    String masterAddress(MessageQueue mq) {
        String addr = source.findBrokerAddressInPublish(mq.getBrokerName());
        if (addr == null) {
            find(mq.getTopic());
            addr = source.findBrokerAddressInPublish(mq.getBrokerName());
        }
        return addr;
    }

    /** The master address of {@code brokerName} as currently known; null when unknown. */
    String masterAddress(String brokerName) {
        return source.findBrokerAddressInPublish(brokerName);
    }
}
