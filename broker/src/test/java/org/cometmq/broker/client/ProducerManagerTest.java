package org.cometmq.broker.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import org.cometmq.remoting.protocol.LanguageCode;
import org.cometmq.testkit.ManualClock;
import org.junit.jupiter.api.Test;

class ProducerManagerTest {
    private final ManualClock clock = new ManualClock(1_000);
    private final ProducerManager manager = new ProducerManager(clock, 120_000);

    @Test
    void heartbeatsKeepProducerAliveUntilSilentFor120Seconds() {
        EmbeddedChannel ch = new EmbeddedChannel();
        manager.registerProducer("pg", new ClientChannelInfo(ch, "p1", LanguageCode.JAVA, 407, clock.millis()));
        clock.advance(100_000);
        manager.registerProducer("pg", new ClientChannelInfo(ch, "p1", LanguageCode.JAVA, 407, clock.millis()));
        clock.advance(120_000);
        manager.scanNotActiveChannel();
        assertEquals(1, manager.getChannels("pg").size());
        assertSame(ch, manager.findChannel("p1"));
        clock.advance(1);
        manager.scanNotActiveChannel();
        assertTrue(manager.getChannels("pg").isEmpty());
        assertFalse(manager.getGroupChannelTable().containsKey("pg"));
        assertFalse(ch.isOpen());
    }

    @Test
    void closeEventRemovesChannelFromEveryGroup() {
        EmbeddedChannel ch = new EmbeddedChannel();
        manager.registerProducer("a", new ClientChannelInfo(ch, "p1", LanguageCode.JAVA, 407, clock.millis()));
        manager.registerProducer("b", new ClientChannelInfo(ch, "p1", LanguageCode.JAVA, 407, clock.millis()));
        assertSame(ch, manager.getAvailableChannel("a"));
        manager.doChannelCloseEvent("addr", ch);
        assertTrue(manager.getGroupChannelTable().isEmpty());
        assertNull(manager.findChannel("p1"));
    }
}
