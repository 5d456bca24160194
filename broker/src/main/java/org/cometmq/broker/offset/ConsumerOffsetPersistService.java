package org.cometmq.broker.offset;

import java.util.List;
import org.cometmq.broker.config.ConfigManager;
import org.cometmq.common.ServiceThread;

/**
 * Writes the committed consumer offsets (and the tables that go with them, such as the SQL92 filters) to disk
 * every interval, and once more when stopped.
 */
public class ConsumerOffsetPersistService extends ServiceThread {
    private final List<ConfigManager> tables;
    private final long intervalMillis;

    public ConsumerOffsetPersistService(ConfigManager offsets, long intervalMillis) {
        this(List.of(offsets), intervalMillis);
    }

    public ConsumerOffsetPersistService(List<ConfigManager> tables, long intervalMillis) {
        this.tables = List.copyOf(tables);
        this.intervalMillis = intervalMillis;
        setDaemon(true);
    }

    @Override
    public String getServiceName() {
        return "ConsumerOffsetPersistService";
    }

    @Override
    public void run() {
        while (!isStopped()) {
            waitForRunning(intervalMillis);
            tables.forEach(ConfigManager::persist);
        }
        tables.forEach(ConfigManager::persist);
    }
}
