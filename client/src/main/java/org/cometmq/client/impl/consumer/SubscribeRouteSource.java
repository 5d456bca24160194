package org.cometmq.client.impl.consumer;

import org.cometmq.client.impl.FindBrokerResult;

/** Where a consumer's pulls find the broker node to pull a queue from, refreshing a topic's route when needed. */
public interface SubscribeRouteSource {

    /**
     * The address of {@code brokerId} of {@code brokerName}; for a missing slave the next slave id; unless
     * {@code onlyThisBroker}, any address of the broker. Null when the broker is unknown.
     */
    FindBrokerResult findBrokerAddressInSubscribe(String brokerName, long brokerId, boolean onlyThisBroker);

    /** Refreshes {@code topic}'s route from the name server; true when it changed. */
    boolean updateTopicRouteInfoFromNameServer(String topic);
}
