package org.cometmq.namesrv.routeinfo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.function.IntPredicate;
import org.cometmq.common.protocol.body.ClusterInfo;
import org.cometmq.common.protocol.body.TopicList;
import org.cometmq.common.protocol.route.BrokerData;
import org.cometmq.common.protocol.route.QueueData;
import org.cometmq.common.protocol.route.TopicRouteData;
import org.cometmq.common.sysflag.TopicSysFlag;

/**
 * The read side of the route tables: builds routes, cluster info and topic lists under the read lock.
 * Every result is a copy, so callers serialize it after the lock is released without racing writers.
 */
final class RouteQueries {
    private final RouteTables tables;

    RouteQueries(RouteTables tables) {
        this.tables = tables;
    }

    /** The topic's route, or null when no broker holds it (or none of its brokers is known). */
    TopicRouteData pickupTopicRouteData(String topic) {
        Lock readLock = tables.lock.readLock();
        readLock.lock();
        try {
            Map<String, QueueData> queueDataMap = tables.topicQueueTable.get(topic);
            if (queueDataMap == null || queueDataMap.isEmpty()) {
                return null;
            }
            List<QueueData> queueDatas = new ArrayList<>(queueDataMap.size());
            List<BrokerData> brokerDatas = new ArrayList<>(queueDataMap.size());
            HashMap<String, List<String>> filterServerMap = new HashMap<>();
            for (QueueData queueData : queueDataMap.values()) {
                queueDatas.add(new QueueData(queueData));
                BrokerData brokerData = tables.brokerAddrTable.get(queueData.getBrokerName());
                if (brokerData != null) {
                    BrokerData copy = new BrokerData(brokerData);
                    brokerDatas.add(copy);
                    addFilterServers(copy, filterServerMap);
                }
            }
            if (brokerDatas.isEmpty()) {
                return null;
            }
            TopicRouteData route = new TopicRouteData();
            route.setQueueDatas(queueDatas);
            route.setBrokerDatas(brokerDatas);
            route.setFilterServerTable(filterServerMap);
            return route;
        } finally {
            readLock.unlock();
        }
    }

    private void addFilterServers(BrokerData brokerData, HashMap<String, List<String>> filterServerMap) {
        if (tables.filterServerTable.isEmpty()) {
            return;
        }
        for (String brokerAddr : brokerData.getBrokerAddrs().values()) {
            List<String> servers = tables.filterServerTable.get(brokerAddr);
            if (servers != null) {
                filterServerMap.put(brokerAddr, new ArrayList<>(servers));
            }
        }
    }

    ClusterInfo getAllClusterInfo() {
        Lock readLock = tables.lock.readLock();
        readLock.lock();
        try {
            HashMap<String, BrokerData> brokerAddrTable = new HashMap<>();
            tables.brokerAddrTable.forEach((name, data) -> brokerAddrTable.put(name, new BrokerData(data)));
            HashMap<String, Set<String>> clusterAddrTable = new HashMap<>();
            tables.clusterAddrTable.forEach((cluster, names) -> clusterAddrTable.put(cluster, new HashSet<>(names)));
            ClusterInfo clusterInfo = new ClusterInfo();
            clusterInfo.setBrokerAddrTable(brokerAddrTable);
            clusterInfo.setClusterAddrTable(clusterAddrTable);
            return clusterInfo;
        } finally {
            readLock.unlock();
        }
    }

    TopicList getAllTopicList() {
        Lock readLock = tables.lock.readLock();
        readLock.lock();
        try {
            TopicList topicList = new TopicList();
            topicList.getTopicList().addAll(tables.topicQueueTable.keySet());
            return topicList;
        } finally {
            readLock.unlock();
        }
    }

    /** Topics with queues on any broker of {@code cluster}; empty when the cluster is unknown. */
    TopicList getTopicsByCluster(String cluster) {
        Lock readLock = tables.lock.readLock();
        readLock.lock();
        try {
            TopicList topicList = new TopicList();
            Set<String> brokerNames = tables.clusterAddrTable.get(cluster);
            if (brokerNames == null) {
                return topicList;
            }
            for (Map.Entry<String, Map<String, QueueData>> entry : tables.topicQueueTable.entrySet()) {
                for (String brokerName : brokerNames) {
                    if (entry.getValue().containsKey(brokerName)) {
                        topicList.getTopicList().add(entry.getKey());
                        break;
                    }
                }
            }
            return topicList;
        } finally {
            readLock.unlock();
        }
    }

    /**
     * The topics every broker creates for itself: cluster names and broker names, plus the address of one
     * broker so a tool knows where to ask about them.
     */
    TopicList getSystemTopicList() {
        Lock readLock = tables.lock.readLock();
        readLock.lock();
        try {
            TopicList topicList = new TopicList();
            tables.clusterAddrTable.forEach((cluster, brokerNames) -> {
                topicList.getTopicList().add(cluster);
                topicList.getTopicList().addAll(brokerNames);
            });
            for (BrokerData brokerData : tables.brokerAddrTable.values()) {
                if (brokerData.getBrokerAddrs() != null && !brokerData.getBrokerAddrs().isEmpty()) {
                    topicList.setBrokerAddr(brokerData.getBrokerAddrs().values().iterator().next());
                    break;
                }
            }
            return topicList;
        } finally {
            readLock.unlock();
        }
    }

    /** Topics flagged as unit topics. */
    TopicList getUnitTopics() {
        return topicsWhoseSysFlag(TopicSysFlag::hasUnitFlag);
    }

    /** Topics that have unit subscriptions. */
    TopicList getHasUnitSubTopicList() {
        return topicsWhoseSysFlag(TopicSysFlag::hasUnitSubFlag);
    }

    /** Topics that are not unit topics but have unit subscriptions. */
    TopicList getHasUnitSubUnUnitTopicList() {
        return topicsWhoseSysFlag(flag -> !TopicSysFlag.hasUnitFlag(flag) && TopicSysFlag.hasUnitSubFlag(flag));
    }

    private TopicList topicsWhoseSysFlag(IntPredicate test) {
        Lock readLock = tables.lock.readLock();
        readLock.lock();
        try {
            TopicList topicList = new TopicList();
            tables.topicQueueTable.forEach((topic, queueDatas) -> {
                for (QueueData queueData : queueDatas.values()) {
                    if (test.test(queueData.getTopicSysFlag())) {
                        topicList.getTopicList().add(topic);
                        break;
                    }
                }
            });
            return topicList;
        } finally {
            readLock.unlock();
        }
    }
}
