package org.cometmq.broker.processor;

import io.netty.channel.Channel;
import org.cometmq.remoting.common.RemotingHelper;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes a response outside the request dispatcher (answers to held pulls, zero-copy pulls). */
final class ResponseWriter {
    private static final Logger log = LoggerFactory.getLogger(ResponseWriter.class);

    private ResponseWriter() {
    }

    /** Makes {@code response} the answer to {@code request}: same opaque and serialize type, response flag. */
    static void bind(RemotingCommand request, RemotingCommand response) {
        response.setOpaque(request.getOpaque());
        response.markResponseType();
        response.setSerializeTypeCurrentRPC(request.getSerializeTypeCurrentRPC());
    }

    static void write(Channel channel, RemotingCommand request, RemotingCommand response) {
        if (request.isOnewayRPC()) {
            return;
        }
        bind(request, response);
        channel.writeAndFlush(response).addListener(future -> {
            if (!future.isSuccess()) {
                log.warn("writing response code {} to {} failed: {}", response.getCode(),
                    RemotingHelper.parseChannelRemoteAddr(channel), String.valueOf(future.cause()));
            }
        });
    }
}
