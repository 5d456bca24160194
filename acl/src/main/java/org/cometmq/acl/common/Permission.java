package org.cometmq.acl.common;

import java.util.BitSet;
import org.cometmq.common.protocol.RequestCode;

/** Permission bits, their text form in {@code plain_acl.yml}, and which request codes need an admin account. */
public final class Permission {
    public static final byte DENY = 1;
    public static final byte ANY = 1 << 1;
    public static final byte PUB = 1 << 2;
    public static final byte SUB = 1 << 3;

    /**
     * Codes only admin accounts may send: 4.9.7's five (create/delete topic and group, broker config), plus what
     * CometMQ adds: the ACL management codes 50-54 and the store and offset maintenance codes.
     */
    private static final BitSet ADMIN_CODES = bits(RequestCode.UPDATE_AND_CREATE_TOPIC,
        RequestCode.UPDATE_BROKER_CONFIG, RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP,
        RequestCode.DELETE_SUBSCRIPTIONGROUP, RequestCode.DELETE_TOPIC_IN_BROKER,
        RequestCode.UPDATE_AND_CREATE_ACL_CONFIG, RequestCode.DELETE_ACL_CONFIG, RequestCode.GET_BROKER_CLUSTER_ACL_INFO,
        RequestCode.UPDATE_GLOBAL_WHITE_ADDRS_CONFIG, RequestCode.GET_BROKER_CLUSTER_ACL_CONFIG,
        RequestCode.CLEAN_EXPIRED_CONSUMEQUEUE, RequestCode.DELETE_EXPIRED_COMMITLOG, RequestCode.CLEAN_UNUSED_TOPIC,
        RequestCode.INVOKE_BROKER_TO_RESET_OFFSET);

    /** Name server codes that change its state; CometMQ name servers with ACL on need an admin account for them. */
    private static final BitSet NAMESRV_ADMIN_CODES = bits(RequestCode.UPDATE_NAMESRV_CONFIG,
        RequestCode.PUT_KV_CONFIG, RequestCode.DELETE_KV_CONFIG, RequestCode.DELETE_TOPIC_IN_NAMESRV,
        RequestCode.WIPE_WRITE_PERM_OF_BROKER, RequestCode.ADD_WRITE_PERM_OF_BROKER);

    private Permission() {
    }

    /** Request codes as a bit set: asked on every request, it answers without boxing the code. */
    private static BitSet bits(int... codes) {
        BitSet set = new BitSet();
        for (int code : codes) {
            set.set(code);
        }
        return set;
    }

    /** Bits of a permission text: {@code DENY}, {@code PUB}, {@code SUB}, {@code PUB|SUB}; anything else is DENY. */
    public static byte parsePermFromString(String permString) {
        if (permString == null) {
            return DENY;
        }
        switch (permString.trim()) {
            case "PUB":
                return PUB;
            case "SUB":
                return SUB;
            case "PUB|SUB":
            case "SUB|PUB":
                return PUB | SUB;
            default:
                return DENY;
        }
    }

    /** True when a text is one of the permission strings an ACL file may hold. */
    public static boolean isValidPermString(String permString) {
        if (permString == null) {
            return false;
        }
        String p = permString.trim();
        return p.equals("DENY") || p.equals("PUB") || p.equals("SUB") || p.equals("PUB|SUB") || p.equals("SUB|PUB");
    }

    /** Whether {@code ownedPerm} grants {@code neededPerm}; a DENY bit grants nothing. */
    public static boolean checkPermission(byte neededPerm, byte ownedPerm) {
        if ((ownedPerm & DENY) > 0) {
            return false;
        }
        if ((neededPerm & ANY) > 0) {
            return (ownedPerm & PUB) > 0 || (ownedPerm & SUB) > 0;
        }
        return (neededPerm & ownedPerm) > 0;
    }

    public static boolean needAdminPerm(int code) {
        return code >= 0 && ADMIN_CODES.get(code);
    }

    public static boolean needNamesrvAdminPerm(int code) {
        return code >= 0 && NAMESRV_ADMIN_CODES.get(code);
    }
}
