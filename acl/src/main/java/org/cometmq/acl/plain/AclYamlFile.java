package org.cometmq.acl.plain;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cometmq.acl.common.AclConstants;
import org.cometmq.acl.common.AclException;
import org.cometmq.common.DataVersion;
import org.cometmq.common.PlainAccessConfig;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads and writes one {@code plain_acl.yml}-style file; writes go to a temp file renamed over the original. */
final class AclYamlFile {

    private AclYamlFile() {
    }

    /** Parses {@code path}; an empty file is an empty ACL. Throws AclException saying what is wrong. */
    static AclFileContent read(Path path) {
        Object root;
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new AclException("cannot read ACL file " + path + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new AclException("ACL file " + path + " is not valid YAML: " + firstLine(e.getMessage()), e);
        }
        if (root == null) {
            return new AclFileContent(path.toString(), List.of(), List.of(), new DataVersion());
        }
        if (!(root instanceof Map)) {
            throw new AclException("ACL file " + path + " must hold a YAML map with globalWhiteRemoteAddresses and accounts");
        }
        Map<?, ?> map = (Map<?, ?>) root;
        List<String> global = strings(map.get(AclConstants.CONFIG_GLOBAL_WHITE_ADDRS), path, "globalWhiteRemoteAddresses");
        List<PlainAccessConfig> accounts = new ArrayList<>();
        for (Object account : list(map.get(AclConstants.CONFIG_ACCOUNTS), path, "accounts")) {
            if (!(account instanceof Map)) {
                throw new AclException("ACL file " + path + ": every entry of accounts must be a map, found " + account);
            }
            accounts.add(account((Map<?, ?>) account, path));
        }
        return new AclFileContent(path.toString(), global, accounts, dataVersion(map.get(AclConstants.CONFIG_DATA_VERSION)));
    }

    private static PlainAccessConfig account(Map<?, ?> m, Path path) {
        PlainAccessConfig c = new PlainAccessConfig();
        c.setAccessKey(text(m.get(AclConstants.CONFIG_ACCESS_KEY)));
        c.setSecretKey(text(m.get(AclConstants.CONFIG_SECRET_KEY)));
        c.setWhiteRemoteAddress(text(m.get(AclConstants.CONFIG_WHITE_ADDR)));
        c.setAdmin(Boolean.parseBoolean(text(m.get(AclConstants.CONFIG_ADMIN_ROLE))));
        c.setDefaultTopicPerm(text(m.get(AclConstants.CONFIG_DEFAULT_TOPIC_PERM)));
        c.setDefaultGroupPerm(text(m.get(AclConstants.CONFIG_DEFAULT_GROUP_PERM)));
        c.setTopicPerms(strings(m.get(AclConstants.CONFIG_TOPIC_PERMS), path, "topicPerms"));
        c.setGroupPerms(strings(m.get(AclConstants.CONFIG_GROUP_PERMS), path, "groupPerms"));
        return c;
    }

    private static DataVersion dataVersion(Object value) {
        DataVersion version = new DataVersion();
        if (value instanceof List && !((List<?>) value).isEmpty() && ((List<?>) value).get(0) instanceof Map) {
            Map<?, ?> m = (Map<?, ?>) ((List<?>) value).get(0);
            version.getCounter().set(number(m.get(AclConstants.CONFIG_COUNTER), 0));
            version.setTimestamp(number(m.get(AclConstants.CONFIG_TIME_STAMP), version.getTimestamp()));
        }
        return version;
    }

    private static long number(Object value, long fallback) {
        try {
            return value == null ? fallback : Long.parseLong(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static List<?> list(Object value, Path path, String key) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List)) {
            throw new AclException("ACL file " + path + ": " + key + " must be a list, found " + value);
        }
        return (List<?>) value;
    }

    private static List<String> strings(Object value, Path path, String key) {
        List<String> out = new ArrayList<>();
        for (Object item : list(value, path, key)) {
            if (item != null && !String.valueOf(item).isBlank()) {
                out.add(String.valueOf(item).trim());
            }
        }
        return out;
    }

    private static String text(Object value) {
        if (value == null || String.valueOf(value).isBlank()) {
            return null;
        }
        return String.valueOf(value).trim();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl) + " " + message.substring(nl + 1).replace('\n', ' ');
    }

    /** Writes {@code content} to {@code path} through a temp file in the same folder and an atomic rename. */
    static void write(Path path, Collection<String> globalWhiteAddrs, List<PlainAccessConfig> accounts,
                      DataVersion dataVersion) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put(AclConstants.CONFIG_GLOBAL_WHITE_ADDRS, new ArrayList<>(globalWhiteAddrs));
        List<Map<String, Object>> list = new ArrayList<>();
        for (PlainAccessConfig account : accounts) {
            list.add(toMap(account));
        }
        root.put(AclConstants.CONFIG_ACCOUNTS, list);
        Map<String, Object> version = new LinkedHashMap<>();
        version.put(AclConstants.CONFIG_COUNTER, dataVersion.getCounter().get());
        version.put(AclConstants.CONFIG_TIME_STAMP, dataVersion.getTimestamp());
        root.put(AclConstants.CONFIG_DATA_VERSION, List.of(version));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Path temp = path.resolveSibling(path.getFileName() + ".tmp");
        try {
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                new Yaml(options).dump(root, writer);
            }
            try {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new AclException("cannot write ACL file " + path + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> toMap(PlainAccessConfig a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(AclConstants.CONFIG_ACCESS_KEY, a.getAccessKey());
        m.put(AclConstants.CONFIG_SECRET_KEY, a.getSecretKey());
        putIfSet(m, AclConstants.CONFIG_WHITE_ADDR, a.getWhiteRemoteAddress());
        m.put(AclConstants.CONFIG_ADMIN_ROLE, a.isAdmin());
        putIfSet(m, AclConstants.CONFIG_DEFAULT_TOPIC_PERM, a.getDefaultTopicPerm());
        putIfSet(m, AclConstants.CONFIG_DEFAULT_GROUP_PERM, a.getDefaultGroupPerm());
        if (a.getTopicPerms() != null && !a.getTopicPerms().isEmpty()) {
            m.put(AclConstants.CONFIG_TOPIC_PERMS, new ArrayList<>(a.getTopicPerms()));
        }
        if (a.getGroupPerms() != null && !a.getGroupPerms().isEmpty()) {
            m.put(AclConstants.CONFIG_GROUP_PERMS, new ArrayList<>(a.getGroupPerms()));
        }
        return m;
    }

    private static void putIfSet(Map<String, Object> m, String key, String value) {
        if (value != null && !value.isEmpty()) {
            m.put(key, value);
        }
    }
}
