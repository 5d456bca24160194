package org.cometmq.namesrv.routeinfo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.cometmq.common.protocol.route.BrokerData;
import org.cometmq.common.protocol.route.QueueData;

/**
 * The five route tables of a name server and the one lock that guards them all. Plain hash maps: every access
 * holds {@link #lock} (read lock to look, write lock to change), so a reader never sees half an update
 * spread over two tables.
 */
final class RouteTables {
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** topic -> broker name -> that broker's queues of the topic. */
    final HashMap<String, Map<String, QueueData>> topicQueueTable = new HashMap<>(1024);
    /** broker name -> its master/slave addresses. */
    final HashMap<String, BrokerData> brokerAddrTable = new HashMap<>(128);
    /** cluster name -> broker names. */
    final HashMap<String, Set<String>> clusterAddrTable = new HashMap<>(32);
    /** broker address -> its last registration. */
    final HashMap<String, BrokerLiveInfo> brokerLiveTable = new HashMap<>(256);
    /** broker address -> its filter servers. */
    final HashMap<String, List<String>> filterServerTable = new HashMap<>(256);
}
