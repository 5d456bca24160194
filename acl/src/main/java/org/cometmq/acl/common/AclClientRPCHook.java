package org.cometmq.acl.common;

import java.util.HashMap;
import java.util.SortedMap;
import org.cometmq.remoting.RPCHook;
import org.cometmq.remoting.protocol.RemotingCommand;

/**
 * Signs every request a client sends: adds {@code AccessKey} (and {@code SecurityToken} when set), then
 * {@code Signature} = HmacSHA1 over the sorted header field values and the body. Pass it to a producer, consumer or
 * admin constructor: {@code new DefaultMQProducer(group, new AclClientRPCHook(new SessionCredentials(ak, sk)))}.
 */
public class AclClientRPCHook implements RPCHook {
    private final SessionCredentials sessionCredentials;

    public AclClientRPCHook(SessionCredentials sessionCredentials) {
        this.sessionCredentials = sessionCredentials;
    }

    @Override
    public void doBeforeRequest(String remoteAddr, RemotingCommand request) {
        // the credentials are part of the signed fields: add them first, then sign the fields as they will be sent
        request.makeCustomHeaderToNet();
        request.addExtField(AclConstants.ACCESS_KEY, sessionCredentials.getAccessKey());
        if (sessionCredentials.getSecurityToken() != null) {
            request.addExtField(AclConstants.SECURITY_TOKEN, sessionCredentials.getSecurityToken());
        }
        String signature = AclSigner.calSignature(request.getExtFields(), null, request.getBody(),
            sessionCredentials.getSecretKey());
        request.addExtField(AclConstants.SIGNATURE, signature);
    }

    @Override
    public void doAfterResponse(String remoteAddr, RemotingCommand request, RemotingCommand response) {
    }

    /**
     * The header fields as the peer will see them, plus the credentials, sorted by key: what
     * {@link #doBeforeRequest} signs (it signs them without building this map).
     */
    protected SortedMap<String, String> parseRequestContent(RemotingCommand request, String accessKey,
                                                            String securityToken) {
        request.makeCustomHeaderToNet();
        HashMap<String, String> ext = request.getExtFields();
        SortedMap<String, String> map = AclUtils.sortedFields(ext);
        map.remove(AclConstants.SIGNATURE);
        map.put(AclConstants.ACCESS_KEY, accessKey);
        if (securityToken != null) {
            map.put(AclConstants.SECURITY_TOKEN, securityToken);
        }
        return map;
    }

    public SessionCredentials getSessionCredentials() {
        return sessionCredentials;
    }
}
