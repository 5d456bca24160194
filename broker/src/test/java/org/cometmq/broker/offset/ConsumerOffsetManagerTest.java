package org.cometmq.broker.offset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumerOffsetManagerTest {
    @TempDir
    Path dir;

    @Test
    void unknownOffsetIsMinusOne() {
        ConsumerOffsetManager manager = new ConsumerOffsetManager(dir.resolve("o.json").toString());
        assertEquals(-1, manager.queryOffset("g", "T", 0));
        manager.commitOffset("c", "g", "T", 0, 12);
        assertEquals(12, manager.queryOffset("g", "T", 0));
        assertEquals(-1, manager.queryOffset("g", "T", 1));
        assertEquals(-1, manager.queryOffset("other", "T", 0));
    }

    @Test
    void readsJavaFileWithUnquotedQueueIds() throws IOException {
        Path file = dir.resolve("consumerOffset.json");
        Files.writeString(file, "{\n\t\"offsetTable\":{\n\t\t\"TopicTest@cg\":{0:10,1:20\n\t\t},\"A@b\":{\"3\":7}\n\t}\n}",
            StandardCharsets.UTF_8);
        ConsumerOffsetManager manager = new ConsumerOffsetManager(file.toString());
        assertTrue(manager.load());
        assertEquals(10, manager.queryOffset("cg", "TopicTest", 0));
        assertEquals(20, manager.queryOffset("cg", "TopicTest", 1));
        assertEquals(7, manager.queryOffset("b", "A", 3));
        assertEquals(Map.of(0, 10L, 1, 20L), manager.queryOffset("cg", "TopicTest"));
    }

    @Test
    void roundTripThroughFile() {
        Path file = dir.resolve("consumerOffset.json");
        ConsumerOffsetManager writer = new ConsumerOffsetManager(file.toString());
        writer.commitOffset("c", "g1", "T", 0, 100);
        writer.commitOffset("c", "g1", "T", 7, 3);
        writer.commitOffset("c", "g2", "U", 1, Long.MAX_VALUE);
        writer.persist();

        ConsumerOffsetManager reader = new ConsumerOffsetManager(file.toString());
        assertTrue(reader.load());
        assertEquals(writer.getOffsetTable(), reader.getOffsetTable());
        assertEquals(Long.MAX_VALUE, reader.queryOffset("g2", "U", 1));
    }

    @Test
    void groupTopicQueriesCloneAndRemove() {
        ConsumerOffsetManager manager = new ConsumerOffsetManager(dir.resolve("o.json").toString());
        manager.commitOffset("c", "g1", "T", 0, 5);
        manager.commitOffset("c", "g1", "U", 0, 6);
        manager.commitOffset("c", "g2", "T", 0, 2);
        manager.commitOffset("c", "g2", "T", 1, 9);

        assertEquals(Set.of("T", "U"), manager.whichTopicByConsumer("g1"));
        assertEquals(Set.of("g1", "g2"), manager.whichGroupByTopic("T"));
        assertEquals(Map.of(0, 2L, 1, 9L), manager.queryMinOffsetInAllGroup("T", Set.of()));
        assertEquals(Map.of(0, 5L), manager.queryMinOffsetInAllGroup("T", Set.of("g1")));

        manager.cloneOffset("g1", "g3", "T");
        assertEquals(5, manager.queryOffset("g3", "T", 0));

        manager.removeOffset("g1");
        assertEquals(-1, manager.queryOffset("g1", "T", 0));
        assertEquals(-1, manager.queryOffset("g1", "U", 0));
        assertEquals(2, manager.queryOffset("g2", "T", 0));
    }
}
