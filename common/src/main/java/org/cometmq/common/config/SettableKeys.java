package org.cometmq.common.config;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;

/**
 * The keys a config file or a remote config update can set on settings beans: one per public one-argument
 * {@code setXxx} method, named as {@code MixAll.properties2Object} matches them, whether or not the setting
 * currently has a value.
 */
public final class SettableKeys {

    private SettableKeys() {
    }

    /** The settable keys of all {@code beans}, sorted. */
    public static Set<String> of(Object... beans) {
        Set<String> keys = new TreeSet<>();
        for (Object bean : beans) {
            for (Method method : bean.getClass().getMethods()) {
                String name = method.getName();
                if (name.startsWith("set") && name.length() > 3 && method.getParameterCount() == 1) {
                    keys.add(Character.toLowerCase(name.charAt(3)) + name.substring(4));
                }
            }
        }
        return keys;
    }

    /** Why a remote update refuses {@code key}, a 4.9.7 setting the server reports but does not implement. */
    public static String notImplementedReason(String key) {
        return key + " is a RocketMQ 4.9.7 setting that CometMQ does not implement: setting it would change nothing";
    }
}
