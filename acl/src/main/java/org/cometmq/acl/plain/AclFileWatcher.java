package org.cometmq.acl.plain;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads the ACL files when one changes, is added or is removed: polls their modification times every
 * {@code intervalMillis} (4.9.7: 5000 ms) on one daemon thread, {@code AclFileWatcher}.
 */
public class AclFileWatcher implements Runnable {
    public static final long DEFAULT_INTERVAL_MILLIS = 5000;
    private static final Logger log = LoggerFactory.getLogger(AclFileWatcher.class);
    private static final long JOIN_MILLIS = 3000;

    private final PlainPermissionManager manager;
    private final long intervalMillis;
    private final Thread thread;
    private volatile boolean stopped;
    private Map<Path, String> lastSeen;

    public AclFileWatcher(PlainPermissionManager manager, long intervalMillis) {
        this.manager = manager;
        this.intervalMillis = intervalMillis;
        this.thread = new Thread(this, "AclFileWatcher");
        this.thread.setDaemon(true);
    }

    public void start() {
        lastSeen = manager.fingerprint();
        thread.start();
        log.info("watching ACL files {} every {} ms", lastSeen.keySet(), intervalMillis);
    }

    @Override
    public void run() {
        while (!stopped) {
            try {
                TimeUnit.MILLISECONDS.sleep(intervalMillis);
                checkOnce();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("checking the ACL files failed, will retry: {}", e.toString());
            }
        }
    }

    /** Reloads when the files' modification times differ from the last check. */
    void checkOnce() {
        Map<Path, String> now = manager.fingerprint();
        if (!now.equals(lastSeen)) {
            lastSeen = now;
            manager.reload();
        }
    }

    public void shutdown() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
