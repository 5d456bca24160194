package org.cometmq.common.config;

import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which settings a remote UPDATE_BROKER_CONFIG / UPDATE_NAMESRV_CONFIG may not change: every key that names a file,
 * a directory, the installation or a command, so that no request can make a server write, read or run something
 * outside what its operator configured (CVE-2023-33246, CVE-2023-37582). A key is refused when it is listed below
 * or when its name says it holds a location or a secret: it contains {@code path}, {@code password} or
 * {@code secret}, or ends
 * in {@code dir}, {@code file}, {@code files}, {@code home}, {@code command} or {@code cmd} (case-insensitive), so
 * keys added later are covered too. The ACL and TLS switches are refused as well. Such settings change only through the config file and a
 * restart.
 */
public final class RemoteConfigGuard {
    /** Named explicitly, whatever their name looks like; the last ones switch security off. */
    private static final Set<String> ALWAYS_REFUSED = Set.of("rocketmqHome", "cometHome", "storePathRootDir",
        "storePathCommitLog", "brokerConfigPath", "configStorePath", "kvConfigPath", "configBlackList",
        "aclEnable", "useTLS", "tlsTrustAll", "tlsNeedClientAuth", "innerAccessKey");
    private static final String[] LOCATION_SUFFIXES = {"dir", "file", "files", "home", "command", "cmd"};

    /** What a refusal's remark starts with (4.9.7's name server uses it for its two path keys). */
    public static final String REMARK_PREFIX = "Can not update config path";

    private RemoteConfigGuard() {
    }

    /** Whether {@code key} names a location and so may not be changed remotely. */
    public static boolean isLocationKey(String key) {
        String k = key.trim();
        if (ALWAYS_REFUSED.contains(k)) {
            return true;
        }
        String lower = k.toLowerCase(Locale.ROOT);
        if (lower.contains("path") || lower.contains("password") || lower.contains("secret")) {
            return true;
        }
        for (String suffix : LOCATION_SUFFIXES) {
            if (lower.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** The refused keys of {@code properties}, sorted; empty when the update may go ahead. */
    public static Set<String> refusedKeys(Properties properties) {
        Set<String> refused = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (isLocationKey(key)) {
                refused.add(key.trim());
            }
        }
        return refused;
    }

    /** The remark of a refusal: names the keys and says how to change them instead. */
    public static String refusalRemark(Set<String> refused) {
        return REMARK_PREFIX + ": " + String.join(", ", refused) + " names a file, directory, command or security setting"
            + " and cannot be changed remotely; edit the server's config file and restart it";
    }
}
