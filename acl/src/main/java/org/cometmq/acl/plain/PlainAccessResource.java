package org.cometmq.acl.plain;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cometmq.acl.AccessResource;
import org.cometmq.common.MixAll;

/**
 * One request as the plain validator sees it: peer IP, request code, the credentials it carries, the bytes it signed
 * (with and without {@code _UNIQUE_KEY_QUERY}), and the permissions it needs. Resource names of groups are stored as
 * the group's retry topic ({@code %RETRY%group}), as 4.9.7 does.
 */
public class PlainAccessResource implements AccessResource {
    private String accessKey;
    private String signature;
    private String secretToken;
    private String whiteRemoteAddress;
    private int requestCode;
    private byte[] content;
    /** The signed bytes if the client also signed {@code _UNIQUE_KEY_QUERY}; null when the request has no such field. */
    private byte[] contentWithUniqueKeyQuery;
    private final Map<String, Byte> resourcePermMap = new LinkedHashMap<>();

    public void addResourceAndPerm(String resource, byte perm) {
        if (resource == null || resource.isEmpty()) {
            return;
        }
        resourcePermMap.merge(resource, perm, (a, b) -> (byte) (a | b));
    }

    /** Adds the group's retry topic with {@code perm}. */
    public void addGroupResourceAndPerm(String group, byte perm) {
        if (group != null && !group.isEmpty()) {
            addResourceAndPerm(getRetryTopic(group), perm);
        }
    }

    public static String getRetryTopic(String group) {
        return MixAll.getRetryTopic(group);
    }

    public static boolean isRetryTopic(String resource) {
        return resource != null && resource.startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX);
    }

    /** The group a {@code %RETRY%group} resource names. */
    public static String groupOf(String retryTopic) {
        return retryTopic.substring(MixAll.RETRY_GROUP_TOPIC_PREFIX.length());
    }

    public Map<String, Byte> getResourcePermMap() {
        return resourcePermMap;
    }

    public String getAccessKey() {
        return accessKey;
    }

    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getSignature() {
        return signature;
    }

    public void setSignature(String signature) {
        this.signature = signature;
    }

    public String getSecretToken() {
        return secretToken;
    }

    public void setSecretToken(String secretToken) {
        this.secretToken = secretToken;
    }

    public String getWhiteRemoteAddress() {
        return whiteRemoteAddress;
    }

    public void setWhiteRemoteAddress(String whiteRemoteAddress) {
        this.whiteRemoteAddress = whiteRemoteAddress;
    }

    public int getRequestCode() {
        return requestCode;
    }

    public void setRequestCode(int requestCode) {
        this.requestCode = requestCode;
    }

    public byte[] getContent() {
        return content;
    }

    public void setContent(byte[] content) {
        this.content = content;
    }

    public byte[] getContentWithUniqueKeyQuery() {
        return contentWithUniqueKeyQuery;
    }

    public void setContentWithUniqueKeyQuery(byte[] contentWithUniqueKeyQuery) {
        this.contentWithUniqueKeyQuery = contentWithUniqueKeyQuery;
    }
}
