package org.cometmq.client.impl;

import io.netty.channel.ChannelHandlerContext;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.cometmq.client.ClientConfig;
import org.cometmq.client.impl.consumer.MQConsumerInner;
import org.cometmq.client.impl.producer.MQProducerInner;
import org.cometmq.common.MQVersion;
import org.cometmq.common.UtilAll;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.body.ConsumeMessageDirectlyResult;
import org.cometmq.common.protocol.body.ConsumerRunningInfo;
import org.cometmq.common.protocol.body.GetConsumerStatusBody;
import org.cometmq.common.protocol.body.ResetOffsetBody;
import org.cometmq.common.protocol.header.CheckTransactionStateRequestHeader;
import org.cometmq.common.protocol.header.ConsumeMessageDirectlyResultRequestHeader;
import org.cometmq.common.protocol.header.GetConsumerRunningInfoRequestHeader;
import org.cometmq.common.protocol.header.GetConsumerStatusRequestHeader;
import org.cometmq.common.protocol.header.NotifyConsumerIdsChangedRequestHeader;
import org.cometmq.common.protocol.header.ResetOffsetRequestHeader;
import org.cometmq.remoting.common.RemotingHelper;
import org.cometmq.remoting.netty.NettyRequestProcessor;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the requests brokers send to this client: transaction check-backs go to the producer of the half
 * message's group, consumer notifications and queries to the consumer of the named group, pushed replies to
 * the request waiting for them.
 */
public class ClientRemotingProcessor implements NettyRequestProcessor {
    /** The request codes this processor is registered for. */
    public static final int[] HANDLED_CODES = {
        RequestCode.CHECK_TRANSACTION_STATE, RequestCode.NOTIFY_CONSUMER_IDS_CHANGED,
        RequestCode.RESET_CONSUMER_CLIENT_OFFSET, RequestCode.GET_CONSUMER_STATUS_FROM_CLIENT,
        RequestCode.GET_CONSUMER_RUNNING_INFO, RequestCode.CONSUME_MESSAGE_DIRECTLY,
        RequestCode.PUSH_REPLY_MESSAGE_TO_CLIENT,
    };
    private static final Logger LOG = LoggerFactory.getLogger(ClientRemotingProcessor.class);

    private final ClientConfig clientConfig;
    private final Function<String, MQProducerInner> producers;
    private final Function<String, MQConsumerInner> consumers;
    private final Runnable rebalanceNow;
    private final Supplier<List<String>> nameServers;

    /**
     * @param producers    the producer registered for a group, or null
     * @param consumers    the consumer registered for a group, or null
     * @param rebalanceNow wakes the rebalance of every consumer of this client
     * @param nameServers  the name-server addresses this client uses
     */
    public ClientRemotingProcessor(ClientConfig clientConfig, Function<String, MQProducerInner> producers,
                                   Function<String, MQConsumerInner> consumers, Runnable rebalanceNow,
                                   Supplier<List<String>> nameServers) {
        this.clientConfig = clientConfig;
        this.producers = producers;
        this.consumers = consumers;
        this.rebalanceNow = rebalanceNow;
        this.nameServers = nameServers;
    }

