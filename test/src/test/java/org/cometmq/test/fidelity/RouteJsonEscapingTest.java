package org.cometmq.test.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.alibaba.fastjson.serializer.SerializerFeature;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.cometmq.common.protocol.route.BrokerData;
import org.cometmq.common.protocol.route.QueueData;
import org.cometmq.common.protocol.route.StandardJson;
import org.cometmq.common.protocol.route.TopicRouteData;
import org.junit.jupiter.api.Test;

/**
 * The route body a 4.9.4+ client gets, for broker and cluster names neither name server restricts: ours must be
 * byte for byte what 4.9.7's name server writes with fastjson's BrowserCompatible (escaped non-ASCII, upper-case
 * hex, '/' escaped). Topic names cannot carry such characters (TopicValidator), broker and cluster names can.
 */
class RouteJsonEscapingTest {
    private static final List<String> NAMES = List.of("broker-a", "br\u00e4ker", "\u4e2d\u6587-broker", "a/b\\c\"d",
        "tab\tnl\nctl\u0001\u001f", "del\u007f", "sep\u2028\u2029", "emoji\ud83d\ude00", "<script>'x'</script>");

    @Test
    void routeJsonForNewClientsEscapesAsFastjsonsBrowserCompatible() {
        for (String name : NAMES) {
            String apache = new String(apacheRoute(name).encode(SerializerFeature.BrowserCompatible,
                SerializerFeature.QuoteFieldNames, SerializerFeature.SkipTransientField, SerializerFeature.MapSortField),
                StandardCharsets.UTF_8);
            String ours = new String(StandardJson.encodeBrowserCompatible(cometRoute(name)), StandardCharsets.UTF_8);
            assertEquals(apache, ours, "route JSON for broker name " + name);
        }
    }

    private static TopicRouteData cometRoute(String name) {
        HashMap<Long, String> addrs = new HashMap<>();
        addrs.put(0L, "127.0.0.1:10911");
        addrs.put(1L, name + ":10911");
        TopicRouteData route = new TopicRouteData();
        route.setBrokerDatas(new ArrayList<>(List.of(new BrokerData(name + "-cluster", name, addrs))));
        route.setQueueDatas(new ArrayList<>(List.of(new QueueData(name, 4, 4, 6, 0))));
        route.setFilterServerTable(new HashMap<>());
        route.setOrderTopicConf(name + ":4");
        return route;
    }

    private static org.apache.rocketmq.common.protocol.route.TopicRouteData apacheRoute(String name) {
        HashMap<Long, String> addrs = new HashMap<>();
        addrs.put(0L, "127.0.0.1:10911");
        addrs.put(1L, name + ":10911");
        org.apache.rocketmq.common.protocol.route.QueueData queue = new org.apache.rocketmq.common.protocol.route.QueueData();
        queue.setBrokerName(name);
        queue.setReadQueueNums(4);
        queue.setWriteQueueNums(4);
        queue.setPerm(6);
        queue.setTopicSysFlag(0);
        org.apache.rocketmq.common.protocol.route.TopicRouteData route =
            new org.apache.rocketmq.common.protocol.route.TopicRouteData();
        route.setBrokerDatas(new ArrayList<>(List.of(
            new org.apache.rocketmq.common.protocol.route.BrokerData(name + "-cluster", name, addrs))));
        route.setQueueDatas(new ArrayList<>(List.of(queue)));
        route.setFilterServerTable(new HashMap<>());
        route.setOrderTopicConf(name + ":4");
        return route;
    }
}
