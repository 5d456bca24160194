package org.cometmq.broker.config;

import java.io.IOException;
import org.cometmq.common.MixAll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of the broker's JSON-persisted tables (topics, groups, offsets). {@link #persist()} writes a temp file and
 * renames it over the old one, keeping the previous content as {@code .bak}; {@link #load()} falls back to the
 * {@code .bak} when the file is missing, empty or unreadable, so a crash mid-write loses nothing.
 */
public abstract class ConfigManager {
    private static final Logger log = LoggerFactory.getLogger(ConfigManager.class);

    /** Full path of the JSON file. */
    public abstract String configFilePath();

    /** The table as JSON. */
    public abstract String encode(boolean prettyFormat);

    /**
     * Replaces the table with the one in {@code json}.
     *
     * @throws RuntimeException when {@code json} is not a valid table
     */
    protected abstract void decode(String json);

    /**
     * Reads the file, or its {@code .bak} when the file is absent or invalid. A broker without either starts
     * empty. Returns false only when content exists but neither copy can be read, so nothing is overwritten.
     */
    public boolean load() {
        String path = configFilePath();
        String json = MixAll.file2String(path);
        if (json != null && !json.isBlank()) {
            if (tryDecode(json, path)) {
                return true;
            }
        }
        String bakPath = path + ".bak";
        String bak = MixAll.file2String(bakPath);
        if (bak == null || bak.isBlank()) {
            boolean fresh = json == null || json.isBlank();
            if (!fresh) {
                log.error("{} is unreadable and has no {}.bak: refusing to start with an empty table; fix or remove it",
                    path, path);
            }
            return fresh;
        }
        if (tryDecode(bak, bakPath)) {
            log.warn("loaded {} from its backup {}", path, bakPath);
            return true;
        }
        log.error("neither {} nor {} holds a readable table: fix or remove them", path, bakPath);
        return false;
    }

    private boolean tryDecode(String json, String path) {
        try {
            decode(json);
            log.info("loaded {}", path);
            return true;
        } catch (RuntimeException e) {
            log.warn("cannot read {}: {}", path, e.toString());
            return false;
        }
    }

    /** Writes the table atomically; an I/O failure is logged and the previous file stays intact. */
    public synchronized void persist() {
        String json = encode(true);
        if (json == null) {
            return;
        }
        try {
            MixAll.string2File(json, configFilePath());
        } catch (IOException e) {
            log.error("persisting {} failed; the previous version is kept: {}", configFilePath(), e.toString());
        }
    }
}
