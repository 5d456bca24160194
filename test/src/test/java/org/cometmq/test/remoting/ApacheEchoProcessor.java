package org.cometmq.test.remoting;

import io.netty.channel.ChannelHandlerContext;
import java.util.HashMap;
import org.apache.rocketmq.remoting.netty.NettyRequestProcessor;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RemotingSysResponseCode;

/** The echo exchange served by an Apache RocketMQ 4.9.7 remoting server; records every request it gets. */
final class ApacheEchoProcessor implements NettyRequestProcessor {
    private final ReceivedRequests received = new ReceivedRequests();

    ReceivedRequests received() {
        return received;
    }

    @Override
    public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) throws Exception {
        HashMap<String, String> ext = request.getExtFields() == null ? new HashMap<>() : request.getExtFields();
        received.add(new ReceivedRequest(request.getCode(), request.getSerializeTypeCurrentRPC().name(),
            request.getLanguage().name(), request.isOnewayRPC(), new HashMap<>(ext), request.getBody()));
        if (request.getCode() != EchoProtocol.ECHO) {
            return null;
        }
        ApacheEchoHeader in = (ApacheEchoHeader) request.decodeCommandCustomHeader(ApacheEchoHeader.class);
        RemotingCommand response = RemotingCommand.createResponseCommand(ApacheEchoHeader.class);
        ((ApacheEchoHeader) response.readCustomHeader()).copyFrom(in);
        response.setCode(RemotingSysResponseCode.SUCCESS);
        response.setRemark(EchoProtocol.remarkFor(in.getText()));
        response.setBody(EchoProtocol.reversed(request.getBody()));
        return response;
    }

    @Override
    public boolean rejectRequest() {
        return false;
    }
}
