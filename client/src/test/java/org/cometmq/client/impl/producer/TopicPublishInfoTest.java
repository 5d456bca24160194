package org.cometmq.client.impl.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import org.cometmq.client.impl.factory.TopicRouteConverter;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.route.BrokerData;
import org.cometmq.common.protocol.route.QueueData;
import org.cometmq.common.protocol.route.TopicRouteData;
import org.junit.jupiter.api.Test;

class TopicPublishInfoTest {

    @Test
    void roundRobinCoversEveryWritableQueueInBrokerOrder() {
        TopicPublishInfo info = TopicRouteConverter.toPublishInfo("T", RouteFixtures.route(3, "broker-b", "broker-a"));
        info.getSendWhichQueue().reset(-1);
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            MessageQueue mq = info.selectOneMessageQueue();
            picked.add(mq.getBrokerName() + ":" + mq.getQueueId());
        }
        assertEquals(List.of("broker-a:0", "broker-a:1", "broker-a:2", "broker-b:0", "broker-b:1", "broker-b:2",
            "broker-a:0"), picked);
    }

    @Test
    void retrySkipsTheBrokerThatJustFailed() {
        TopicPublishInfo info = TopicRouteConverter.toPublishInfo("T", RouteFixtures.route(2, "broker-a", "broker-b"));
        info.getSendWhichQueue().reset(-1);
        MessageQueue first = info.selectOneMessageQueue(null);
        assertEquals("broker-a", first.getBrokerName());
        for (int i = 0; i < 5; i++) {
            assertEquals("broker-b", info.selectOneMessageQueue("broker-a").getBrokerName());
        }
    }

    @Test
    void retryOnASingleBrokerTopicStaysOnIt() {
        TopicPublishInfo info = TopicRouteConverter.toPublishInfo("T", RouteFixtures.route(2, "broker-a"));
        info.getSendWhichQueue().reset(-1);
        assertEquals(new MessageQueue("T", "broker-a", 0), info.selectOneMessageQueue("broker-a"));
    }

    @Test
    void readOnlyQueuesAndBrokersWithoutMasterAreNotWritable() {
        TopicRouteData route = RouteFixtures.route(2, "broker-a", "broker-b", "broker-c");
        route.getQueueDatas().get(0).setPerm(4);
        route.getBrokerDatas().get(1).getBrokerAddrs().clear();
        route.getBrokerDatas().get(1).getBrokerAddrs().put(1L, "127.0.0.1:10999");

        TopicPublishInfo info = TopicRouteConverter.toPublishInfo("T", route);

        assertEquals(List.of(new MessageQueue("T", "broker-c", 0), new MessageQueue("T", "broker-c", 1)),
            info.getMessageQueueList());
        assertEquals(2, info.getQueueIdByBroker("broker-c"));
        assertEquals(-1, info.getQueueIdByBroker("broker-x"));
        assertFalse(info.isOrderTopic());
    }

    @Test
    void orderTopicConfDecidesTheQueues() {
        TopicRouteData route = RouteFixtures.route(8, "broker-a", "broker-b");
        route.setOrderTopicConf("broker-a:2;broker-b:1");
        TopicPublishInfo info = TopicRouteConverter.toPublishInfo("T", route);
        assertTrue(info.isOrderTopic());
        assertEquals(List.of(new MessageQueue("T", "broker-a", 0), new MessageQueue("T", "broker-a", 1),
            new MessageQueue("T", "broker-b", 0)), info.getMessageQueueList());
    }

    @Test
    void subscribeInfoHasEveryReadQueueOfReadableBrokers() {
        TopicRouteData route = new TopicRouteData();
        route.setQueueDatas(List.of(new QueueData("broker-a", 2, 4, 6, 0), new QueueData("broker-b", 3, 3, 2, 0)));
        route.setBrokerDatas(List.of(new BrokerData("c", "broker-a", new HashMap<>())));
        assertEquals(Set.of(new MessageQueue("T", "broker-a", 0), new MessageQueue("T", "broker-a", 1)),
            TopicRouteConverter.toSubscribeInfo("T", route));
    }

    @Test
    void routeChangeIgnoresListOrder() {
        TopicRouteData one = RouteFixtures.route(2, "broker-a", "broker-b");
        TopicRouteData other = RouteFixtures.route(2, "broker-a", "broker-b");
        java.util.Collections.reverse(other.getQueueDatas());
        java.util.Collections.reverse(other.getBrokerDatas());
        assertFalse(TopicRouteConverter.isChanged(one, other));
        other.getQueueDatas().get(0).setWriteQueueNums(5);
        assertTrue(TopicRouteConverter.isChanged(one, other));
        assertTrue(TopicRouteConverter.isChanged(null, other));
    }
}
