package org.cometmq.broker.processor;

import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.store.GetMessageStatus;

/** The PULL_* response code for each store status (spec 9.7). */
final class PullStatusMapper {
    private PullStatusMapper() {
    }

    static void apply(GetMessageStatus status, long requestOffset, RemotingCommand response) {
        response.setCode(code(status, requestOffset));
    }

    static int code(GetMessageStatus status, long requestOffset) {
        switch (status) {
            case FOUND:
                return ResponseCode.SUCCESS;
            case MESSAGE_WAS_REMOVING:
            case NO_MATCHED_MESSAGE:
                return ResponseCode.PULL_RETRY_IMMEDIATELY;
            case NO_MATCHED_LOGIC_QUEUE:
            case NO_MESSAGE_IN_QUEUE:
                return requestOffset != 0 ? ResponseCode.PULL_OFFSET_MOVED : ResponseCode.PULL_NOT_FOUND;
            case OFFSET_FOUND_NULL:
            case OFFSET_OVERFLOW_ONE:
                return ResponseCode.PULL_NOT_FOUND;
            case OFFSET_OVERFLOW_BADLY:
            case OFFSET_TOO_SMALL:
                return ResponseCode.PULL_OFFSET_MOVED;
            default:
                return ResponseCode.SYSTEM_ERROR;
        }
    }
}
