package org.cometmq.broker.processor;

import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.remoting.protocol.RemotingSerializable;

/** Small builders for the plain responses every processor answers with. */
public final class Responses {
    private Responses() {
    }

    public static RemotingCommand success() {
        return RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
    }

    public static RemotingCommand success(byte[] body) {
        RemotingCommand response = success();
        response.setBody(body);
        return response;
    }

    /** SUCCESS with {@code body} as JSON. */
    public static RemotingCommand json(RemotingSerializable body) {
        return success(body.encode());
    }

    public static RemotingCommand error(int code, String remark) {
        return RemotingCommand.createResponseCommand(code, remark);
    }

    /** The answer to a code no processor serves (spec 3.1). */
    public static RemotingCommand notSupported(int requestCode) {
        return error(ResponseCode.REQUEST_CODE_NOT_SUPPORTED, " request type " + requestCode + " not supported");
    }
}
