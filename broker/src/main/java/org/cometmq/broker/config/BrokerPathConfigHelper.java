package org.cometmq.broker.config;

import java.io.File;

/** Where the broker keeps its JSON tables: {@code <storePathRootDir>/config/}. */
public final class BrokerPathConfigHelper {
    private BrokerPathConfigHelper() {
    }

    public static String getTopicConfigPath(String rootDir) {
        return configDir(rootDir) + "topics.json";
    }

    public static String getConsumerOffsetPath(String rootDir) {
        return configDir(rootDir) + "consumerOffset.json";
    }

    public static String getConsumerFilterPath(String rootDir) {
        return configDir(rootDir) + "consumerFilter.json";
    }

    public static String getSubscriptionGroupPath(String rootDir) {
        return configDir(rootDir) + "subscriptionGroup.json";
    }

    /** Where UPDATE_BROKER_CONFIG keeps the changed settings. */
    public static String getBrokerConfigPath(String rootDir) {
        return configDir(rootDir) + "broker.properties";
    }

    private static String configDir(String rootDir) {
        return rootDir + File.separator + "config" + File.separator;
    }
}