    @Override
    public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) throws Exception {
        return switch (request.getCode()) {
            case RequestCode.CHECK_TRANSACTION_STATE -> checkTransactionState(ctx, request);
            case RequestCode.NOTIFY_CONSUMER_IDS_CHANGED -> notifyConsumerIdsChanged(ctx, request);
            case RequestCode.RESET_CONSUMER_CLIENT_OFFSET -> resetOffset(request);
            case RequestCode.GET_CONSUMER_STATUS_FROM_CLIENT -> getConsumeStatus(request);
            case RequestCode.GET_CONSUMER_RUNNING_INFO -> getConsumerRunningInfo(request);
            case RequestCode.CONSUME_MESSAGE_DIRECTLY -> consumeMessageDirectly(request);
            case RequestCode.PUSH_REPLY_MESSAGE_TO_CLIENT -> ReplyMessageReceiver.receiveReplyMessage(request);
            default -> RemotingCommand.createResponseCommand(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                " request type " + request.getCode() + " not supported");
        };
    }

    @Override
    public boolean rejectRequest() {
        return false;
    }

    private RemotingCommand checkTransactionState(ChannelHandlerContext ctx, RemotingCommand request)
        throws Exception {
        CheckTransactionStateRequestHeader header =
            request.decodeCommandCustomHeader(CheckTransactionStateRequestHeader.class);
        if (request.getBody() == null) {
            LOG.warn("transaction check without a half message from {}", remoteAddr(ctx));
            return null;
        }
        MessageExt msg = MessageDecoder.decode(ByteBuffer.wrap(request.getBody()));
        msg.setTopic(clientConfig.withoutNamespace(msg.getTopic()));
        String transactionId = msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
        if (transactionId != null && !transactionId.isEmpty()) {
            msg.setTransactionId(transactionId);
        }
        String group = msg.getProperty(MessageConst.PROPERTY_PRODUCER_GROUP);
        MQProducerInner producer = group == null ? null : producers.apply(group);
        if (producer == null) {
            LOG.debug("transaction check for producer group {} which is not in this client", group);
            return null;
        }
        producer.checkTransactionState(remoteAddr(ctx), msg, header);
        return null;
    }

    private RemotingCommand notifyConsumerIdsChanged(ChannelHandlerContext ctx, RemotingCommand request)
        throws Exception {
        NotifyConsumerIdsChangedRequestHeader header =
            request.decodeCommandCustomHeader(NotifyConsumerIdsChangedRequestHeader.class);
        LOG.info("consumers of group {} changed (notified by {}), rebalancing now", header.getConsumerGroup(),
            remoteAddr(ctx));
        rebalanceNow.run();
        return null;
    }

    private RemotingCommand resetOffset(RemotingCommand request) throws Exception {
        ResetOffsetRequestHeader header = request.decodeCommandCustomHeader(ResetOffsetRequestHeader.class);
        ResetOffsetBody body = ResetOffsetBody.decode(request.getBody(), ResetOffsetBody.class);
        MQConsumerInner consumer = consumers.apply(header.getGroup());
        if (consumer != null && body != null) {
            LOG.info("resetting offsets of group {} topic {} to {}", header.getGroup(), header.getTopic(),
                body.getOffsetTable());
            consumer.resetOffset(header.getTopic(), body.getOffsetTable());
        }
        return null;
    }

    private RemotingCommand getConsumeStatus(RemotingCommand request) throws Exception {
        GetConsumerStatusRequestHeader header = request.decodeCommandCustomHeader(GetConsumerStatusRequestHeader.class);
        MQConsumerInner consumer = consumers.apply(header.getGroup());
        GetConsumerStatusBody body = new GetConsumerStatusBody();
        if (consumer != null) {
            Map<MessageQueue, Long> offsets = consumer.getConsumeStatus(header.getTopic());
            body.getMessageQueueTable().putAll(offsets);
        }
        RemotingCommand response = RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
        response.setBody(body.encode());
        return response;
    }

    private RemotingCommand getConsumerRunningInfo(RemotingCommand request) throws Exception {
        GetConsumerRunningInfoRequestHeader header =
            request.decodeCommandCustomHeader(GetConsumerRunningInfoRequestHeader.class);
        MQConsumerInner consumer = consumers.apply(header.getConsumerGroup());
        if (consumer == null) {
            return groupNotHere(header.getConsumerGroup());
        }
        ConsumerRunningInfo info = consumer.consumerRunningInfo();
        info.getProperties().put(ConsumerRunningInfo.PROP_NAMESERVER_ADDR,
            String.join(";", nameServers.get()));
        info.getProperties().put(ConsumerRunningInfo.PROP_CONSUME_TYPE, consumer.consumeType().name());
        info.getProperties().put(ConsumerRunningInfo.PROP_CLIENT_VERSION,
            MQVersion.getVersionDesc(MQVersion.CURRENT_VERSION));
        if (header.isJstackEnable()) {
            info.setJstack(UtilAll.jstack());
        }
        RemotingCommand response = RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
        response.setBody(info.encode());
        return response;
    }

    private RemotingCommand consumeMessageDirectly(RemotingCommand request) throws Exception {
        ConsumeMessageDirectlyResultRequestHeader header =
            request.decodeCommandCustomHeader(ConsumeMessageDirectlyResultRequestHeader.class);
        MQConsumerInner consumer = consumers.apply(header.getConsumerGroup());
        MessageExt msg = MessageDecoder.decode(ByteBuffer.wrap(request.getBody()));
        ConsumeMessageDirectlyResult result =
            consumer == null ? null : consumer.consumeMessageDirectly(msg, header.getBrokerName());
        if (result == null) {
            return groupNotHere(header.getConsumerGroup());
        }
        RemotingCommand response = RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
        response.setBody(result.encode());
        return response;
    }

    private static RemotingCommand groupNotHere(String group) {
        return RemotingCommand.createResponseCommand(ResponseCode.SYSTEM_ERROR,
            "The Consumer Group <" + group + "> not exist in this consumer");
    }

    private static String remoteAddr(ChannelHandlerContext ctx) {
        return RemotingHelper.parseChannelRemoteAddr(ctx.channel());
    }
}
