package org.cometmq.remoting.netty;

import org.cometmq.remoting.protocol.RemotingCommand;

/** Receives the response of an {@link AsyncNettyRequestProcessor} whenever it is ready (null: nothing to send). */
public interface RemotingResponseCallback {

    void callback(RemotingCommand response);
}
