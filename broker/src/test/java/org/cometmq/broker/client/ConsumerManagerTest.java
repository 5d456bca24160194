package org.cometmq.broker.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cometmq.common.consumer.ConsumeFromWhere;
import org.cometmq.common.protocol.heartbeat.ConsumeType;
import org.cometmq.common.protocol.heartbeat.MessageModel;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;
import org.cometmq.remoting.protocol.LanguageCode;
import org.cometmq.testkit.ManualClock;
import org.junit.jupiter.api.Test;

class ConsumerManagerTest {
    private final ManualClock clock = new ManualClock(5_000_000);
    private final List<String> events = new ArrayList<>();
    private final ConsumerManager manager = new ConsumerManager(
        (event, group, info) -> events.add(event + ":" + group + ":" + info.getAllClientId().size()), clock, 120_000);

    private ClientChannelInfo client(EmbeddedChannel channel, String id) {
        return new ClientChannelInfo(channel, id, LanguageCode.JAVA, 407, clock.millis());
    }

    private boolean register(ClientChannelInfo info, String... topics) {
        Set<SubscriptionData> subs = new java.util.HashSet<>();
        for (String topic : topics) {
            subs.add(new SubscriptionData(topic, "*"));
        }
        return manager.registerConsumer("cg", info, ConsumeType.CONSUME_PASSIVELY, MessageModel.CLUSTERING,
            ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET, subs, true);
    }

    @Test
    void newClientAnnouncesChangeAndRepeatHeartbeatDoesNot() {
        EmbeddedChannel ch = new EmbeddedChannel();
        assertTrue(register(client(ch, "c1"), "T"));
        assertEquals(List.of("CHANGE:cg:1", "REGISTER:cg:1"), events);
        events.clear();
        assertFalse(register(client(ch, "c1"), "T"));
        assertEquals(List.of("REGISTER:cg:1"), events);
        assertTrue(register(client(ch, "c1"), "T", "U"), "a new topic is a change");
        assertEquals(Set.of("T", "U"), manager.getConsumerGroupInfo("cg").getSubscriptionTable().keySet());
        assertEquals(Set.of("cg"), manager.queryTopicConsumeByWho("U"));
    }

    @Test
    void closedChannelIsDroppedAtOnceAndGroupRemovedWhenEmpty() {
        EmbeddedChannel a = new EmbeddedChannel();
        EmbeddedChannel b = new EmbeddedChannel();
        register(client(a, "c1"), "T");
        register(client(b, "c2"), "T");
        events.clear();
        manager.doChannelCloseEvent("addr", a);
        assertEquals(List.of("CHANGE:cg:1"), events);
        assertEquals(List.of("c2"), manager.getConsumerGroupInfo("cg").getAllClientId());
        events.clear();
        manager.doChannelCloseEvent("addr", b);
        assertEquals(List.of("UNREGISTER:cg:0", "CHANGE:cg:0"), events);
        assertNull(manager.getConsumerGroupInfo("cg"));
    }

    @Test
    void silentChannelExpiresAfter120Seconds() {
        EmbeddedChannel a = new EmbeddedChannel();
        EmbeddedChannel b = new EmbeddedChannel();
        register(client(a, "c1"), "T");
        clock.advance(60_000);
        register(client(b, "c2"), "T");
        clock.advance(60_000);
        manager.scanNotActiveChannel();
        assertEquals(2, manager.getConsumerGroupInfo("cg").getAllClientId().size(), "exactly 120 s is not yet expired");
        clock.advance(1);
        events.clear();
        manager.scanNotActiveChannel();
        assertEquals(List.of("c2"), manager.getConsumerGroupInfo("cg").getAllClientId());
        assertEquals(List.of("CHANGE:cg:1"), events);
        assertFalse(a.isOpen(), "an expired channel is closed");
        assertTrue(b.isOpen());
    }

    @Test
    void unregisterRemovesClient() {
        EmbeddedChannel a = new EmbeddedChannel();
        ClientChannelInfo info = client(a, "c1");
        register(info, "T");
        events.clear();
        manager.unregisterConsumer("cg", info, true);
        assertNull(manager.getConsumerGroupInfo("cg"));
        assertEquals(List.of("UNREGISTER:cg:0", "CHANGE:cg:0"), events);
    }
}
