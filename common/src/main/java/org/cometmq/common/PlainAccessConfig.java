package org.cometmq.common;

import java.util.List;
import java.util.Objects;

/**
 * One account of the plain ACL as it travels between mqadmin, the admin API and the broker: access key, secret,
 * the address pattern that may skip signing, the admin flag, default permissions and the per-resource lists
 * ({@code name=PERM} entries).
 */
public class PlainAccessConfig {
    private String accessKey;
    private String secretKey;
    private String whiteRemoteAddress;
    private boolean admin;
    private String defaultTopicPerm;
    private String defaultGroupPerm;
    private List<String> topicPerms;
    private List<String> groupPerms;

    public String getAccessKey() {
        return accessKey;
    }

    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public String getWhiteRemoteAddress() {
        return whiteRemoteAddress;
    }

    public void setWhiteRemoteAddress(String whiteRemoteAddress) {
        this.whiteRemoteAddress = whiteRemoteAddress;
    }

    public boolean isAdmin() {
        return admin;
    }

    public void setAdmin(boolean admin) {
        this.admin = admin;
    }

    public String getDefaultTopicPerm() {
        return defaultTopicPerm;
    }

    public void setDefaultTopicPerm(String defaultTopicPerm) {
        this.defaultTopicPerm = defaultTopicPerm;
    }

    public String getDefaultGroupPerm() {
        return defaultGroupPerm;
    }

    public void setDefaultGroupPerm(String defaultGroupPerm) {
        this.defaultGroupPerm = defaultGroupPerm;
    }

    public List<String> getTopicPerms() {
        return topicPerms;
    }

    public void setTopicPerms(List<String> topicPerms) {
        this.topicPerms = topicPerms;
    }

    public List<String> getGroupPerms() {
        return groupPerms;
    }

    public void setGroupPerms(List<String> groupPerms) {
        this.groupPerms = groupPerms;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PlainAccessConfig)) {
            return false;
        }
        PlainAccessConfig that = (PlainAccessConfig) o;
        return admin == that.admin && Objects.equals(accessKey, that.accessKey)
            && Objects.equals(secretKey, that.secretKey) && Objects.equals(whiteRemoteAddress, that.whiteRemoteAddress)
            && Objects.equals(defaultTopicPerm, that.defaultTopicPerm)
            && Objects.equals(defaultGroupPerm, that.defaultGroupPerm) && Objects.equals(topicPerms, that.topicPerms)
            && Objects.equals(groupPerms, that.groupPerms);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accessKey, secretKey, whiteRemoteAddress, admin, defaultTopicPerm, defaultGroupPerm,
            topicPerms, groupPerms);
    }

    /** Never shows the secret key. */
    @Override
    public String toString() {
        return "PlainAccessConfig{accessKey='" + accessKey + "', whiteRemoteAddress='" + whiteRemoteAddress
            + "', admin=" + admin + ", defaultTopicPerm='" + defaultTopicPerm + "', defaultGroupPerm='"
            + defaultGroupPerm + "', topicPerms=" + topicPerms + ", groupPerms=" + groupPerms + '}';
    }
}
