package org.cometmq.acl.plain;

import java.util.Map;
import org.cometmq.acl.common.AclException;
import org.cometmq.acl.common.AclSigner;
import org.cometmq.acl.common.Permission;
import org.cometmq.common.topic.TopicValidator;

/**
 * Judges one parsed request against the ACL in force, in 4.9.7's order: global white address; access key present
 * and known; account white address; signature (constant-time); trace-topic sends; admin-only codes; the
 * permission of every needed resource. Each refusal names the failed check and never the secret.
 */
final class PlainPermissionChecker {
    private final boolean namesrv;

    /** @param namesrv true on a name server: only its admin codes need an account there */
    PlainPermissionChecker(boolean namesrv) {
        this.namesrv = namesrv;
    }

    void validate(AclSnapshot acl, PlainAccessResource request) {
        if (acl.globalWhiteListed(request.getWhiteRemoteAddress())) {
            return;
        }
        if (namesrv && !Permission.needNamesrvAdminPerm(request.getRequestCode())) {
            return;
        }
        String accessKey = request.getAccessKey();
        if (accessKey == null) {
            throw new AclException("No accessKey is configured");
        }
        PlainAccount account = acl.account(accessKey);
        if (account == null) {
            throw new AclException("No acl config for " + accessKey);
        }
        if (account.whiteListed(request.getWhiteRemoteAddress())) {
            return;
        }
        if (!signatureMatches(account, request)) {
            throw new AclException("Check signature failed for accessKey=" + accessKey);
        }
        Map<String, Byte> needed = request.getResourcePermMap();
        Byte trace = needed.get(TopicValidator.RMQ_SYS_TRACE_TOPIC);
        if (trace != null && trace == Permission.PUB && needed.size() == 1) {
            return;
        }
        boolean adminCode = namesrv || Permission.needAdminPerm(request.getRequestCode());
        if (adminCode && !account.admin()) {
            throw new AclException("Need admin permission for request code=" + request.getRequestCode()
                + ", but accessKey=" + accessKey + " is not");
        }
        if (needed.isEmpty() || (account.admin() && !account.hasResourceLists())) {
            return;
        }
        checkResources(account, needed);
    }

    private static boolean signatureMatches(PlainAccount account, PlainAccessResource request) {
        String expected = request.expectedSignature(account.secretKey(), false);
        if (AclSigner.signaturesEqual(expected, request.getSignature())) {
            return true;
        }
        // 4.9.7 clients sign _UNIQUE_KEY_QUERY, which 4.9.7 brokers leave out: accept either form
        return request.hasUniqueKeyQuery() && AclSigner.signaturesEqual(
            request.expectedSignature(account.secretKey(), true), request.getSignature());
    }

    private static void checkResources(PlainAccount account, Map<String, Byte> needed) {
        for (Map.Entry<String, Byte> entry : needed.entrySet()) {
            String resource = entry.getKey();
            if (!Permission.checkPermission(entry.getValue(), account.ownedPerm(resource))) {
                throw new AclException(PlainAccessResource.isRetryTopic(resource)
                    ? "No default permission for group:" + PlainAccessResource.groupOf(resource)
                    : "No default permission for topic:" + resource);
            }
        }
    }
}
