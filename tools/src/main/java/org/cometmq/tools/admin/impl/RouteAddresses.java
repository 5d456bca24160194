package org.cometmq.tools.admin.impl;

import java.util.ArrayList;
import java.util.List;
import org.cometmq.common.protocol.route.BrokerData;
import org.cometmq.common.protocol.route.TopicRouteData;

/** Which broker addresses an admin operation on a topic talks to. */
public final class RouteAddresses {
    private RouteAddresses() {
    }

    /** One address per broker of the route, the master's when it has one, in route order. */
    public static List<String> brokerAddrsOf(TopicRouteData route) {
        List<String> addrs = new ArrayList<>();
        if (route != null && route.getBrokerDatas() != null) {
            for (BrokerData brokerData : route.getBrokerDatas()) {
                String addr = brokerData.selectBrokerAddr();
                if (addr != null) {
                    addrs.add(addr);
                }
            }
        }
        return addrs;
    }
}
