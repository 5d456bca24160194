package org.cometmq.broker.processor;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import java.net.SocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.cometmq.broker.client.Broker2Client;
import org.cometmq.broker.client.ProducerManager;
import org.cometmq.broker.stats.BrokerStatsManager;
import org.cometmq.broker.stats.TrafficObserver;
import org.cometmq.common.BrokerConfig;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.message.MessageAccessor;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.header.ReplyMessageRequestHeader;
import org.cometmq.common.protocol.header.SendMessageRequestHeader;
import org.cometmq.common.protocol.header.SendMessageResponseHeader;
import org.cometmq.remoting.common.RemotingHelper;
import org.cometmq.remoting.exception.RemotingException;
import org.cometmq.remoting.netty.NettyRequestProcessor;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.store.MessageExtBrokerInner;
import org.cometmq.store.MessageStore;
import org.cometmq.store.PutMessageResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SEND_REPLY_MESSAGE and SEND_REPLY_MESSAGE_V2: a replier's answer to a request. The broker pushes it at once to
 * the requesting client named by the REPLY_TO_CLIENT property (PUSH_REPLY_MESSAGE_TO_CLIENT over the channel that
 * client's heartbeat registered), then, with {@code storeReplyMessageEnable}, stores it in its reply topic too.
 * The answer is SUCCESS when the push succeeded, SYSTEM_ERROR naming the reason when it did not, as 4.9.7 does.
 */
public class ReplyMessageProcessor implements NettyRequestProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyMessageProcessor.class);

    private final BrokerConfig brokerConfig;
    private final SendMessageChecker checker;
    private final ProducerManager producerManager;
    private final Broker2Client broker2Client;
    private final MessageStore store;
    private final BrokerStatsManager stats;
    private final Supplier<SocketAddress> storeHost;

    public ReplyMessageProcessor(BrokerConfig brokerConfig, SendMessageChecker checker, ProducerManager producerManager,
                                 Broker2Client broker2Client, MessageStore store, BrokerStatsManager stats,
                                 Supplier<SocketAddress> storeHost) {
        this.brokerConfig = brokerConfig;
        this.checker = checker;
        this.producerManager = producerManager;
        this.broker2Client = broker2Client;
        this.store = store;
        this.stats = stats;
        this.storeHost = storeHost;
    }

    @Override
    public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) throws Exception {
        SendMessageRequestHeader header = SendRequestHeaders.parse(request);
        RemotingCommand response = RemotingCommand.createResponseCommand(SendMessageResponseHeader.class);
        response.addExtField(MessageConst.PROPERTY_MSG_REGION, brokerConfig.getRegionId());
        response.addExtField(MessageConst.PROPERTY_TRACE_SWITCH, String.valueOf(brokerConfig.isTraceOn()));
        String remoteAddr = RemotingHelper.parseChannelRemoteAddr(ctx.channel());
        TopicConfig topicConfig = checker.check(remoteAddr, header, response);
        if (topicConfig == null) {
            return response;
        }
        MessageExtBrokerInner msg = buildMessage(ctx, header, request.getBody(), topicConfig);
        SendMessageResponseHeader responseHeader = (SendMessageResponseHeader) response.readCustomHeader();
        String pushFailure = push(ctx, header, msg);
        if (pushFailure == null) {
            response.setCode(ResponseCode.SUCCESS);
            response.setRemark(null);
            // a placeholder id the client can decode; replaced by the stored message's id when stored
            responseHeader.setMsgId("0");
            responseHeader.setQueueId(msg.getQueueId());
            responseHeader.setQueueOffset(0L);
        } else {
            response.setCode(ResponseCode.SYSTEM_ERROR);
            response.setRemark(pushFailure);
        }
        if (brokerConfig.isStoreReplyMessageEnable()) {
            store(msg, responseHeader);
        }
        return response;
    }

    @Override
    public boolean rejectRequest() {
        return false;
    }

    private MessageExtBrokerInner buildMessage(ChannelHandlerContext ctx, SendMessageRequestHeader header, byte[] body,
                                               TopicConfig topicConfig) {
        MessageExtBrokerInner msg = new MessageExtBrokerInner();
        msg.setTopic(header.getTopic());
        msg.setQueueId(SendMessageChecker.selectQueueId(header.getQueueId(), topicConfig));
        msg.setBody(body == null ? new byte[0] : body);
        msg.setFlag(header.getFlag());
        // Stored with the properties exactly as the replier sent them (no CLUSTER added, unlike a plain send).
        MessageAccessor.setProperties(msg, MessageDecoder.string2messageProperties(header.getProperties()));
        msg.setPropertiesString(header.getProperties());
        msg.setTagsCode(MessageExtBrokerInner.tagsString2tagsCode(topicConfig.getTopicFilterType(), msg.getTags()));
        // 4.9.7 stores replies with sysFlag 0; keeping the sender's flag keeps a compressed body readable.
        msg.setSysFlag(header.getSysFlag());
        msg.setBornTimestamp(header.getBornTimestamp());
        msg.setBornHost(ctx.channel().remoteAddress());
        msg.setStoreHost(storeHost.get());
        msg.setReconsumeTimes(header.getReconsumeTimes() == null ? 0 : header.getReconsumeTimes());
        return msg;
    }

    /** Pushes the reply to the requesting client; returns null on success, else why it failed. */
    private String push(ChannelHandlerContext ctx, SendMessageRequestHeader header, MessageExtBrokerInner msg) {
        String requesterId = msg.getProperty(MessageConst.PROPERTY_MESSAGE_REPLY_TO_CLIENT);
        if (requesterId == null) {
            LOG.warn("reply from {} to topic {} has no {} property: nobody to push it to",
                RemotingHelper.parseChannelRemoteAddr(ctx.channel()), header.getTopic(),
                MessageConst.PROPERTY_MESSAGE_REPLY_TO_CLIENT);
            return "reply message properties[" + MessageConst.PROPERTY_MESSAGE_REPLY_TO_CLIENT + "] is null";
        }
        Channel channel = producerManager.findChannel(requesterId);
        if (channel == null) {
            String remark = "push reply message fail, channel of <" + requesterId + "> not found.";
            LOG.warn("{} (the requester has not sent a heartbeat to this broker, or has gone)", remark);
            return remark;
        }
        RemotingCommand pushRequest = pushRequest(ctx, header, msg);
        try {
            RemotingCommand pushResponse = broker2Client.callClient(channel, pushRequest);
            if (pushResponse != null && pushResponse.getCode() == ResponseCode.SUCCESS) {
                return null;
            }
            LOG.warn("push reply to {} answered {}: {}", requesterId,
                pushResponse == null ? "nothing" : pushResponse.getCode(),
                pushResponse == null ? "" : pushResponse.getRemark());
        } catch (RemotingException e) {
            LOG.warn("push reply to {} at {} failed: {}", requesterId, RemotingHelper.parseChannelRemoteAddr(channel),
                e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "push reply message to " + requesterId + "fail.";
    }

    private RemotingCommand pushRequest(ChannelHandlerContext ctx, SendMessageRequestHeader header,
                                        MessageExtBrokerInner msg) {
        ReplyMessageRequestHeader push = new ReplyMessageRequestHeader();
        push.setBornHost(ctx.channel().remoteAddress().toString());
        push.setStoreHost(storeHost.get().toString());
        push.setStoreTimestamp(System.currentTimeMillis());
        push.setProducerGroup(header.getProducerGroup());
        push.setTopic(header.getTopic());
        push.setDefaultTopic(header.getDefaultTopic());
        push.setDefaultTopicQueueNums(header.getDefaultTopicQueueNums());
        push.setQueueId(header.getQueueId());
        push.setSysFlag(header.getSysFlag());
        push.setBornTimestamp(header.getBornTimestamp());
        push.setFlag(header.getFlag());
        push.setReconsumeTimes(header.getReconsumeTimes());
        push.setUnitMode(header.isUnitMode());
        // The pushed copy carries the push time; the stored copy keeps the replier's properties string.
        Map<String, String> properties = new HashMap<>(msg.getProperties());
        properties.put(MessageConst.PROPERTY_PUSH_REPLY_TIME, String.valueOf(System.currentTimeMillis()));
        push.setProperties(MessageDecoder.messageProperties2String(properties));
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.PUSH_REPLY_MESSAGE_TO_CLIENT, push);
        request.setBody(msg.getBody());
        return request;
    }

    /** Stores the reply; the answer's code stays the push outcome, its header names the stored message. */
    private void store(MessageExtBrokerInner msg, SendMessageResponseHeader responseHeader) {
        PutMessageResult result = store.putMessage(msg);
        if (!PutResultMapper.stored(result)) {
            LOG.warn("storing the reply in {} failed: {}", msg.getTopic(),
                result == null ? "no result" : result.getPutMessageStatus());
            return;
        }
        int msgNum = Math.max(1, result.getAppendMessageResult().getMsgNum());
        stats.recordPut(msg.getTopic(), TrafficObserver.MessageType.NORMAL, msgNum,
            result.getAppendMessageResult().getWroteBytes());
        responseHeader.setMsgId(result.getAppendMessageResult().getMsgId());
        responseHeader.setQueueId(msg.getQueueId());
        responseHeader.setQueueOffset(result.getAppendMessageResult().getLogicsOffset());
    }
}
