package org.cometmq.client.impl.producer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.cometmq.common.protocol.route.BrokerData;
import org.cometmq.common.protocol.route.QueueData;
import org.cometmq.common.protocol.route.TopicRouteData;

/** Small routes for tests: brokers "broker-a", "broker-b"... at 127.0.0.1:1091x, each with its queues. */
public final class RouteFixtures {

    private RouteFixtures() {
    }

    /** A route with one master per broker name and {@code writeQueues} writable queues (perm 6) on each. */
    public static TopicRouteData route(int writeQueues, String... brokerNames) {
        TopicRouteData route = new TopicRouteData();
        List<QueueData> queueDatas = new ArrayList<>();
        List<BrokerData> brokerDatas = new ArrayList<>();
        int port = 10911;
        for (String brokerName : brokerNames) {
            queueDatas.add(new QueueData(brokerName, writeQueues, writeQueues, 6, 0));
            HashMap<Long, String> addrs = new HashMap<>();
            addrs.put(0L, "127.0.0.1:" + port);
            port += 10;
            brokerDatas.add(new BrokerData("DefaultCluster", brokerName, addrs));
        }
        route.setQueueDatas(queueDatas);
        route.setBrokerDatas(brokerDatas);
        route.setFilterServerTable(new HashMap<>());
        return route;
    }
}
