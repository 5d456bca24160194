package org.cometmq.broker.offset;

import org.cometmq.broker.config.ConfigManager;
import org.cometmq.common.ServiceThread;

/** Writes the committed consumer offsets to disk every interval, and once more when stopped. */
public class ConsumerOffsetPersistService extends ServiceThread {
    private final ConfigManager offsets;
    private final long intervalMillis;

    public ConsumerOffsetPersistService(ConfigManager offsets, long intervalMillis) {
        this.offsets = offsets;
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
            offsets.persist();
        }
        offsets.persist();
    }
}
