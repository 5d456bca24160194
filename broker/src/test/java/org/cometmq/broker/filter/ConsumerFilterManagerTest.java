package org.cometmq.broker.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cometmq.common.filter.ExpressionType;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;
import org.cometmq.testkit.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumerFilterManagerTest {
    @TempDir
    Path dir;
    private final ManualClock now = new ManualClock(1_000_000);

    private ConsumerFilterManager manager() {
        return new ConsumerFilterManager(dir.resolve("config").resolve("consumerFilter.json").toString(), now);
    }

    private static SubscriptionData sql(String topic, String expression, long version) {
        SubscriptionData data = new SubscriptionData();
        data.setTopic(topic);
        data.setSubString(expression);
        data.setExpressionType(ExpressionType.SQL92);
        data.setSubVersion(version);
        return data;
    }

    private static SubscriptionData tag(String topic) {
        SubscriptionData data = sql(topic, "TagA", 1);
        data.setExpressionType(ExpressionType.TAG);
        return data;
    }

    @Test
    void anEmptyTableIsWrittenIn49sForm() throws Exception {
        ConsumerFilterManager manager = manager();
        manager.persist();
        assertEquals("{\n\t\"filterDataByTopic\":{}\n}",
            Files.readString(dir.resolve("config").resolve("consumerFilter.json")));
    }

    @Test
    void heartbeatsRegisterSqlFiltersOnlyAndNewerVersionsReplaceThem() {
        ConsumerFilterManager manager = manager();
        manager.register("g", List.of(sql("T", "a = 1", 5), tag("U")));
        ConsumerFilterData data = manager.get("T", "g");
        assertEquals("a = 1", data.getExpression());
        assertEquals(BloomFilter.createByFn(20, 32).generate("g#T"), data.getBloomFilterData());
        assertEquals(1_000_000, data.getBornTime());
        assertEquals(0, data.getDeadTime());
        assertFalse(data.isDead());
        assertNull(manager.get("U", "g"), "tag subscriptions are not kept");

        assertFalse(manager.register("T", "g", "a = 2", ExpressionType.SQL92, 4), "an older client version");
        assertEquals("a = 1", manager.get("T", "g").getExpression());
        now.advance(10);
        assertTrue(manager.register("T", "g", "a = 2", ExpressionType.SQL92, 6));
        assertEquals("a = 2", manager.get("T", "g").getExpression());
        assertEquals(1_000_010, manager.get("T", "g").getBornTime());

        manager.register("g", List.of(sql("V", "b > 1", 7)));
        assertTrue(manager.get("T", "g").isDead(), "a topic the group no longer subscribes");
        assertFalse(manager.get("V", "g").isDead());
    }

    @Test
    void offlineGroupsDieAndAreCleanedADayLater() {
        ConsumerFilterManager manager = manager();
        manager.register("g", List.of(sql("T", "a = 1", 5)));
        now.advance(100);
        manager.unRegister("g");
        assertEquals(1_000_100, manager.get("T", "g").getDeadTime());
        assertTrue(manager.register("T", "g", "a = 1", ExpressionType.SQL92, 5), "the same version brings it back");
        assertEquals(0, manager.get("T", "g").getDeadTime());
        manager.unRegister("g");
        now.advance(ConsumerFilterManager.MS_24_HOUR);
        manager.clean();
        assertNull(manager.get("T", "g"));
    }

    @Test
    void theFileHasThe49Fields() throws Exception {
        ConsumerFilterManager manager = manager();
        manager.register("g", List.of(sql("T", "a = 1", 5)));
        manager.persist();
        String json = Files.readString(dir.resolve("config").resolve("consumerFilter.json"));
        assertTrue(json.startsWith("{\n\t\"filterDataByTopic\":{\n\t\t\"T\":{\n\t\t\t\"groupFilterData\":{"), json);
        for (String field : List.of("\"bloomFilterData\":{", "\"bitNum\":112", "\"bitPos\":[", "\"bornTime\":1000000",
            "\"clientVersion\":5", "\"consumerGroup\":\"g\"", "\"dead\":false", "\"deadTime\":0",
            "\"expression\":\"a = 1\"", "\"expressionType\":\"SQL92\"", "\"topic\":\"T\"")) {
            assertTrue(json.contains(field), field + " in " + json);
        }
    }

    @Test
    void filtersFromADifferentlySizedBloomFilterAreDropped() throws Exception {
        Path file = dir.resolve("config").resolve("consumerFilter.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"filterDataByTopic\":{\"T\":{\"groupFilterData\":{\"g\":{\"consumerGroup\":\"g\","
            + "\"topic\":\"T\",\"expression\":\"a = 1\",\"expressionType\":\"SQL92\",\"bornTime\":1,\"deadTime\":0,"
            + "\"clientVersion\":5,\"bloomFilterData\":{\"bitNum\":64,\"bitPos\":[1,2,3]}}},\"topic\":\"T\"}}}");
        ConsumerFilterManager manager = manager();
        assertTrue(manager.load());
        assertNull(manager.get("T", "g"));
    }

    @Test
    void theTableIsReloadedAtStartWithItsFiltersDeadUntilTheNextHeartbeat() {
        ConsumerFilterManager first = manager();
        first.register("g", List.of(sql("T", "a = 1", 5)));
        first.persist();
        now.advance(60_000);
        ConsumerFilterManager second = manager();
        assertTrue(second.load());
        ConsumerFilterData loaded = second.get("T", "g");
        assertEquals("a = 1", loaded.getExpression());
        assertEquals("T", loaded.getTopic());
        assertEquals(5, loaded.getClientVersion());
        assertEquals(112, loaded.getBloomFilterData().getBitNum());
        assertEquals(1_000_000 + 30_000, loaded.getDeadTime(), "dead since 30 s before the load");
        assertTrue(second.register("T", "g", "a = 1", ExpressionType.SQL92, 5));
        assertFalse(second.get("T", "g").isDead());
    }
}
