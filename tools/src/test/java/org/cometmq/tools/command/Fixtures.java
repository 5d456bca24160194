package org.cometmq.tools.command;

import java.util.HashMap;
import java.util.List;
import java.util.Set;
import org.cometmq.common.protocol.body.ClusterInfo;
import org.cometmq.common.protocol.route.BrokerData;
import org.cometmq.common.protocol.route.QueueData;
import org.cometmq.common.protocol.route.TopicRouteData;

/** Cluster and route data for the command tests: cluster C1 with broker-a (master + slave) and broker-b. */
public final class Fixtures {
    public static final String MASTER_A = "127.0.0.1:10911";
    public static final String SLAVE_A = "127.0.0.1:10921";
    public static final String MASTER_B = "127.0.0.1:20911";

    private Fixtures() {
    }

    public static BrokerData brokerA() {
        HashMap<Long, String> addrs = new HashMap<>();
        addrs.put(0L, MASTER_A);
        addrs.put(1L, SLAVE_A);
        return new BrokerData("C1", "broker-a", addrs);
    }

    public static BrokerData brokerB() {
        HashMap<Long, String> addrs = new HashMap<>();
        addrs.put(0L, MASTER_B);
        return new BrokerData("C1", "broker-b", addrs);
    }

    public static ClusterInfo clusterInfo() {
        ClusterInfo info = new ClusterInfo();
        HashMap<String, BrokerData> brokers = new HashMap<>();
        brokers.put("broker-a", brokerA());
        brokers.put("broker-b", brokerB());
        info.setBrokerAddrTable(brokers);
        HashMap<String, Set<String>> clusters = new HashMap<>();
        clusters.put("C1", Set.of("broker-a", "broker-b"));
        info.setClusterAddrTable(clusters);
        return info;
    }

    public static TopicRouteData route() {
        TopicRouteData route = new TopicRouteData();
        route.setBrokerDatas(List.of(brokerB(), brokerA()));
        route.setQueueDatas(List.of(new QueueData("broker-a", 4, 4, 6, 0), new QueueData("broker-b", 2, 3, 4, 0)));
        route.setFilterServerTable(new HashMap<>());
        return route;
    }
}
