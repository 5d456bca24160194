package org.cometmq.namesrv.kvconfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.cometmq.common.MixAll;
import org.cometmq.common.protocol.body.KVTable;
import org.cometmq.remoting.protocol.RemotingSerializable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Namespaced key-value settings kept by the name server (for example ORDER_TOPIC_CONFIG: topic -> order
 * config). Every change is persisted at once to {@code kvConfigPath} as JSON, written to a temp file and
 * renamed with the previous file kept as {@code .bak}; {@link #load()} falls back to the {@code .bak}.
 */
public class KVConfigManager {
    private static final Logger log = LoggerFactory.getLogger(KVConfigManager.class);

    private final String kvConfigPath;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final HashMap<String, HashMap<String, String>> configTable = new HashMap<>();

    public KVConfigManager(String kvConfigPath) {
        this.kvConfigPath = kvConfigPath;
    }

    /**
     * Reads the persisted table (or its {@code .bak} when the file is missing or unreadable).
     *
     * @throws IllegalStateException when a file exists but neither it nor the backup parses, so a broken file
     *                               is never silently overwritten by the next change
     */
    public void load() {
        String json = MixAll.file2String(kvConfigPath);
        KVConfigSerializeWrapper wrapper = parse(json, kvConfigPath);
        if (wrapper == null) {
            String backup = kvConfigPath + ".bak";
            wrapper = parse(MixAll.file2String(backup), backup);
            if (wrapper == null && json != null && !json.isBlank()) {
                throw new IllegalStateException("KV config file " + kvConfigPath
                    + " is not valid JSON and has no usable .bak: fix or remove it");
            }
        }
        if (wrapper != null && wrapper.getConfigTable() != null) {
            Lock writeLock = lock.writeLock();
            writeLock.lock();
            try {
                wrapper.getConfigTable().forEach((ns, kv) -> configTable.put(ns, new HashMap<>(kv)));
            } finally {
                writeLock.unlock();
            }
            log.info("loaded KV config from {}: {} namespaces", kvConfigPath, wrapper.getConfigTable().size());
        }
    }

    private static KVConfigSerializeWrapper parse(String json, String fileName) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return RemotingSerializable.fromJson(json, KVConfigSerializeWrapper.class);
        } catch (RuntimeException e) {
            log.warn("KV config file {} does not parse: {}", fileName, e.toString());
            return null;
        }
    }

    /**
     * Sets one value and persists the table.
     *
     * @throws UncheckedIOException when the file cannot be written; the table is then left as it was
     */
    public void putKVConfig(String namespace, String key, String value) {
        Lock writeLock = lock.writeLock();
        writeLock.lock();
        try {
            String old = configTable.computeIfAbsent(namespace, k -> new HashMap<>()).put(key, value);
            try {
                persistLocked();
            } catch (UncheckedIOException e) {
                restoreLocked(namespace, key, old);
                throw e;
            }
            log.info("KV config {} {}: {}={}", old == null ? "added" : "updated", namespace, key, value);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Removes one value (absent values are ignored) and persists the table.
     *
     * @throws UncheckedIOException when the file cannot be written; the table is then left as it was
     */
    public void deleteKVConfig(String namespace, String key) {
        Lock writeLock = lock.writeLock();
        writeLock.lock();
        try {
            HashMap<String, String> kv = configTable.get(namespace);
            String old = kv == null ? null : kv.remove(key);
            if (old == null) {
                return;
            }
            if (kv.isEmpty()) {
                configTable.remove(namespace);
            }
            try {
                persistLocked();
            } catch (UncheckedIOException e) {
                restoreLocked(namespace, key, old);
                throw e;
            }
            log.info("KV config deleted {}: {}", namespace, key);
        } finally {
            writeLock.unlock();
        }
    }

    private void restoreLocked(String namespace, String key, String previous) {
        HashMap<String, String> kv = configTable.computeIfAbsent(namespace, k -> new HashMap<>());
        if (previous == null) {
            kv.remove(key);
        } else {
            kv.put(key, previous);
        }
        if (kv.isEmpty()) {
            configTable.remove(namespace);
        }
    }

    /** The value, or null when the namespace or key is absent. */
    public String getKVConfig(String namespace, String key) {
        Lock readLock = lock.readLock();
        readLock.lock();
        try {
            HashMap<String, String> kv = configTable.get(namespace);
            return kv == null ? null : kv.get(key);
        } finally {
            readLock.unlock();
        }
    }

    /** A copy of the namespace as a {@link KVTable}, or null when the namespace is absent. */
    public KVTable getKVTable(String namespace) {
        Lock readLock = lock.readLock();
        readLock.lock();
        try {
            HashMap<String, String> kv = configTable.get(namespace);
            if (kv == null) {
                return null;
            }
            KVTable table = new KVTable();
            table.setTable(new HashMap<>(kv));
            return table;
        } finally {
            readLock.unlock();
        }
    }

    /** The namespace as KVTable JSON bytes, or null when the namespace is absent. */
    public byte[] getKVListByNamespace(String namespace) {
        KVTable table = getKVTable(namespace);
        return table == null ? null : table.encode();
    }

    /** Called with the write lock held, so the file always matches the table after a change. */
    private void persistLocked() {
        KVConfigSerializeWrapper wrapper = new KVConfigSerializeWrapper();
        wrapper.setConfigTable(configTable);
        String json = wrapper.toJson(true);
        try {
            MixAll.string2File(json, kvConfigPath);
        } catch (IOException e) {
            log.error("could not persist KV config to {}: {}", kvConfigPath, e.toString());
            throw new UncheckedIOException("could not write KV config file " + kvConfigPath + ": " + e, e);
        }
    }

    /** Logs every namespace and entry (run periodically so operators can see the table in the log). */
    public void printAllPeriodically() {
        Lock readLock = lock.readLock();
        readLock.lock();
        try {
            log.info("--------------------------------------------------------");
            log.info("KV config: {} namespaces", configTable.size());
            for (Map.Entry<String, HashMap<String, String>> ns : configTable.entrySet()) {
                ns.getValue().forEach((k, v) -> log.info("KV config {}: {}={}", ns.getKey(), k, v));
            }
        } finally {
            readLock.unlock();
        }
    }
}
