package org.cometmq.broker.processor.admin;

import io.netty.channel.ChannelHandlerContext;
import org.cometmq.broker.offset.ConsumerOffsetManager;
import org.cometmq.broker.processor.Responses;
import org.cometmq.broker.subscription.SubscriptionGroupManager;
import org.cometmq.common.UtilAll;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.header.DeleteSubscriptionGroupRequestHeader;
import org.cometmq.common.subscription.SubscriptionGroupConfig;
import org.cometmq.remoting.netty.NettyRequestProcessor;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.remoting.protocol.RemotingSerializable;

/** Consumer group administration: UPDATE_AND_CREATE_SUBSCRIPTIONGROUP, GET_ALL_SUBSCRIPTIONGROUP_CONFIG, DELETE_SUBSCRIPTIONGROUP. */
public class GroupAdminProcessor implements NettyRequestProcessor {
    private final SubscriptionGroupManager subscriptionGroupManager;
    private final ConsumerOffsetManager consumerOffsetManager;

    public GroupAdminProcessor(SubscriptionGroupManager subscriptionGroupManager,
                               ConsumerOffsetManager consumerOffsetManager) {
        this.subscriptionGroupManager = subscriptionGroupManager;
        this.consumerOffsetManager = consumerOffsetManager;
    }

    @Override
    public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) throws Exception {
        switch (request.getCode()) {
            case RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP:
                return updateGroup(request);
            case RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG:
                return Responses.json(subscriptionGroupManager.buildWrapper());
            case RequestCode.DELETE_SUBSCRIPTIONGROUP:
                DeleteSubscriptionGroupRequestHeader header =
                    request.decodeCommandCustomHeader(DeleteSubscriptionGroupRequestHeader.class);
                subscriptionGroupManager.deleteSubscriptionGroupConfig(header.getGroupName());
                if (header.isRemoveOffset()) {
                    consumerOffsetManager.removeOffset(header.getGroupName());
                }
                return Responses.success();
            default:
                return Responses.notSupported(request.getCode());
        }
    }

    private RemotingCommand updateGroup(RemotingCommand request) {
        SubscriptionGroupConfig config;
        try {
            config = RemotingSerializable.decode(request.getBody(), SubscriptionGroupConfig.class);
        } catch (RuntimeException e) {
            return Responses.error(ResponseCode.SYSTEM_ERROR, "the body is not a SubscriptionGroupConfig JSON: "
                + e.getMessage());
        }
        if (config == null || UtilAll.isBlank(config.getGroupName())) {
            return Responses.error(ResponseCode.SYSTEM_ERROR, "the subscription group config needs a groupName");
        }
        subscriptionGroupManager.updateSubscriptionGroupConfig(config);
        return Responses.success();
    }

    @Override
    public boolean rejectRequest() {
        return false;
    }
}
