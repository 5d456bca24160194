package org.cometmq.client.impl.producer;

import org.cometmq.client.producer.DefaultMQProducer;

/**
 * What a producer needs from the client instance it runs on about routes: a refresh of a topic's route from the
 * name server (which hands the new queues to every hosted producer) and the master address of a broker.
 */
public interface ProducerRouteSource {

    /** Refreshes {@code topic}'s route; true when it changed. */
    boolean updateTopicRouteInfoFromNameServer(String topic);

    /** Refreshes {@code topic}'s route; with {@code isDefault} from the producer's template topic instead. */
    boolean updateTopicRouteInfoFromNameServer(String topic, boolean isDefault, DefaultMQProducer defaultMQProducer);

    /** The master address of {@code brokerName}; null when no known route names it. */
    String findBrokerAddressInPublish(String brokerName);
}
