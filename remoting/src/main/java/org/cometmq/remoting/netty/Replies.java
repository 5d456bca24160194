package org.cometmq.remoting.netty;

import io.netty.channel.Channel;
import org.cometmq.remoting.common.RemotingHelper;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a request on its channel: the request dispatcher uses it, and so do processors that answer later or
 * outside the dispatcher (held pulls, zero-copy pulls).
 */
public final class Replies {
    private static final Logger log = LoggerFactory.getLogger(RemotingHelper.ROCKETMQ_REMOTING);

    private Replies() {
    }

    /** Makes {@code response} the answer to {@code request}: same opaque and serialize type, response flag. */
    public static void bindToRequest(RemotingCommand request, RemotingCommand response) {
        response.setOpaque(request.getOpaque());
        response.markResponseType();
        response.setSerializeTypeCurrentRPC(request.getSerializeTypeCurrentRPC());
    }

    /** Writes {@code response} as the answer to {@code request}, unless the request was oneway; logs a failed write. */
    public static void reply(Channel channel, RemotingCommand request, RemotingCommand response) {
        if (request.isOnewayRPC()) {
            return;
        }
        bindToRequest(request, response);
        channel.writeAndFlush(response).addListener(future -> {
            if (!future.isSuccess()) {
                log.warn("writing response code {} opaque {} to {} failed: {}", response.getCode(), response.getOpaque(),
                    RemotingHelper.parseChannelRemoteAddr(channel), String.valueOf(future.cause()));
            }
        });
    }
}
