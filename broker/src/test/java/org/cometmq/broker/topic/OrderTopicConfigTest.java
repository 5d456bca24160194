package org.cometmq.broker.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.cometmq.common.BrokerConfig;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.protocol.body.KVTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ORDER_TOPIC_CONFIG table the name servers answer a registration with, applied to the topic table. */
class OrderTopicConfigTest {
    @TempDir
    Path dir;

    private static KVTable table(String... topics) {
        HashMap<String, String> entries = new HashMap<>();
        for (String topic : topics) {
            entries.put(topic, "broker-a:4");
        }
        KVTable table = new KVTable();
        table.setTable(entries);
        return table;
    }

    @Test
    void namedTopicsBecomeOrderTopicsAndOthersStopBeingOne() throws Exception {
        Path file = dir.resolve("topics.json");
        TopicConfigManager manager = new TopicConfigManager(new BrokerConfig(), file.toString());
        manager.updateTopicConfig(new TopicConfig("Ordered", 4, 4, 6));
        TopicConfig wasOrder = new TopicConfig("WasOrdered", 4, 4, 6);
        wasOrder.setOrder(true);
        manager.updateTopicConfig(wasOrder);
        long before = manager.getDataVersion().getCounter().get();

        manager.updateOrderTopicConfig(table("Ordered", "NotHere"));

        assertTrue(manager.isOrderTopic("Ordered"));
        assertFalse(manager.isOrderTopic("WasOrdered"));
        assertFalse(manager.isOrderTopic("NotHere"), "a topic this broker does not have is not created");
        assertEquals(before + 1, manager.getDataVersion().getCounter().get(), "a change bumps the data version");
        assertTrue(Files.readString(file).contains("\"order\":true"), "and is persisted");

        manager.updateOrderTopicConfig(table("Ordered", "NotHere"));
        assertEquals(before + 1, manager.getDataVersion().getCounter().get(), "no change, no new version");
    }

    @Test
    void noTableFromTheNameServerChangesNothing() {
        TopicConfigManager manager = new TopicConfigManager(new BrokerConfig(), dir.resolve("topics.json").toString());
        TopicConfig order = new TopicConfig("Ordered", 4, 4, 6);
        order.setOrder(true);
        manager.updateTopicConfig(order);
        Map<String, TopicConfig> table = manager.getTopicConfigTable();
        manager.updateOrderTopicConfig(null);
        assertTrue(table.get("Ordered").isOrder());
    }
}
