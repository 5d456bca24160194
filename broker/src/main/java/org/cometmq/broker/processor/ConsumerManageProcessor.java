package org.cometmq.broker.processor;

import io.netty.channel.ChannelHandlerContext;
import java.util.List;
import org.cometmq.broker.client.ConsumerGroupInfo;
import org.cometmq.broker.client.ConsumerManager;
import org.cometmq.broker.offset.ConsumerOffsetManager;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.body.GetConsumerListByGroupResponseBody;
import org.cometmq.common.protocol.header.GetConsumerListByGroupRequestHeader;
import org.cometmq.common.protocol.header.QueryConsumerOffsetRequestHeader;
import org.cometmq.common.protocol.header.QueryConsumerOffsetResponseHeader;
import org.cometmq.common.protocol.header.UpdateConsumerOffsetRequestHeader;
import org.cometmq.common.protocol.header.UpdateConsumerOffsetResponseHeader;
import org.cometmq.remoting.common.RemotingHelper;
import org.cometmq.remoting.netty.NettyRequestProcessor;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.store.MessageStore;

/** GET_CONSUMER_LIST_BY_GROUP, QUERY_CONSUMER_OFFSET and UPDATE_CONSUMER_OFFSET (also sent oneway). */
public class ConsumerManageProcessor implements NettyRequestProcessor {
    private final ConsumerManager consumerManager;
    private final ConsumerOffsetManager consumerOffsetManager;
    private final MessageStore store;

    public ConsumerManageProcessor(ConsumerManager consumerManager, ConsumerOffsetManager consumerOffsetManager,
                                   MessageStore store) {
        this.consumerManager = consumerManager;
        this.consumerOffsetManager = consumerOffsetManager;
        this.store = store;
    }

    @Override
    public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) throws Exception {
        switch (request.getCode()) {
            case RequestCode.GET_CONSUMER_LIST_BY_GROUP:
                return consumerList(request);
            case RequestCode.UPDATE_CONSUMER_OFFSET:
                return updateOffset(ctx, request);
            case RequestCode.QUERY_CONSUMER_OFFSET:
                return queryOffset(request);
            default:
                return Responses.notSupported(request.getCode());
        }
    }

    private RemotingCommand consumerList(RemotingCommand request) throws Exception {
        GetConsumerListByGroupRequestHeader header =
            request.decodeCommandCustomHeader(GetConsumerListByGroupRequestHeader.class);
        ConsumerGroupInfo group = consumerManager.getConsumerGroupInfo(header.getConsumerGroup());
        List<String> ids = group == null ? List.of() : group.getAllClientId();
        if (ids.isEmpty()) {
            return Responses.error(ResponseCode.SYSTEM_ERROR,
                "no consumer for this group, " + header.getConsumerGroup());
        }
        GetConsumerListByGroupResponseBody body = new GetConsumerListByGroupResponseBody();
        body.setConsumerIdList(ids);
        RemotingCommand response = Responses.success();
        response.setBody(body.encode());
        return response;
    }

    private RemotingCommand updateOffset(ChannelHandlerContext ctx, RemotingCommand request) throws Exception {
        UpdateConsumerOffsetRequestHeader header =
            request.decodeCommandCustomHeader(UpdateConsumerOffsetRequestHeader.class);
        consumerOffsetManager.commitOffset(RemotingHelper.parseChannelRemoteAddr(ctx.channel()),
            header.getConsumerGroup(), header.getTopic(), header.getQueueId(), header.getCommitOffset());
        if (request.isOnewayRPC()) {
            return null;
        }
        RemotingCommand response = RemotingCommand.createResponseCommand(UpdateConsumerOffsetResponseHeader.class);
        response.setCode(ResponseCode.SUCCESS);
        response.setRemark(null);
        return response;
    }

    /**
     * The committed offset; without one, 0 when the queue still starts at 0 and its head is in memory (a new
     * queue), else QUERY_NOT_FOUND so the consumer applies its consume-from-where rule.
     */
    private RemotingCommand queryOffset(RemotingCommand request) throws Exception {
        QueryConsumerOffsetRequestHeader header =
            request.decodeCommandCustomHeader(QueryConsumerOffsetRequestHeader.class);
        RemotingCommand response = RemotingCommand.createResponseCommand(QueryConsumerOffsetResponseHeader.class);
        QueryConsumerOffsetResponseHeader responseHeader = (QueryConsumerOffsetResponseHeader) response.readCustomHeader();
        long offset = consumerOffsetManager.queryOffset(header.getConsumerGroup(), header.getTopic(), header.getQueueId());
        if (offset < 0) {
            long minOffset = store.getMinOffsetInQueue(header.getTopic(), header.getQueueId());
            if (minOffset <= 0 && !store.checkInDiskByConsumeOffset(header.getTopic(), header.getQueueId(), 0)) {
                offset = 0;
            }
        }
        if (offset < 0) {
            response.setCode(ResponseCode.QUERY_NOT_FOUND);
            response.setRemark("Not found, V3_0_6_SNAPSHOT maybe this group consumer boot first");
            return response;
        }
        responseHeader.setOffset(offset);
        response.setCode(ResponseCode.SUCCESS);
        response.setRemark(null);
        return response;
    }

    @Override
    public boolean rejectRequest() {
        return false;
    }
}
