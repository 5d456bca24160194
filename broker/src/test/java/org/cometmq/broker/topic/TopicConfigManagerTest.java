package org.cometmq.broker.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.cometmq.common.BrokerConfig;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.constant.PermName;
import org.cometmq.common.topic.TopicValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicConfigManagerTest {
    @TempDir
    Path dir;

    private BrokerConfig config() {
        BrokerConfig config = new BrokerConfig();
        config.setBrokerName("broker-t");
        config.setBrokerClusterName("ClusterT");
        return config;
    }

    @Test
    void systemTopicsExistAtStart() {
        TopicConfigManager manager = new TopicConfigManager(config(), dir.resolve("topics.json").toString());
        TopicConfig tbw = manager.selectTopicConfig("TBW102");
        assertEquals(8, tbw.getReadQueueNums());
        assertEquals(8, tbw.getWriteQueueNums());
        assertEquals(7, tbw.getPerm());
        assertEquals(18, manager.selectTopicConfig("SCHEDULE_TOPIC_XXXX").getWriteQueueNums());
        assertEquals(1, manager.selectTopicConfig("SELF_TEST_TOPIC").getWriteQueueNums());
        assertEquals(1024, manager.selectTopicConfig("BenchmarkTest").getWriteQueueNums());
        assertEquals(1, manager.selectTopicConfig("OFFSET_MOVED_EVENT").getWriteQueueNums());
        assertEquals(16, manager.selectTopicConfig("ClusterT").getWriteQueueNums());
        assertEquals(7, manager.selectTopicConfig("ClusterT").getPerm());
        assertEquals(7, manager.selectTopicConfig("broker-t").getPerm());
        assertNotNull(manager.selectTopicConfig("ClusterT_REPLY_TOPIC"));
        assertNull(manager.selectTopicConfig("RMQ_SYS_TRACE_TOPIC"));
        assertTrue(TopicValidator.isSystemTopic("ClusterT"));
        assertTrue(TopicValidator.isSystemTopic("broker-t"));
    }

    @Test
    void traceTopicEnableCreatesTheConfiguredTraceTopicAsASystemTopic() {
        BrokerConfig config = config();
        config.setTraceTopicEnable(true);
        config.setMsgTraceTopicName("MyTraceTopic");
        TopicConfigManager manager = new TopicConfigManager(config, dir.resolve("topics.json").toString());
        TopicConfig trace = manager.selectTopicConfig("MyTraceTopic");
        assertEquals(1, trace.getReadQueueNums());
        assertEquals(1, trace.getWriteQueueNums());
        assertEquals(PermName.PERM_READ | PermName.PERM_WRITE, trace.getPerm());
        assertTrue(TopicValidator.isSystemTopic("MyTraceTopic"));
        assertNull(manager.selectTopicConfig("RMQ_SYS_TRACE_TOPIC"));
    }

    @Test
    void noTemplateTopicWhenAutoCreateIsOff() {
        BrokerConfig config = config();
        config.setAutoCreateTopicEnable(false);
        TopicConfigManager manager = new TopicConfigManager(config, dir.resolve("topics.json").toString());
        assertNull(manager.selectTopicConfig("TBW102"));
        assertNull(manager.createTopicInSendMessageMethod("NewTopic", "TBW102", "peer", 4, 0));
    }

    @Test
    void autoCreateTakesClientQueueCountCappedByTemplateAndDropsInherit() {
        TopicConfigManager manager = new TopicConfigManager(config(), dir.resolve("topics.json").toString());
        AtomicInteger changes = new AtomicInteger();
        manager.setCreationListener(changes::incrementAndGet);
        long before = manager.getDataVersion().getCounter().get();

        TopicConfig created = manager.createTopicInSendMessageMethod("NewTopic", "TBW102", "peer", 4, 0);
        assertEquals(4, created.getReadQueueNums());
        assertEquals(4, created.getWriteQueueNums());
        assertEquals(PermName.PERM_READ | PermName.PERM_WRITE, created.getPerm());
        assertEquals(1, changes.get());
        assertEquals(before + 1, manager.getDataVersion().getCounter().get());

        TopicConfig big = manager.createTopicInSendMessageMethod("BigTopic", "TBW102", "peer", 64, 0);
        assertEquals(8, big.getWriteQueueNums());

        assertSame(created, manager.createTopicInSendMessageMethod("NewTopic", "TBW102", "peer", 4, 0));
        assertEquals(2, changes.get(), "an existing topic is no change");

        manager.updateTopicConfig(new TopicConfig("NewTopic", 2, 2, 6));
        manager.deleteTopicConfig("BigTopic");
        assertEquals(2, changes.get(), "admin updates register themselves, deletions wait for the next round");
    }

    @Test
    void templateWithoutInheritRefusesAutoCreate() {
        TopicConfigManager manager = new TopicConfigManager(config(), dir.resolve("topics.json").toString());
        manager.updateTopicConfig(new TopicConfig("Plain", 4, 4, 6));
        assertNull(manager.createTopicInSendMessageMethod("Derived", "Plain", "peer", 4, 0));
    }

    @Test
    void roundTripThroughFile() {
        String path = dir.resolve("topics.json").toString();
        TopicConfigManager writer = new TopicConfigManager(config(), path);
        TopicConfig topic = new TopicConfig("Orders", 3, 5, 4);
        topic.setOrder(true);
        writer.updateTopicConfig(topic);
        writer.createTopicInSendMessageBackMethod("%RETRY%cg", 1, 6, 0);
        assertTrue(writer.deleteTopicConfig("BenchmarkTest"));
        assertFalse(writer.deleteTopicConfig("BenchmarkTest"));

        TopicConfigManager reader = new TopicConfigManager(config(), path);
        assertTrue(reader.load());
        TopicConfig read = reader.selectTopicConfig("Orders");
        assertEquals(topic, read);
        assertTrue(reader.isOrderTopic("Orders"));
        assertEquals(1, reader.selectTopicConfig("%RETRY%cg").getWriteQueueNums());
        assertEquals(writer.getDataVersion(), reader.getDataVersion());
    }
}
