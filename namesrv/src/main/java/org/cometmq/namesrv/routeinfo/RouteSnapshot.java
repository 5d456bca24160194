package org.cometmq.namesrv.routeinfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cometmq.common.protocol.route.BrokerData;
import org.cometmq.common.protocol.route.QueueData;

/**
 * A deep copy of the route tables taken under the read lock, with keys sorted so it prints and compares
 * deterministically.
 *
 * @param topicQueueTable   topic -> broker name -> queue data
 * @param brokerAddrTable   broker name -> broker data
 * @param clusterAddrTable  cluster name -> broker names
 * @param brokerLiveTable   broker address -> last registration
 * @param filterServerTable broker address -> filter servers
 */
public record RouteSnapshot(
    Map<String, Map<String, QueueData>> topicQueueTable,
    Map<String, BrokerData> brokerAddrTable,
    Map<String, Set<String>> clusterAddrTable,
    Map<String, BrokerLiveInfo> brokerLiveTable,
    Map<String, List<String>> filterServerTable) {

    static RouteSnapshot of(RouteTables tables) {
        Map<String, Map<String, QueueData>> topics = new TreeMap<>();
        tables.topicQueueTable.forEach((topic, byBroker) -> {
            Map<String, QueueData> copy = new TreeMap<>();
            byBroker.forEach((brokerName, qd) -> copy.put(brokerName, new QueueData(qd)));
            topics.put(topic, copy);
        });
        Map<String, BrokerData> brokers = new TreeMap<>();
        tables.brokerAddrTable.forEach((name, data) -> brokers.put(name, new BrokerData(data)));
        Map<String, Set<String>> clusters = new TreeMap<>();
        tables.clusterAddrTable.forEach((cluster, names) -> clusters.put(cluster, new TreeSet<>(names)));
        Map<String, BrokerLiveInfo> live = new TreeMap<>();
        tables.brokerLiveTable.forEach((addr, info) -> live.put(addr, new BrokerLiveInfo(info.getLastUpdateTimestamp(),
            info.getDataVersion(), info.getChannel(), info.getHaServerAddr())));
        Map<String, List<String>> filters = new TreeMap<>();
        tables.filterServerTable.forEach((addr, servers) -> filters.put(addr, new ArrayList<>(servers)));
        return new RouteSnapshot(topics, brokers, clusters, live, filters);
    }
}
