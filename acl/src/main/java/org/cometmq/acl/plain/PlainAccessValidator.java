package org.cometmq.acl.plain;

import java.util.List;
import java.util.Map;
import org.cometmq.acl.AccessResource;
import org.cometmq.acl.AccessValidator;
import org.cometmq.acl.common.AclConstants;
import org.cometmq.acl.common.AclException;
import org.cometmq.common.AclConfig;
import org.cometmq.common.DataVersion;
import org.cometmq.common.PlainAccessConfig;
import org.cometmq.remoting.protocol.RemotingCommand;

/** The plain ACL: accounts from {@code plain_acl.yml}, requests signed with HmacSHA1 by {@code AclClientRPCHook}. */
public class PlainAccessValidator implements AccessValidator {
    private final PlainPermissionManager manager;
    private final PlainPermissionChecker checker;
    private final RequestResources resources;

    /** A broker's validator; {@code transactionTopics} may be null (END_TRANSACTION then needs no topic permission). */
    public PlainAccessValidator(PlainPermissionManager manager, TransactionTopicResolver transactionTopics) {
        this(manager, transactionTopics, false);
    }

    private PlainAccessValidator(PlainPermissionManager manager, TransactionTopicResolver transactionTopics,
                                 boolean namesrv) {
        this.manager = manager;
        this.checker = new PlainPermissionChecker(namesrv);
        this.resources = new RequestResources(transactionTopics);
    }

    /** A name server's validator: only the name server's admin codes need a signed admin account. */
    public static PlainAccessValidator forNamesrv(PlainPermissionManager manager) {
        return new PlainAccessValidator(manager, null, true);
    }

    @Override
    public AccessResource parse(RemotingCommand request, String remoteAddr) {
        PlainAccessResource resource = new PlainAccessResource();
        resource.setWhiteRemoteAddress(IpAddresses.peerIp(remoteAddr));
        resource.setRequestCode(request.getCode());
        Map<String, String> ext = request.getExtFields();
        if (ext == null) {
            return resource;
        }
        resource.setAccessKey(ext.get(AclConstants.ACCESS_KEY));
        resource.setSignature(ext.get(AclConstants.SIGNATURE));
        resource.setSecretToken(ext.get(AclConstants.SECURITY_TOKEN));
        resource.setSignedContent(ext, request.getBody());
        try {
            resources.collect(request, resource);
        } catch (RuntimeException e) {
            throw new AclException("cannot read the resources of request code " + request.getCode() + ": "
                + e.getMessage(), e);
        }
        return resource;
    }

    @Override
    public void validate(AccessResource accessResource) {
        checker.validate(manager.snapshot(), (PlainAccessResource) accessResource);
    }

    @Override
    public boolean updateAccessConfig(PlainAccessConfig plainAccessConfig) {
        return manager.updateAccessConfig(plainAccessConfig);
    }

    @Override
    public boolean deleteAccessConfig(String accessKey) {
        return manager.deleteAccessConfig(accessKey);
    }

    @Override
    public boolean updateGlobalWhiteAddrsConfig(List<String> globalWhiteAddrsList, String aclFileFullPath) {
        return manager.updateGlobalWhiteAddrsConfig(globalWhiteAddrsList, aclFileFullPath);
    }

    @Override
    public DataVersion getAclConfigDataVersion() {
        return manager.getAclConfigDataVersion();
    }

    @Override
    public Map<String, DataVersion> getAllAclConfigVersion() {
        return manager.getAllAclConfigVersion();
    }

    @Override
    public AclConfig getAllAclConfig() {
        return manager.getAllAclConfig();
    }

    public PlainPermissionManager getManager() {
        return manager;
    }
}
