package org.cometmq.client.impl.factory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cometmq.client.ClientConfig;
import org.cometmq.client.impl.FakeRemotingClient;
import org.cometmq.client.impl.FindBrokerResult;
import org.cometmq.client.impl.producer.RouteFixtures;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.route.TopicRouteData;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MQClientInstanceTest {
    private final FakeRemotingClient remoting = new FakeRemotingClient();
    private final MQClientInstance instance = new MQClientInstance(new ClientConfig(), 0, "127.0.0.1@it", remoting);

    @AfterEach
    void tearDown() {
        instance.shutdown();
    }

    @Test
    void routeUpdateLearnsBrokerAddressesOnlyWhenChanged() {
        TopicRouteData route = RouteFixtures.route(2, "broker-a");
        route.getBrokerDatas().get(0).getBrokerAddrs().put(1L, "127.0.0.1:10999");
        remoting.on(null, request -> ok(route.encode()));

        assertTrue(instance.updateTopicRouteInfoFromNameServer("T"));
        assertFalse(instance.updateTopicRouteInfoFromNameServer("T"));

        assertEquals("127.0.0.1:10911", instance.findBrokerAddressInPublish("broker-a"));
        FindBrokerResult slave = instance.findBrokerAddressInSubscribe("broker-a", 1, true);
        assertEquals("127.0.0.1:10999", slave.getBrokerAddr());
        assertTrue(slave.isSlave());
        FindBrokerResult master = instance.findBrokerAddressInSubscribe("broker-a", 0, false);
        assertEquals("127.0.0.1:10911", master.getBrokerAddr());
        assertFalse(master.isSlave());
        assertNull(instance.findBrokerAddressInSubscribe("broker-x", 0, false));
        assertEquals("127.0.0.1:10911", instance.findBrokerAddrByTopic("T"));
        assertEquals("127.0.0.1:10911", instance.findBrokerAddressInAdmin("broker-a").getBrokerAddr());
    }

    @Test
    void consumerIdsComeFromABrokerOfTheTopic() {
        remoting.on(null, request -> ok(RouteFixtures.route(1, "broker-a").encode()));
        remoting.on("127.0.0.1:10911", request -> request.getCode() == RequestCode.GET_CONSUMER_LIST_BY_GROUP
            ? ok("{\"consumerIdList\":[\"c1\",\"c2\"]}".getBytes(StandardCharsets.UTF_8))
            : ok(null));
        assertEquals(List.of("c1", "c2"), instance.findConsumerIdList("T", "cg"));
        assertEquals(Map.of("consumerGroup", "cg"),
            remoting.lastRequest(RequestCode.GET_CONSUMER_LIST_BY_GROUP).getExtFields());
    }

    @Test
    void offlineBrokersAreForgottenWhenNoRouteMentionsThem() {
        remoting.on(null, request -> ok(RouteFixtures.route(1, "broker-a").encode()));
        instance.updateTopicRouteInfoFromNameServer("T");
        instance.getBrokerAddrTable().put("broker-gone", new HashMap<>(Map.of(0L, "127.0.0.1:12345")));
        instance.cleanOfflineBroker();
        assertEquals(List.of("broker-a"), List.copyOf(instance.getBrokerAddrTable().keySet()));
    }

    @Test
    void heartbeatListsEveryProducerGroupAndGoesToMastersOnly() {
        TopicRouteData route = RouteFixtures.route(1, "broker-a");
        route.getBrokerDatas().get(0).getBrokerAddrs().put(1L, "127.0.0.1:10999");
        remoting.on(null, request -> ok(route.encode()));
        remoting.on("127.0.0.1:10911", request -> ok(null));
        instance.updateTopicRouteInfoFromNameServer("T");
        instance.registerProducer("pg", new org.cometmq.client.producer.DefaultMQProducer("pg")
            .getDefaultMQProducerImpl());

        instance.sendHeartbeatToAllBrokerWithLock();

        assertEquals(List.of("127.0.0.1:10911#" + RequestCode.HEART_BEAT),
            remoting.calls().stream().filter(c -> c.endsWith("#" + RequestCode.HEART_BEAT)).toList());
        assertEquals("{\"clientID\":\"127.0.0.1@it\",\"consumerDataSet\":[],\"producerDataSet\":[{\"groupName\":"
            + "\"pg\"}]}", new String(remoting.lastRequest(RequestCode.HEART_BEAT).getBody(), StandardCharsets.UTF_8));
        instance.unregisterProducer("pg");
        assertEquals("pg", remoting.lastRequest(RequestCode.UNREGISTER_CLIENT).getExtFields().get("producerGroup"));
    }

    private static RemotingCommand ok(byte[] body) {
        RemotingCommand response = RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
        response.setBody(body);
        return response;
    }
}
