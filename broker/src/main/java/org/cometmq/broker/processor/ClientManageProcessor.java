package org.cometmq.broker.processor;

import io.netty.channel.ChannelHandlerContext;
import java.time.Clock;
import org.cometmq.broker.client.ClientChannelInfo;
import org.cometmq.broker.client.ConsumerManager;
import org.cometmq.broker.client.ProducerManager;
import org.cometmq.broker.subscription.SubscriptionGroupManager;
import org.cometmq.common.BrokerConfig;
import org.cometmq.common.filter.ExpressionType;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.body.CheckClientRequestBody;
import org.cometmq.common.protocol.header.UnregisterClientRequestHeader;
import org.cometmq.common.protocol.header.UnregisterClientResponseHeader;
import org.cometmq.common.protocol.heartbeat.ConsumerData;
import org.cometmq.common.protocol.heartbeat.HeartbeatData;
import org.cometmq.common.protocol.heartbeat.ProducerData;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;
import org.cometmq.common.subscription.SubscriptionGroupConfig;
import org.cometmq.remoting.netty.NettyRequestProcessor;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.remoting.protocol.RemotingSerializable;

/**
 * HEART_BEAT (registers the client's producer and consumer groups, creating each consumer group's retry topic),
 * UNREGISTER_CLIENT and CHECK_CLIENT_CONFIG.
 */
public class ClientManageProcessor implements NettyRequestProcessor {
    private final BrokerConfig brokerConfig;
    private final ProducerManager producerManager;
    private final ConsumerManager consumerManager;
    private final SubscriptionGroupManager subscriptionGroupManager;
    private final RetryTopics retryTopics;
    private final Clock clock;

    public ClientManageProcessor(BrokerConfig brokerConfig, ProducerManager producerManager,
                                 ConsumerManager consumerManager, SubscriptionGroupManager subscriptionGroupManager,
                                 RetryTopics retryTopics, Clock clock) {
        this.brokerConfig = brokerConfig;
        this.producerManager = producerManager;
        this.consumerManager = consumerManager;
        this.subscriptionGroupManager = subscriptionGroupManager;
        this.retryTopics = retryTopics;
        this.clock = clock;
    }

    @Override
    public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) throws Exception {
        switch (request.getCode()) {
            case RequestCode.HEART_BEAT:
                return heartBeat(ctx, request);
            case RequestCode.UNREGISTER_CLIENT:
                return unregisterClient(ctx, request);
            case RequestCode.CHECK_CLIENT_CONFIG:
                return checkClientConfig(request);
            default:
                return RemotingCommand.createResponseCommand(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                    " request type " + request.getCode() + " not supported");
        }
    }

    private RemotingCommand heartBeat(ChannelHandlerContext ctx, RemotingCommand request) {
        HeartbeatData heartbeat = RemotingSerializable.decode(request.getBody(), HeartbeatData.class);
        if (heartbeat == null || heartbeat.getClientID() == null) {
            return RemotingCommand.createResponseCommand(ResponseCode.SYSTEM_ERROR,
                "heartbeat without body or clientID");
        }
        ClientChannelInfo info = new ClientChannelInfo(ctx.channel(), heartbeat.getClientID(), request.getLanguage(),
            request.getVersion(), clock.millis());
        for (ConsumerData data : heartbeat.getConsumerDataSet()) {
            SubscriptionGroupConfig group = subscriptionGroupManager.findSubscriptionGroupConfig(data.getGroupName());
            boolean notify = true;
            if (group != null) {
                notify = group.isNotifyConsumerIdsChangedEnable();
                retryTopics.retryTopic(group);
            }
            consumerManager.registerConsumer(data.getGroupName(), info, data.getConsumeType(), data.getMessageModel(),
                data.getConsumeFromWhere(), data.getSubscriptionDataSet(), notify);
        }
        for (ProducerData data : heartbeat.getProducerDataSet()) {
            producerManager.registerProducer(data.getGroupName(), info);
        }
        return RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
    }

    private RemotingCommand unregisterClient(ChannelHandlerContext ctx, RemotingCommand request) throws Exception {
        UnregisterClientRequestHeader header = request.decodeCommandCustomHeader(UnregisterClientRequestHeader.class);
        ClientChannelInfo info = new ClientChannelInfo(ctx.channel(), header.getClientID(), request.getLanguage(),
            request.getVersion(), clock.millis());
        if (header.getProducerGroup() != null) {
            producerManager.unregisterProducer(header.getProducerGroup(), info);
        }
        if (header.getConsumerGroup() != null) {
            SubscriptionGroupConfig group = subscriptionGroupManager.getSubscriptionGroupTable()
                .get(header.getConsumerGroup());
            boolean notify = group == null || group.isNotifyConsumerIdsChangedEnable();
            consumerManager.unregisterConsumer(header.getConsumerGroup(), info, notify);
        }
        RemotingCommand response = RemotingCommand.createResponseCommand(UnregisterClientResponseHeader.class);
        response.setCode(ResponseCode.SUCCESS);
        response.setRemark(null);
        return response;
    }

    private RemotingCommand checkClientConfig(RemotingCommand request) {
        CheckClientRequestBody body = RemotingSerializable.decode(request.getBody(), CheckClientRequestBody.class);
        SubscriptionData subscription = body == null ? null : body.getSubscriptionData();
        if (subscription == null || ExpressionType.isTagType(subscription.getExpressionType())) {
            return RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
        }
        if (!brokerConfig.isEnablePropertyFilter()) {
            return RemotingCommand.createResponseCommand(ResponseCode.SYSTEM_ERROR,
                "The broker does not support consumer to filter message by " + subscription.getExpressionType());
        }
        return RemotingCommand.createResponseCommand(ResponseCode.SUBSCRIPTION_PARSE_FAILED,
            "this broker cannot evaluate " + subscription.getExpressionType() + " expressions: "
                + subscription.getSubString());
    }

    @Override
    public boolean rejectRequest() {
        return false;
    }
}
