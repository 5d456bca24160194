package org.cometmq.broker.processor;

import io.netty.channel.ChannelHandlerContext;
import java.time.Clock;
import org.cometmq.broker.client.ClientChannelInfo;
import org.cometmq.broker.client.ConsumerManager;
import org.cometmq.broker.client.ProducerManager;
import org.cometmq.broker.filter.ConsumerFilterFactory;
import org.cometmq.broker.subscription.SubscriptionGroupManager;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.body.CheckClientRequestBody;
import org.cometmq.common.protocol.header.UnregisterClientRequestHeader;
import org.cometmq.common.protocol.header.UnregisterClientResponseHeader;
import org.cometmq.common.protocol.heartbeat.ConsumerData;
import org.cometmq.common.protocol.heartbeat.HeartbeatData;
import org.cometmq.common.protocol.heartbeat.ProducerData;
import org.cometmq.common.subscription.SubscriptionGroupConfig;
import org.cometmq.remoting.netty.NettyRequestProcessor;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.remoting.protocol.RemotingSerializable;

/**
 * HEART_BEAT (registers the client's producer and consumer groups, creating each consumer group's retry topic;
 * SQL92 subscriptions that do not compile are left out), UNREGISTER_CLIENT and CHECK_CLIENT_CONFIG (whether this
 * broker can serve an SQL92 subscription).
 */
public class ClientManageProcessor implements NettyRequestProcessor {
    private final ProducerManager producerManager;
    private final ConsumerManager consumerManager;
    private final SubscriptionGroupManager subscriptionGroupManager;
    private final RetryTopics retryTopics;
    private final ConsumerFilterFactory filterFactory;
    private final Clock clock;

    public ClientManageProcessor(ProducerManager producerManager, ConsumerManager consumerManager,
                                 SubscriptionGroupManager subscriptionGroupManager, RetryTopics retryTopics,
                                 ConsumerFilterFactory filterFactory, Clock clock) {
        this.producerManager = producerManager;
        this.consumerManager = consumerManager;
        this.subscriptionGroupManager = subscriptionGroupManager;
        this.retryTopics = retryTopics;
        this.filterFactory = filterFactory;
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
                return Responses.notSupported(request.getCode());
        }
    }

    private RemotingCommand heartBeat(ChannelHandlerContext ctx, RemotingCommand request) {
        HeartbeatData heartbeat = RemotingSerializable.decode(request.getBody(), HeartbeatData.class);
        if (heartbeat == null || heartbeat.getClientID() == null) {
            return Responses.error(ResponseCode.SYSTEM_ERROR,
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
                data.getConsumeFromWhere(),
                filterFactory.acceptedSubscriptions(data.getGroupName(), data.getSubscriptionDataSet()), notify);
        }
        for (ProducerData data : heartbeat.getProducerDataSet()) {
            producerManager.registerProducer(data.getGroupName(), info);
        }
        return Responses.success();
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
        RemotingCommand response = Responses.success();
        if (body != null) {
            filterFactory.check(body.getGroup(), body.getSubscriptionData(), response);
        }
        return response;
    }

    @Override
    public boolean rejectRequest() {
        return false;
    }
}
