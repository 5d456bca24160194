package org.cometmq.broker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cometmq.broker.offset.ConsumerOffsetManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigManagerTest {
    @TempDir
    Path dir;

    private ConsumerOffsetManager manager(Path file) {
        return new ConsumerOffsetManager(file.toString());
    }

    @Test
    void persistKeepsPreviousVersionAsBak() throws IOException {
        Path file = dir.resolve("config/consumerOffset.json");
        ConsumerOffsetManager first = manager(file);
        first.commitOffset("c", "g", "T", 0, 5);
        first.persist();
        first.commitOffset("c", "g", "T", 0, 9);
        first.persist();

        ConsumerOffsetManager fromBak = manager(dir.resolve("restore.json"));
        Files.copy(Path.of(file + ".bak"), dir.resolve("restore.json"));
        assertTrue(fromBak.load());
        assertEquals(5, fromBak.queryOffset("g", "T", 0));

        ConsumerOffsetManager fromMain = manager(file);
        assertTrue(fromMain.load());
        assertEquals(9, fromMain.queryOffset("g", "T", 0));
        assertFalse(Files.exists(Path.of(file + ".tmp")));
    }

    @Test
    void truncatedFileFallsBackToBak() throws IOException {
        Path file = dir.resolve("consumerOffset.json");
        ConsumerOffsetManager writer = manager(file);
        writer.commitOffset("c", "g", "T", 3, 42);
        writer.persist();
        writer.persist();
        // a crash mid-write of a non-atomic writer would leave half a file: the .bak still holds the table
        Files.writeString(file, "{\"offsetTable\":{\"T@g\":{3:", StandardCharsets.UTF_8);

        ConsumerOffsetManager reader = manager(file);
        assertTrue(reader.load());
        assertEquals(42, reader.queryOffset("g", "T", 3));
    }

    @Test
    void emptyFileFallsBackToBak() throws IOException {
        Path file = dir.resolve("consumerOffset.json");
        ConsumerOffsetManager writer = manager(file);
        writer.commitOffset("c", "g", "T", 1, 7);
        writer.persist();
        writer.persist();
        Files.writeString(file, "", StandardCharsets.UTF_8);

        ConsumerOffsetManager reader = manager(file);
        assertTrue(reader.load());
        assertEquals(7, reader.queryOffset("g", "T", 1));
    }

    @Test
    void noFileAtAllStartsEmpty() {
        ConsumerOffsetManager reader = manager(dir.resolve("absent.json"));
        assertTrue(reader.load());
        assertTrue(reader.getOffsetTable().isEmpty());
    }

    @Test
    void unreadableFileWithoutBakRefusesToLoad() throws IOException {
        Path file = dir.resolve("consumerOffset.json");
        Files.writeString(file, "not json at all", StandardCharsets.UTF_8);
        assertFalse(manager(file).load());
        assertEquals("not json at all", Files.readString(file), "the unreadable file must be left for the operator");
    }

    @Test
    void bothCopiesUnreadableRefusesToLoad() throws IOException {
        Path file = dir.resolve("consumerOffset.json");
        Files.writeString(file, "{", StandardCharsets.UTF_8);
        Files.writeString(Path.of(file + ".bak"), "[", StandardCharsets.UTF_8);
        assertFalse(manager(file).load());
    }
}
