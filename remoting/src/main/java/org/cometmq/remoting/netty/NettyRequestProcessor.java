package org.cometmq.remoting.netty;

import io.netty.channel.ChannelHandlerContext;
import org.cometmq.remoting.protocol.RemotingCommand;

/** Serves one or more request codes. Runs on the executor it was registered with. */
public interface NettyRequestProcessor {

    /** Returns the response to send, or null when there is none (oneway, or answered later through the channel). */
    RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) throws Exception;

    /** True to refuse new requests for now; the caller then gets SYSTEM_BUSY. */
    boolean rejectRequest();
}
