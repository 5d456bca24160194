package org.cometmq.client.impl;

import org.cometmq.common.protocol.route.TopicRouteData;

/** The routes the admin calls of a client work from: cached routes, refreshed from the name server on a miss. */
public interface AdminRouteSource {

    /** Refreshes {@code topic}'s route from the name server; true when it changed. */
    boolean updateTopicRouteInfoFromNameServer(String topic);

    /** The master address of {@code brokerName}; null when no known route names it. */
    String findBrokerAddressInPublish(String brokerName);

    /** The cached route of {@code topic}; null when none was fetched yet. */
    TopicRouteData getAnExistTopicRouteData(String topic);
}
