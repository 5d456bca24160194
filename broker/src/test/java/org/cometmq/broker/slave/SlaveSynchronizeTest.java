package org.cometmq.broker.slave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.cometmq.broker.offset.ConsumerOffsetManager;
import org.cometmq.broker.out.MasterMetadataSource;
import org.cometmq.broker.subscription.SubscriptionGroupManager;
import org.cometmq.broker.topic.TopicConfigManager;
import org.cometmq.common.BrokerConfig;
import org.cometmq.common.DataVersion;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.protocol.body.ConsumerOffsetSerializeWrapper;
import org.cometmq.common.protocol.body.SubscriptionGroupWrapper;
import org.cometmq.common.protocol.body.TopicConfigSerializeWrapper;
import org.cometmq.common.subscription.SubscriptionGroupConfig;
import org.cometmq.remoting.exception.RemotingConnectException;
import org.cometmq.remoting.exception.RemotingException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlaveSynchronizeTest {
    private static final String MASTER = "127.0.0.1:30911";
    private static final String SLAVE = "127.0.0.1:30921";

    @TempDir
    Path dir;
    private TopicConfigManager topics;
    private ConsumerOffsetManager offsets;
    private SubscriptionGroupManager groups;
    private FakeMaster master;
    private SlaveSynchronize sync;

    @BeforeEach
    void setUp() {
        BrokerConfig config = new BrokerConfig();
        config.setBrokerName("broker-a");
        topics = new TopicConfigManager(config, dir.resolve("topics.json").toString());
        offsets = new ConsumerOffsetManager(dir.resolve("consumerOffset.json").toString());
        groups = new SubscriptionGroupManager(config, dir.resolve("subscriptionGroup.json").toString());
        master = new FakeMaster();
        sync = new SlaveSynchronize(master, topics, offsets, groups, dir.resolve("delayOffset.json").toString(),
            () -> SLAVE);
    }

    @Test
    void nothingIsAskedWithoutAMasterOrWhenTheMasterIsThisBroker() {
        assertFalse(sync.syncAll());
        sync.setMasterAddr(SLAVE);
        assertFalse(sync.syncAll());
        assertTrue(master.asked.isEmpty());
    }

    @Test
    void copiesInApacheOrderAndAsksTheGivenMaster() {
        sync.setMasterAddr(MASTER);
        assertTrue(sync.syncAll());
        assertEquals(List.of("topics@" + MASTER, "offsets@" + MASTER, "delay@" + MASTER, "groups@" + MASTER),
            master.asked);
    }

    @Test
    void topicTableBecomesTheMastersWhenItsVersionDiffers() {
        TopicConfig localOnly = new TopicConfig("LocalOnly", 4, 4, 6, 0);
        topics.updateTopicConfig(localOnly);
        master.topics.put("OrderTopic", new TopicConfig("OrderTopic", 8, 8, 6, 0));
        sync.setMasterAddr(MASTER);
        sync.syncAll();
        assertNotNull(topics.selectTopicConfig("OrderTopic"));
        assertEquals(8, topics.selectTopicConfig("OrderTopic").getWriteQueueNums());
        assertNull(topics.selectTopicConfig("LocalOnly"));
        assertEquals(master.topicVersion, topics.getDataVersion());
        assertTrue(Files.exists(dir.resolve("topics.json")));
    }

    @Test
    void topicTableIsLeftAloneWhenTheVersionIsTheSame() {
        sync.setMasterAddr(MASTER);
        sync.syncAll();
        topics.getTopicConfigTable().put("AddedLocally", new TopicConfig("AddedLocally", 1, 1, 6, 0));
        sync.syncAll();
        assertNotNull(topics.selectTopicConfig("AddedLocally"), "same data version: table untouched");
    }

    @Test
    void consumerOffsetsReplaceEachTopicGroupEntryAndKeepLocalOnlyOnes() {
        offsets.commitOffset("c", "g1", "T", 0, 5);
        offsets.commitOffset("c", "g1", "T", 1, 6);
        offsets.commitOffset("c", "gLocal", "T", 0, 9);
        ConcurrentMap<Integer, Long> fromMaster = new ConcurrentHashMap<>();
        fromMaster.put(0, 100L);
        master.offsets.put("T@g1", fromMaster);
        sync.setMasterAddr(MASTER);
        sync.syncAll();
        assertEquals(100L, offsets.queryOffset("g1", "T", 0));
        assertEquals(-1L, offsets.queryOffset("g1", "T", 1), "the whole topic@group map is the master's");
        assertEquals(9L, offsets.queryOffset("gLocal", "T", 0));
    }

    @Test
    void delayOffsetsAreWrittenVerbatim() throws Exception {
        master.delay = "{\"offsetTable\":{3:17}}";
        sync.setMasterAddr(MASTER);
        sync.syncAll();
        assertEquals(master.delay, Files.readString(dir.resolve("delayOffset.json")));
    }

    @Test
    void subscriptionGroupsBecomeTheMasters() {
        SubscriptionGroupConfig group = new SubscriptionGroupConfig();
        group.setGroupName("GroupFromMaster");
        group.setWhichBrokerWhenConsumeSlowly(2);
        master.groups.put("GroupFromMaster", group);
        sync.setMasterAddr(MASTER);
        sync.syncAll();
        assertEquals(2, groups.getSubscriptionGroupTable().get("GroupFromMaster").getWhichBrokerWhenConsumeSlowly());
        assertEquals(1, groups.getSubscriptionGroupTable().size());
    }

    @Test
    void aFailingItemDoesNotStopTheOthers() {
        master.failTopics = true;
        SubscriptionGroupConfig group = new SubscriptionGroupConfig();
        group.setGroupName("G");
        master.groups.put("G", group);
        sync.setMasterAddr(MASTER);
        assertTrue(sync.syncAll());
        assertNotNull(groups.getSubscriptionGroupTable().get("G"));
    }

    /** A master answering from in-memory tables and recording what was asked. */
    private static final class FakeMaster implements MasterMetadataSource {
        final List<String> asked = new ArrayList<>();
        final ConcurrentMap<String, TopicConfig> topics = new ConcurrentHashMap<>();
        final ConcurrentMap<String, ConcurrentMap<Integer, Long>> offsets = new ConcurrentHashMap<>();
        final ConcurrentMap<String, SubscriptionGroupConfig> groups = new ConcurrentHashMap<>();
        final DataVersion topicVersion = new DataVersion();
        final DataVersion groupVersion = new DataVersion();
        String delay = "{}";
        boolean failTopics;

        FakeMaster() {
            topicVersion.setTimestamp(1234L);
            topicVersion.getCounter().set(42);
            groupVersion.setTimestamp(5678L);
        }

        @Override
        public TopicConfigSerializeWrapper getAllTopicConfig(String masterAddr) throws RemotingException {
            asked.add("topics@" + masterAddr);
            if (failTopics) {
                throw new RemotingConnectException(masterAddr);
            }
            TopicConfigSerializeWrapper wrapper = new TopicConfigSerializeWrapper();
            wrapper.setTopicConfigTable(new ConcurrentHashMap<>(topics));
            wrapper.setDataVersion(topicVersion);
            return wrapper;
        }

        @Override
        public ConsumerOffsetSerializeWrapper getAllConsumerOffset(String masterAddr) {
            asked.add("offsets@" + masterAddr);
            ConsumerOffsetSerializeWrapper wrapper = new ConsumerOffsetSerializeWrapper();
            wrapper.setOffsetTable(new ConcurrentHashMap<>(offsets));
            return wrapper;
        }

        @Override
        public String getAllDelayOffset(String masterAddr) {
            asked.add("delay@" + masterAddr);
            return delay;
        }

        @Override
        public SubscriptionGroupWrapper getAllSubscriptionGroupConfig(String masterAddr) {
            asked.add("groups@" + masterAddr);
            SubscriptionGroupWrapper wrapper = new SubscriptionGroupWrapper();
            wrapper.setSubscriptionGroupTable(new ConcurrentHashMap<>(groups));
            wrapper.setDataVersion(groupVersion);
            return wrapper;
        }
    }
}
