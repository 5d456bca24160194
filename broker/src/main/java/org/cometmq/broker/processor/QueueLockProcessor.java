package org.cometmq.broker.processor;

import io.netty.channel.ChannelHandlerContext;
import java.util.Set;
import org.cometmq.broker.client.rebalance.RebalanceLockManager;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.body.LockBatchRequestBody;
import org.cometmq.common.protocol.body.LockBatchResponseBody;
import org.cometmq.common.protocol.body.UnlockBatchRequestBody;
import org.cometmq.remoting.netty.NettyRequestProcessor;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.remoting.protocol.RemotingSerializable;

/** LOCK_BATCH_MQ and UNLOCK_BATCH_MQ: queue ownership for orderly consumption. */
public class QueueLockProcessor implements NettyRequestProcessor {
    private final RebalanceLockManager lockManager;

    public QueueLockProcessor(RebalanceLockManager lockManager) {
        this.lockManager = lockManager;
    }

    @Override
    public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) {
        if (request.getCode() == RequestCode.LOCK_BATCH_MQ) {
            LockBatchRequestBody body = RemotingSerializable.decode(request.getBody(), LockBatchRequestBody.class);
            if (body == null || body.getConsumerGroup() == null || body.getClientId() == null) {
                return Responses.error(ResponseCode.SYSTEM_ERROR,
                    "lock request needs consumerGroup, clientId and mqSet");
            }
            Set<MessageQueue> locked = lockManager.tryLockBatch(body.getConsumerGroup(), body.getMqSet(),
                body.getClientId());
            LockBatchResponseBody responseBody = new LockBatchResponseBody();
            responseBody.setLockOKMQSet(locked);
            RemotingCommand response = Responses.success();
            response.setBody(responseBody.encode());
            return response;
        }
        UnlockBatchRequestBody body = RemotingSerializable.decode(request.getBody(), UnlockBatchRequestBody.class);
        if (body != null && body.getConsumerGroup() != null && body.getClientId() != null) {
            lockManager.unlockBatch(body.getConsumerGroup(), body.getMqSet(), body.getClientId());
        }
        return Responses.success();
    }

    @Override
    public boolean rejectRequest() {
        return false;
    }
}
