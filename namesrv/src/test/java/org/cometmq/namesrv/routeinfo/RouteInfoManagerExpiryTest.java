package org.cometmq.namesrv.routeinfo;

import static org.cometmq.namesrv.routeinfo.RouteFixtures.version;
import static org.cometmq.namesrv.routeinfo.RouteFixtures.wrapper;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.Map;
import java.util.Set;
import org.cometmq.testkit.ManualClock;
import org.junit.jupiter.api.Test;

/** Expiry driven by a fake clock: no sleeping. */
class RouteInfoManagerExpiryTest {
    private static final long START = 5_000_000;
    private final ManualClock now = new ManualClock(START);
    private final RouteInfoManager manager = new RouteInfoManager(120_000, now);

    @Test
    void brokerSilentForMoreThan120SecondsIsRemovedWithItsTopics() {
        EmbeddedChannel channel = new EmbeddedChannel();
        manager.registerBroker("DefaultCluster", "127.0.0.1:10911", "broker-a", 0, "127.0.0.1:10912",
            wrapper(version(1, 1), 4, "T1", "T2"), null, channel);

        now.set(START + 119_000);
        assertEquals(0, manager.scanNotActiveBroker());
        assertNotNull(manager.pickupTopicRouteData("T1"));

        now.set(START + 120_000);
        assertEquals(0, manager.scanNotActiveBroker(), "exactly 120 s is not yet expired");

        now.set(START + 120_001);
        assertEquals(1, manager.scanNotActiveBroker());
        RouteSnapshot s = manager.snapshot();
        assertEquals(Map.of(), s.topicQueueTable());
        assertEquals(Map.of(), s.brokerAddrTable());
        assertEquals(Map.of(), s.clusterAddrTable());
        assertEquals(Map.of(), s.brokerLiveTable());
        assertNull(manager.pickupTopicRouteData("T1"));
        assertFalse(channel.isOpen(), "the expired broker's channel is closed");
    }

    @Test
    void reRegistrationKeepsABrokerAliveWhileASilentOneExpires() {
        manager.registerBroker("DefaultCluster", "127.0.0.1:10911", "broker-a", 0, "h:1",
            wrapper(version(1, 1), 4, "TA"), null, null);
        manager.registerBroker("DefaultCluster", "127.0.0.2:10911", "broker-b", 0, "h:2",
            wrapper(version(1, 1), 4, "TB", "SHARED"), null, null);
        manager.registerBroker("DefaultCluster", "127.0.0.1:10911", "broker-a", 0, "h:1",
            wrapper(version(1, 2), 4, "TA", "SHARED"), null, null);

        now.set(START + 60_000);
        manager.registerBroker("DefaultCluster", "127.0.0.1:10911", "broker-a", 0, "h:1",
            wrapper(version(1, 2), 4, "TA", "SHARED"), null, null);
        now.set(START + 121_000);
        assertEquals(1, manager.scanNotActiveBroker());

        RouteSnapshot s = manager.snapshot();
        assertEquals(Set.of("TA", "SHARED"), s.topicQueueTable().keySet());
        assertEquals(Set.of("broker-a"), s.topicQueueTable().get("SHARED").keySet());
        assertEquals(Map.of("DefaultCluster", Set.of("broker-a")), s.clusterAddrTable());
        assertEquals(Set.of("127.0.0.1:10911"), s.brokerLiveTable().keySet());

        now.set(START + 180_001);
        assertEquals(1, manager.scanNotActiveBroker());
        assertTrue(manager.snapshot().brokerLiveTable().isEmpty());
    }

    @Test
    void dataVersionQueryRefreshesLiveness() {
        manager.registerBroker("DefaultCluster", "127.0.0.1:10911", "broker-a", 0, "h:1",
            wrapper(version(1, 1), 4, "TA"), null, null);
        now.set(START + 100_000);
        manager.updateBrokerInfoUpdateTimestamp("127.0.0.1:10911", now.millis());
        now.set(START + 200_000);
        assertEquals(0, manager.scanNotActiveBroker());
        now.set(START + 220_001);
        assertEquals(1, manager.scanNotActiveBroker());
    }

    @Test
    void expiryIsConfigurable() {
        RouteInfoManager shortExpiry = new RouteInfoManager(2_000, now);
        shortExpiry.registerBroker("c", "127.0.0.1:10911", "b", 0, "h:1", wrapper(version(1, 1), 1, "T"), null, null);
        now.advance(2_001);
        assertEquals(1, shortExpiry.scanNotActiveBroker());
        assertNull(shortExpiry.pickupTopicRouteData("T"));
    }
}
