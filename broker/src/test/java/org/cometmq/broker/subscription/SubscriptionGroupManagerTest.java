package org.cometmq.broker.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.cometmq.common.BrokerConfig;
import org.cometmq.common.subscription.SubscriptionGroupConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubscriptionGroupManagerTest {
    @TempDir
    Path dir;

    @Test
    void autoCreatesUnknownGroupWithDefaults() {
        SubscriptionGroupManager manager = new SubscriptionGroupManager(new BrokerConfig(), dir.resolve("s.json").toString());
        SubscriptionGroupConfig config = manager.findSubscriptionGroupConfig("cg");
        assertEquals("cg", config.getGroupName());
        assertEquals(16, config.getRetryMaxTimes());
        assertEquals(1, config.getRetryQueueNums());
        assertTrue(config.isConsumeEnable());
        assertTrue(manager.containsSubscriptionGroup("cg"));
        assertNotNull(manager.findSubscriptionGroupConfig("TOOLS_CONSUMER"));
    }

    @Test
    void unknownGroupIsNullWhenAutoCreateIsOff() {
        BrokerConfig brokerConfig = new BrokerConfig();
        brokerConfig.setAutoCreateSubscriptionGroup(false);
        SubscriptionGroupManager manager = new SubscriptionGroupManager(brokerConfig, dir.resolve("s.json").toString());
        assertNull(manager.findSubscriptionGroupConfig("cg"));
        assertNotNull(manager.findSubscriptionGroupConfig("CID_RMQ_SYS_TRANS"), "system groups are always created");
    }

    @Test
    void roundTripThroughFile() {
        String path = dir.resolve("subscriptionGroup.json").toString();
        SubscriptionGroupManager writer = new SubscriptionGroupManager(new BrokerConfig(), path);
        SubscriptionGroupConfig config = new SubscriptionGroupConfig("slow");
        config.setRetryMaxTimes(2);
        config.setConsumeBroadcastEnable(false);
        config.setWhichBrokerWhenConsumeSlowly(3);
        writer.updateSubscriptionGroupConfig(config);
        writer.findSubscriptionGroupConfig("auto");
        assertTrue(writer.deleteSubscriptionGroupConfig("auto"));
        assertFalse(writer.deleteSubscriptionGroupConfig("auto"));

        SubscriptionGroupManager reader = new SubscriptionGroupManager(new BrokerConfig(), path);
        assertTrue(reader.load());
        assertEquals(config, reader.getSubscriptionGroupTable().get("slow"));
        assertFalse(reader.containsSubscriptionGroup("auto"));
        assertEquals(writer.getDataVersion(), reader.getDataVersion());
    }
}
