package org.cometmq.namesrv.kvconfig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cometmq.common.protocol.body.KVTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KVConfigManagerTest {
    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("namesrv").resolve("kvConfig.json");
    }

    @Test
    void putGetDeleteAndNamespaceList() {
        KVConfigManager kv = new KVConfigManager(file().toString());
        kv.load();
        kv.putKVConfig("ORDER_TOPIC_CONFIG", "TopicA", "broker-a:4;broker-b:4");
        kv.putKVConfig("ns2", "k", "v1");
        kv.putKVConfig("ns2", "k", "v2");

        assertEquals("broker-a:4;broker-b:4", kv.getKVConfig("ORDER_TOPIC_CONFIG", "TopicA"));
        assertEquals("v2", kv.getKVConfig("ns2", "k"));
        assertNull(kv.getKVConfig("ns2", "missing"));
        assertNull(kv.getKVConfig("missing", "k"));
        assertArrayEquals("{\"table\":{\"k\":\"v2\"}}".getBytes(StandardCharsets.UTF_8), kv.getKVListByNamespace("ns2"));
        assertNull(kv.getKVListByNamespace("missing"));

        kv.deleteKVConfig("ns2", "k");
        kv.deleteKVConfig("ns2", "never-there");
        assertNull(kv.getKVConfig("ns2", "k"));
        assertNull(kv.getKVTable("ns2"), "an emptied namespace disappears");
    }

    @Test
    void everyChangeIsPersistedAndReloaded() throws IOException {
        KVConfigManager kv = new KVConfigManager(file().toString());
        kv.load();
        kv.putKVConfig("ns", "a", "1");
        kv.putKVConfig("ns", "b", "2");
        kv.deleteKVConfig("ns", "a");

        String json = Files.readString(file());
        assertEquals("{\"configTable\":{\"ns\":{\"b\":\"2\"}}}", json.replaceAll("\\s", ""));
        assertTrue(Files.exists(dir.resolve("namesrv").resolve("kvConfig.json.bak")), "previous file kept as .bak");
        assertFalse(Files.exists(dir.resolve("namesrv").resolve("kvConfig.json.tmp")));

        KVConfigManager reloaded = new KVConfigManager(file().toString());
        reloaded.load();
        KVTable table = reloaded.getKVTable("ns");
        assertEquals(Map.of("b", "2"), table.getTable());
    }

    @Test
    void loadFallsBackToBackupWhenTheFileIsCorrupt() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\"configTable\":{\"ns\":{\"k\":");
        Files.writeString(Path.of(file() + ".bak"), "{\"configTable\":{\"ns\":{\"k\":\"fromBak\"}}}");

        KVConfigManager kv = new KVConfigManager(file().toString());
        kv.load();
        assertEquals("fromBak", kv.getKVConfig("ns", "k"));
    }

    @Test
    void loadRefusesACorruptFileWithoutBackup() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "not json at all");
        KVConfigManager kv = new KVConfigManager(file().toString());
        IllegalStateException e = assertThrows(IllegalStateException.class, kv::load);
        assertTrue(e.getMessage().contains(file().toString()), e.getMessage());
        assertEquals("not json at all", Files.readString(file()), "broken file left for the operator");
    }

    @Test
    void failedWriteLeavesTheTableUnchanged() throws IOException {
        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "a file where a directory is needed");
        KVConfigManager kv = new KVConfigManager(blocker.resolve("kvConfig.json").toString());

        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> kv.putKVConfig("ns", "k", "v"));
        assertTrue(e.getMessage().contains("kvConfig.json"), e.getMessage());
        assertNull(kv.getKVConfig("ns", "k"));
        assertNull(kv.getKVTable("ns"));
    }
}
