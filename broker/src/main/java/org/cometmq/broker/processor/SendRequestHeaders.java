package org.cometmq.broker.processor;

import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.header.SendMessageRequestHeader;
import org.cometmq.common.protocol.header.SendMessageRequestHeaderV2;
import org.cometmq.remoting.exception.RemotingCommandException;
import org.cometmq.remoting.protocol.RemotingCommand;

/** Reads a send request's header, whichever of the two layouts (full names or single letters) it uses. */
final class SendRequestHeaders {
    private SendRequestHeaders() {
    }

    static SendMessageRequestHeader parse(RemotingCommand request) throws RemotingCommandException {
        switch (request.getCode()) {
            case RequestCode.SEND_MESSAGE_V2:
            case RequestCode.SEND_BATCH_MESSAGE:
            case RequestCode.SEND_REPLY_MESSAGE_V2:
                SendMessageRequestHeaderV2 v2 = request.decodeCommandCustomHeader(SendMessageRequestHeaderV2.class);
                return SendMessageRequestHeaderV2.createSendMessageRequestHeaderV1(v2);
            default:
                return request.decodeCommandCustomHeader(SendMessageRequestHeader.class);
        }
    }
}
