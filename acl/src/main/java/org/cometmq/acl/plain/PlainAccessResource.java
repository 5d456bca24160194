package org.cometmq.acl.plain;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cometmq.acl.AccessResource;
import org.cometmq.acl.common.AclConstants;
import org.cometmq.acl.common.AclSigner;
import org.cometmq.common.MixAll;

/**
 * One request as the plain validator sees it: peer IP, request code, the credentials it carries, the fields and body
 * it signed, and the permissions it needs. Resource names of groups are stored as
 * the group's retry topic ({@code %RETRY%group}), as 4.9.7 does.
 */
public class PlainAccessResource implements AccessResource {
    private String accessKey;
    private String signature;
    private String secretToken;
    private String whiteRemoteAddress;
    private int requestCode;
    /** The request's header fields, read when the signature is checked (sorted then, not when parsed). */
    private Map<String, String> signedFields;
    private byte[] body;
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

    /** The header fields and body the client signed; both are read, not copied. */
    public void setSignedContent(Map<String, String> signedFields, byte[] body) {
        this.signedFields = signedFields;
        this.body = body;
    }

    /**
     * The signature the request must carry for {@code secretKey}: over every header field but {@code Signature}
     * and {@code _UNIQUE_KEY_QUERY} (which 4.9.7 brokers leave out), or, with {@code withUniqueKeyQuery}, over that
     * field too (4.9.7 clients sign it).
     */
    public String expectedSignature(String secretKey, boolean withUniqueKeyQuery) {
        return AclSigner.calSignature(signedFields, withUniqueKeyQuery ? null : AclConstants.UNIQUE_KEY_QUERY, body,
            secretKey);
    }

    /** True when the request carries {@code _UNIQUE_KEY_QUERY}, so a client may have signed it. */
    public boolean hasUniqueKeyQuery() {
        return signedFields != null && signedFields.containsKey(AclConstants.UNIQUE_KEY_QUERY);
    }
}
