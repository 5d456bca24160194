package org.cometmq.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cometmq.client.impl.MQClientManager;
import org.cometmq.client.impl.factory.MQClientInstance;
import org.cometmq.common.message.MessageQueue;
import org.junit.jupiter.api.Test;

class ClientConfigTest {

    @Test
    void defaults() {
        ClientConfig config = new ClientConfig();
        assertEquals(30000, config.getPollNameServerInterval());
        assertEquals(30000, config.getHeartbeatBrokerInterval());
        assertEquals(5000, config.getPersistConsumerOffsetInterval());
        assertEquals(3000, config.getMqClientApiTimeout());
        assertEquals(false, config.isVipChannelEnabled());
        assertTrue(config.getClientIP().matches("\\d+\\.\\d+\\.\\d+\\.\\d+"), config.getClientIP());
    }

    @Test
    void clientIdIsIpAtInstanceNameAndUnitName() {
        ClientConfig config = new ClientConfig();
        config.setClientIP("10.0.0.9");
        config.setInstanceName("DEFAULT");
        assertEquals("10.0.0.9@DEFAULT", config.buildMQClientId());
        config.setUnitName("unitA");
        assertEquals("10.0.0.9@DEFAULT@unitA", config.buildMQClientId());
    }

    @Test
    void defaultInstanceNameBecomesPidAndNanoTime() {
        ClientConfig config = new ClientConfig();
        config.setInstanceName("DEFAULT");
        config.changeInstanceNameToPID();
        String[] parts = config.getInstanceName().split("#");
        assertEquals(2, parts.length);
        assertEquals(String.valueOf(ProcessHandle.current().pid()), parts[0]);
        config.setInstanceName("mine");
        config.changeInstanceNameToPID();
        assertEquals("mine", config.getInstanceName());
    }

    @Test
    void namespaceWrapsTopicsButNotSystemOnes() {
        ClientConfig config = new ClientConfig();
        config.setNamespace("ns1");
        assertEquals("ns1%TopicTest", config.withNamespace("TopicTest"));
        assertEquals("ns1%TopicTest", config.withNamespace("ns1%TopicTest"));
        assertEquals("%RETRY%ns1%cg", config.withNamespace("%RETRY%cg"));
        assertEquals("TBW102", config.withNamespace("TBW102"));
        assertEquals("TopicTest", config.withoutNamespace("ns1%TopicTest"));
        assertEquals("%RETRY%cg", config.withoutNamespace("%RETRY%ns1%cg"));
        assertEquals("other%T", config.withoutNamespace("other%T"));
        assertEquals(new MessageQueue("ns1%T", "b", 1), config.queueWithNamespace(new MessageQueue("T", "b", 1)));
        assertEquals("T", new ClientConfig().withNamespace("T"));
    }

    @Test
    void equalClientIdsShareOneInstance() {
        ClientConfig a = new ClientConfig();
        a.setInstanceName("share-test");
        ClientConfig b = a.cloneClientConfig();
        MQClientInstance first = MQClientManager.getInstance().getOrCreateMQClientInstance(a);
        MQClientInstance second = MQClientManager.getInstance().getOrCreateMQClientInstance(b);
        b.setInstanceName("share-test-2");
        MQClientInstance third = MQClientManager.getInstance().getOrCreateMQClientInstance(b);
        try {
            assertSame(first, second);
            assertNotSame(first, third);
            assertEquals(a.buildMQClientId(), first.getClientId());
        } finally {
            first.shutdown();
            third.shutdown();
        }
    }
}
