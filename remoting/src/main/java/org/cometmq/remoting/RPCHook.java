package org.cometmq.remoting;

import org.cometmq.remoting.protocol.RemotingCommand;

/**
 * Interception point around a request: servers call it before a processor runs and after it answers;
 * clients call {@link #doBeforeRequest} before sending (for example to sign the request).
 * An exception thrown by a server-side hook fails the request with SYSTEM_ERROR.
 */
public interface RPCHook {

    void doBeforeRequest(String remoteAddr, RemotingCommand request);

    void doAfterResponse(String remoteAddr, RemotingCommand request, RemotingCommand response);
}
