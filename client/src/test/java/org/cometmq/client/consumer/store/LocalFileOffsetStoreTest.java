package org.cometmq.client.consumer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.common.message.MessageQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileOffsetStoreTest {
    private static final MessageQueue Q0 = new MessageQueue("TopicTest", "broker-a", 0);
    private static final MessageQueue Q1 = new MessageQueue("TopicTest", "broker-a", 1);
    private static final MessageQueue OTHER = new MessageQueue("Other", "broker-b", 3);

    @TempDir
    Path dir;

    private LocalFileOffsetStore store() {
        return new LocalFileOffsetStore(dir.toString(), "127.0.0.1@7", "cg");
    }

    @Test
    void offsetsSurviveARestart() throws Exception {
        LocalFileOffsetStore first = store();
        first.load();
        first.updateOffset(Q0, 42, false);
        first.updateOffset(Q1, 7, false);
        first.updateOffset(OTHER, 99, false);
        first.persistAll(Set.of(Q0, Q1, OTHER));

        Path file = dir.resolve("127.0.0.1@7").resolve("cg").resolve("offsets.json");
        assertEquals(file.toString(), first.getStorePath());
        assertTrue(Files.exists(file));

        LocalFileOffsetStore second = store();
        second.load();
        assertEquals(42, second.readOffset(Q0, ReadOffsetType.READ_FROM_MEMORY));
        assertEquals(7, second.readOffset(Q1, ReadOffsetType.MEMORY_FIRST_THEN_STORE));
        assertEquals(99, second.readOffset(OTHER, ReadOffsetType.READ_FROM_STORE));
        assertEquals(Map.of(Q0, 42L, Q1, 7L), second.cloneOffsetTable("TopicTest"));
        assertEquals(3, second.cloneOffsetTable(null).size());
    }

    @Test
    void fileUsesTheObjectKeyFormOfTheJavaClient() throws Exception {
        LocalFileOffsetStore s = store();
        s.updateOffset(Q0, 5, false);
        s.persistAll(Set.of(Q0));
        String json = Files.readString(Path.of(s.getStorePath()), StandardCharsets.UTF_8).replaceAll("\\s", "");
        assertEquals("{\"offsetTable\":{{\"brokerName\":\"broker-a\",\"queueId\":0,\"topic\":\"TopicTest\"}:5}}", json);
    }

    @Test
    void writeIsAtomicAndKeepsThePreviousVersionAsBak() throws Exception {
        LocalFileOffsetStore s = store();
        s.updateOffset(Q0, 1, false);
        s.persistAll(Set.of(Q0));
        s.updateOffset(Q0, 2, false);
        s.persistAll(Set.of(Q0));
        Path file = Path.of(s.getStorePath());
        assertFalse(Files.exists(Path.of(s.getStorePath() + ".tmp")));
        assertTrue(Files.readString(Path.of(s.getStorePath() + ".bak")).contains(":1"));
        assertTrue(Files.readString(file).contains(":2"));

        // A torn main file (crash of a writer that did not rename) falls back to the .bak copy.
        Files.writeString(file, "{\"offsetTable\":{{\"broker");
        LocalFileOffsetStore reopened = store();
        reopened.load();
        assertEquals(1, reopened.readOffset(Q0, ReadOffsetType.READ_FROM_MEMORY));
    }

    @Test
    void bothFilesUnreadableIsAClearError() throws Exception {
        LocalFileOffsetStore s = store();
        Path file = Path.of(s.getStorePath());
        Files.createDirectories(file.getParent());
        Files.writeString(file, "not json");
        Files.writeString(Path.of(s.getStorePath() + ".bak"), "not json either");
        MQClientException e = assertThrows(MQClientException.class, s::load);
        assertTrue(e.getErrorMessage().contains("move them aside"), e.getErrorMessage());
    }

    @Test
    void increaseOnlyNeverGoesBack() {
        LocalFileOffsetStore s = store();
        s.updateOffset(Q0, 10, true);
        s.updateOffset(Q0, 5, true);
        assertEquals(10, s.readOffset(Q0, ReadOffsetType.READ_FROM_MEMORY));
        s.updateOffset(Q0, 5, false);
        assertEquals(5, s.readOffset(Q0, ReadOffsetType.READ_FROM_MEMORY));
    }

    @Test
    void unknownQueueReadsMinusOne() {
        LocalFileOffsetStore s = store();
        assertEquals(-1, s.readOffset(Q0, ReadOffsetType.READ_FROM_MEMORY));
        assertEquals(-1, s.readOffset(Q0, ReadOffsetType.READ_FROM_STORE));
        assertEquals(-1, s.readOffset(Q0, ReadOffsetType.MEMORY_FIRST_THEN_STORE));
    }

    @Test
    void persistAllWritesOnlyTheGivenQueues() throws Exception {
        LocalFileOffsetStore s = store();
        s.updateOffset(Q0, 3, false);
        s.updateOffset(Q1, 4, false);
        s.persistAll(Set.of(Q1));
        LocalFileOffsetStore reopened = store();
        reopened.load();
        assertEquals(Map.of(Q1, 4L), reopened.cloneOffsetTable(""));
    }
}
