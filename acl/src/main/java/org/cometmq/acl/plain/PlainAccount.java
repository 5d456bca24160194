package org.cometmq.acl.plain;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cometmq.acl.common.AclConstants;
import org.cometmq.acl.common.AclException;
import org.cometmq.acl.common.Permission;
import org.cometmq.common.PlainAccessConfig;

/** One account of the ACL compiled for checking: address strategy, permission bits by resource, defaults. */
final class PlainAccount {
    private final String accessKey;
    private final String secretKey;
    private final RemoteAddressStrategy whiteRemoteAddress;
    private final boolean admin;
    private final byte defaultTopicPerm;
    private final byte defaultGroupPerm;
    /** Topic names, and groups as {@code %RETRY%group}, to their permission bits. */
    private final Map<String, Byte> resourcePerms;

    private PlainAccount(PlainAccessConfig config, Map<String, Byte> resourcePerms) {
        this.accessKey = config.getAccessKey();
        this.secretKey = config.getSecretKey();
        this.whiteRemoteAddress = RemoteAddressStrategyFactory.getRemoteAddressStrategy(config.getWhiteRemoteAddress());
        this.admin = config.isAdmin();
        this.defaultTopicPerm = Permission.parsePermFromString(config.getDefaultTopicPerm());
        this.defaultGroupPerm = Permission.parsePermFromString(config.getDefaultGroupPerm());
        this.resourcePerms = Collections.unmodifiableMap(resourcePerms);
    }

    /** Compiles {@code config}; throws AclException for short keys, bad address patterns or bad list entries. */
    static PlainAccount compile(PlainAccessConfig config) {
        checkKeys(config.getAccessKey(), config.getSecretKey());
        Map<String, Byte> perms = new HashMap<>();
        putPerms(perms, config.getTopicPerms(), false);
        putPerms(perms, config.getGroupPerms(), true);
        return new PlainAccount(config, perms);
    }

    /** Stricter check for remote updates: every permission text must be one of the valid ones. */
    static void checkPermStrings(PlainAccessConfig config) {
        for (String perm : new String[] {config.getDefaultTopicPerm(), config.getDefaultGroupPerm()}) {
            if (perm != null && !Permission.isValidPermString(perm)) {
                throw new AclException("Parse permission error for " + perm + ": use DENY, PUB, SUB or PUB|SUB");
            }
        }
        for (List<String> entries : List.of(orEmpty(config.getTopicPerms()), orEmpty(config.getGroupPerms()))) {
            for (String entry : entries) {
                String[] kv = entry.split("=");
                if (kv.length != 2 || !Permission.isValidPermString(kv[1])) {
                    throw new AclException("Parse resource permission error for " + entry
                        + ": expected name=PERM with PERM one of DENY, PUB, SUB, PUB|SUB");
                }
            }
        }
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }

    static void checkKeys(String accessKey, String secretKey) {
        if (accessKey == null || secretKey == null || accessKey.length() < AclConstants.ACCESS_KEY_MIN_LENGTH
            || secretKey.length() < AclConstants.ACCESS_KEY_MIN_LENGTH) {
            throw new AclException("The accessKey=" + accessKey
                + " and secretKey cannot be null and length should longer than 6");
        }
    }

    private static void putPerms(Map<String, Byte> perms, List<String> entries, boolean group) {
        if (entries == null) {
            return;
        }
        for (String entry : entries) {
            String[] kv = entry == null ? new String[0] : entry.split("=");
            if (kv.length != 2 || kv[0].trim().isEmpty()) {
                throw new AclException("Parse resource permission failed for " + entry
                    + ": expected name=PERM with PERM one of DENY, PUB, SUB, PUB|SUB");
            }
            String name = kv[0].trim();
            perms.put(group ? PlainAccessResource.getRetryTopic(name) : name, Permission.parsePermFromString(kv[1]));
        }
    }

    String accessKey() {
        return accessKey;
    }

    String secretKey() {
        return secretKey;
    }

    boolean whiteListed(String ip) {
        return whiteRemoteAddress.match(ip);
    }

    boolean admin() {
        return admin;
    }

    boolean hasResourceLists() {
        return !resourcePerms.isEmpty();
    }

    /** The account's bits for {@code resource}: its list entry, else the group or topic default. */
    byte ownedPerm(String resource) {
        Byte listed = resourcePerms.get(resource);
        if (listed != null) {
            return listed;
        }
        return PlainAccessResource.isRetryTopic(resource) ? defaultGroupPerm : defaultTopicPerm;
    }
}
