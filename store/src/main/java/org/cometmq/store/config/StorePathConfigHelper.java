package org.cometmq.store.config;

import java.io.File;

/** The fixed layout of a store directory (spec 7.1). */
public final class StorePathConfigHelper {

    private StorePathConfigHelper() {
    }

    public static String getStorePathCommitLog(String rootDir) {
        return rootDir + File.separator + "commitlog";
    }

    public static String getStorePathConsumeQueue(String rootDir) {
        return rootDir + File.separator + "consumequeue";
    }

    public static String getStorePathIndex(String rootDir) {
        return rootDir + File.separator + "index";
    }

    public static String getStoreCheckpoint(String rootDir) {
        return rootDir + File.separator + "checkpoint";
    }

    public static String getAbortFile(String rootDir) {
        return rootDir + File.separator + "abort";
    }

    public static String getLockFile(String rootDir) {
        return rootDir + File.separator + "lock";
    }

    public static String getDelayOffsetStorePath(String rootDir) {
        return rootDir + File.separator + "config" + File.separator + "delayOffset.json";
    }
}
