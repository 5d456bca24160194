package org.cometmq.broker.processor;

import io.netty.channel.ChannelHandlerContext;
import org.cometmq.remoting.netty.NettyRequestProcessor;
import org.cometmq.remoting.protocol.RemotingCommand;

/** Serves every code no other processor is registered for: REQUEST_CODE_NOT_SUPPORTED. */
public class UnsupportedCodeProcessor implements NettyRequestProcessor {

    @Override
    public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) {
        return Responses.notSupported(request.getCode());
    }

    @Override
    public boolean rejectRequest() {
        return false;
    }
}
