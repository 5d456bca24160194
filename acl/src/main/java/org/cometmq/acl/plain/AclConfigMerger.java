package org.cometmq.acl.plain;

import java.util.ArrayList;
import org.cometmq.common.PlainAccessConfig;

/** Applies a remote account update to the stored account: fields the update leaves null keep their stored value. */
final class AclConfigMerger {

    private AclConfigMerger() {
    }

    /** A new account from {@code stored} (may be null) overlaid with the non-null fields of {@code update}. */
    static PlainAccessConfig merge(PlainAccessConfig stored, PlainAccessConfig update) {
        PlainAccessConfig base = stored == null ? new PlainAccessConfig() : stored;
        PlainAccessConfig out = new PlainAccessConfig();
        out.setAccessKey(pick(update.getAccessKey(), base.getAccessKey()));
        out.setSecretKey(pick(update.getSecretKey(), base.getSecretKey()));
        out.setWhiteRemoteAddress(pick(update.getWhiteRemoteAddress(), base.getWhiteRemoteAddress()));
        out.setAdmin(update.isAdmin());
        out.setDefaultTopicPerm(pick(update.getDefaultTopicPerm(), base.getDefaultTopicPerm()));
        out.setDefaultGroupPerm(pick(update.getDefaultGroupPerm(), base.getDefaultGroupPerm()));
        out.setTopicPerms(update.getTopicPerms() != null ? new ArrayList<>(update.getTopicPerms())
            : base.getTopicPerms() == null ? null : new ArrayList<>(base.getTopicPerms()));
        out.setGroupPerms(update.getGroupPerms() != null ? new ArrayList<>(update.getGroupPerms())
            : base.getGroupPerms() == null ? null : new ArrayList<>(base.getGroupPerms()));
        return out;
    }

    private static <T> T pick(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
