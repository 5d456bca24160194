package org.cometmq.acl;

import org.cometmq.remoting.RPCHook;
import org.cometmq.remoting.protocol.RemotingCommand;

/**
 * Runs an {@link AccessValidator} on every request a server receives, before its processor: a refusal throws,
 * and the server answers SYSTEM_ERROR (code 1, as 4.9.7) with the reason as remark.
 */
public class AclServerRPCHook implements RPCHook {
    private final AccessValidator validator;

    public AclServerRPCHook(AccessValidator validator) {
        this.validator = validator;
    }

    @Override
    public void doBeforeRequest(String remoteAddr, RemotingCommand request) {
        validator.validate(validator.parse(request, remoteAddr));
    }

    @Override
    public void doAfterResponse(String remoteAddr, RemotingCommand request, RemotingCommand response) {
    }
}
