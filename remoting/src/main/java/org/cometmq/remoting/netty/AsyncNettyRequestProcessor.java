package org.cometmq.remoting.netty;

import io.netty.channel.ChannelHandlerContext;
import org.cometmq.remoting.protocol.RemotingCommand;

/**
 * A processor that may answer later, from another thread, by calling the callback. The default completes
 * synchronously through {@link #processRequest}.
 */
public abstract class AsyncNettyRequestProcessor implements NettyRequestProcessor {

    public void asyncProcessRequest(ChannelHandlerContext ctx, RemotingCommand request, RemotingResponseCallback callback)
        throws Exception {
        callback.callback(processRequest(ctx, request));
    }
}
