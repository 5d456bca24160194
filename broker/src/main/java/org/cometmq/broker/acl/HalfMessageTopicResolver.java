package org.cometmq.broker.acl;

import org.cometmq.acl.plain.TransactionTopicResolver;
import org.cometmq.broker.transaction.TransactionalMessageBridge;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageExt;
import org.cometmq.remoting.protocol.RemotingCommand;

/** The real topic of the half message an END_TRANSACTION names by commit-log offset. */
public final class HalfMessageTopicResolver implements TransactionTopicResolver {
    private final TransactionalMessageBridge bridge;

    public HalfMessageTopicResolver(TransactionalMessageBridge bridge) {
        this.bridge = bridge;
    }

    @Override
    public String topicOf(RemotingCommand request) {
        String offset = request.getExtFields() == null ? null : request.getExtFields().get("commitLogOffset");
        if (offset == null) {
            return null;
        }
        MessageExt half;
        try {
            half = bridge.lookMessageByOffset(Long.parseLong(offset.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
        return half == null ? null : half.getProperty(MessageConst.PROPERTY_REAL_TOPIC);
    }
}
