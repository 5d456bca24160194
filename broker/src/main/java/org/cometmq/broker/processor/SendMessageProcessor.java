package org.cometmq.broker.processor;

import io.netty.channel.ChannelHandlerContext;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.cometmq.broker.stats.BrokerStatsManager;
import org.cometmq.broker.stats.TrafficObserver.MessageType;
import org.cometmq.broker.transaction.TransactionalMessageBridge;
import org.cometmq.common.BrokerConfig;
import org.cometmq.common.MixAll;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.TopicFilterType;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageAccessor;
import org.cometmq.common.message.MessageConst;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.message.MessageExtBatch;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.header.SendMessageRequestHeader;
import org.cometmq.common.protocol.header.SendMessageResponseHeader;
import org.cometmq.common.sysflag.MessageSysFlag;
import org.cometmq.remoting.common.RemotingHelper;
import org.cometmq.remoting.netty.AsyncNettyRequestProcessor;
import org.cometmq.remoting.netty.RemotingResponseCallback;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.store.MessageExtBrokerInner;
import org.cometmq.store.MessageStore;
import org.cometmq.store.PutMessageResult;

/**
 * SEND_MESSAGE, SEND_MESSAGE_V2 and SEND_BATCH_MESSAGE: checks the request, builds the stored message (cluster
 * property added, WAIT stripped, retry/DLQ rules applied; a transaction's prepared message parked as a half
 * message) and answers once the store has it, without blocking the send thread while a synchronous flush
 * completes.
 */
public class SendMessageProcessor extends AsyncNettyRequestProcessor {
    private final BrokerConfig brokerConfig;
    private final int maxMessageSize;
    private final SendMessageChecker checker;
    private final RetryTopics retryTopics;
    private final MessageStore store;
    private final BrokerStatsManager stats;
    private final Supplier<SocketAddress> storeHost;
    private final TransactionalMessageBridge transactionalMessageBridge;

    public SendMessageProcessor(BrokerConfig brokerConfig, int maxMessageSize, SendMessageChecker checker,
                                RetryTopics retryTopics, MessageStore store, BrokerStatsManager stats,
                                Supplier<SocketAddress> storeHost, TransactionalMessageBridge transactionalMessageBridge) {
        this.brokerConfig = brokerConfig;
        this.transactionalMessageBridge = transactionalMessageBridge;
        this.maxMessageSize = maxMessageSize;
        this.checker = checker;
        this.retryTopics = retryTopics;
        this.store = store;
        this.stats = stats;
        this.storeHost = storeHost;
    }

    @Override
    public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) throws Exception {
        return process(ctx, request).get();
    }

    @Override
    public void asyncProcessRequest(ChannelHandlerContext ctx, RemotingCommand request, RemotingResponseCallback callback)
        throws Exception {
        process(ctx, request).whenComplete((response, error) -> callback.callback(error == null ? response
            : Responses.error(ResponseCode.SYSTEM_ERROR,
                "storing the message failed: " + RemotingHelper.exceptionSimpleDesc(error))));
    }

    @Override
    public boolean rejectRequest() {
        return store.isOSPageCacheBusy() || store.isTransientStorePoolDeficient();
    }

    private CompletableFuture<RemotingCommand> process(ChannelHandlerContext ctx, RemotingCommand request)
        throws Exception {
        SendMessageRequestHeader header = SendRequestHeaders.parse(request);
        RemotingCommand response = RemotingCommand.createResponseCommand(SendMessageResponseHeader.class);
        response.addExtField(MessageConst.PROPERTY_MSG_REGION, brokerConfig.getRegionId());
        response.addExtField(MessageConst.PROPERTY_TRACE_SWITCH, String.valueOf(brokerConfig.isTraceOn()));
        String remoteAddr = RemotingHelper.parseChannelRemoteAddr(ctx.channel());
        TopicConfig topicConfig = checker.check(remoteAddr, header, response);
        if (topicConfig == null) {
            return CompletableFuture.completedFuture(response);
        }
        if (request.getCode() == RequestCode.SEND_BATCH_MESSAGE || header.isBatch()) {
            return sendBatch(ctx, header, request, response, topicConfig);
        }
        return sendSingle(ctx, header, request, response, topicConfig);
    }

    private CompletableFuture<RemotingCommand> sendSingle(ChannelHandlerContext ctx, SendMessageRequestHeader header,
                                                          RemotingCommand request, RemotingCommand response,
                                                          TopicConfig topicConfig) {
        byte[] body = request.getBody() == null ? new byte[0] : request.getBody();
        if (body.length > maxMessageSize) {
            return refuse(response, ResponseCode.MESSAGE_ILLEGAL, PutResultMapper.messageIllegalRemark(maxMessageSize));
        }
        Map<String, String> properties = MessageDecoder.string2messageProperties(header.getProperties());
        MessageExtBrokerInner msg = buildMessage(ctx, header, topicConfig, body, properties);
        if (!retryTopics.handleRetryAndDLQ(header, msg, request, response)) {
            return CompletableFuture.completedFuture(response);
        }
        finishProperties(msg, properties);
        if (isPrepared(msg)) {
            if (brokerConfig.isRejectTransactionMessage()) {
                return refuse(response, ResponseCode.NO_PERMISSION, "the broker[" + brokerConfig.getBrokerName()
                    + "] sending transaction message is forbidden (rejectTransactionMessage=true)");
            }
            // parked as a half message; the answer carries the half message's offsets and the real queue id
            return transactionalMessageBridge.asyncPrepareMessage(msg)
                .thenApply(result -> answer(result, response, msg, MessageType.TRANSACTION));
        }
        MessageType type = msg.getDelayTimeLevel() > 0 ? MessageType.DELAY : MessageType.NORMAL;
        return store.asyncPutMessage(msg).thenApply(result -> answer(result, response, msg, type));
    }

    private MessageExtBrokerInner buildMessage(ChannelHandlerContext ctx, SendMessageRequestHeader header,
                                               TopicConfig topicConfig, byte[] body, Map<String, String> properties) {
        MessageExtBrokerInner msg = new MessageExtBrokerInner();
        msg.setTopic(header.getTopic());
        msg.setQueueId(SendMessageChecker.selectQueueId(header.getQueueId(), topicConfig));
        msg.setBody(body);
        msg.setFlag(header.getFlag());
        MessageAccessor.setProperties(msg, properties);
        msg.setTagsCode(MessageExtBrokerInner.tagsString2tagsCode(topicConfig.getTopicFilterType(), msg.getTags()));
        msg.setSysFlag(sysFlag(header, topicConfig));
        msg.setBornTimestamp(header.getBornTimestamp());
        msg.setBornHost(ctx.channel().remoteAddress());
        msg.setStoreHost(storeHost.get());
        msg.setReconsumeTimes(header.getReconsumeTimes() == null ? 0 : header.getReconsumeTimes());
        return msg;
    }

    /** Adds the cluster, then writes the stored properties string without WAIT (kept in the map for the store). */
    private void finishProperties(MessageExtBrokerInner msg, Map<String, String> properties) {
        MessageAccessor.putProperty(msg, MessageConst.PROPERTY_CLUSTER, brokerConfig.getBrokerClusterName());
        String wait = properties.remove(MessageConst.PROPERTY_WAIT_STORE_MSG_OK);
        msg.setPropertiesString(MessageDecoder.messageProperties2String(msg.getProperties()));
        if (wait != null) {
            properties.put(MessageConst.PROPERTY_WAIT_STORE_MSG_OK, wait);
        }
    }

    /** A transaction's prepared message, unless it is a consumer's retry of one (reconsumed and delayed). */
    private static boolean isPrepared(MessageExtBrokerInner msg) {
        return Boolean.parseBoolean(msg.getProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED))
            && !(msg.getReconsumeTimes() > 0 && msg.getDelayTimeLevel() > 0);
    }

    private static int sysFlag(SendMessageRequestHeader header, TopicConfig topicConfig) {
        int sysFlag = header.getSysFlag();
        if (topicConfig.getTopicFilterType() == TopicFilterType.MULTI_TAG) {
            sysFlag |= MessageSysFlag.MULTI_TAGS_FLAG;
        }
        return sysFlag;
    }

    private CompletableFuture<RemotingCommand> sendBatch(ChannelHandlerContext ctx, SendMessageRequestHeader header,
                                                         RemotingCommand request, RemotingCommand response,
                                                         TopicConfig topicConfig) {
        if (header.getTopic().startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX)) {
            return refuse(response, ResponseCode.MESSAGE_ILLEGAL, "batch messages cannot be sent to retry topic "
                + header.getTopic());
        }
        if (request.getBody() == null || request.getBody().length == 0) {
            return refuse(response, ResponseCode.MESSAGE_ILLEGAL, "the batch body is empty");
        }
        MessageExtBatch batch = new MessageExtBatch();
        batch.setTopic(header.getTopic());
        batch.setQueueId(SendMessageChecker.selectQueueId(header.getQueueId(), topicConfig));
        batch.setSysFlag(sysFlag(header, topicConfig));
        batch.setFlag(header.getFlag());
        batch.setBody(request.getBody());
        batch.setBornTimestamp(header.getBornTimestamp());
        batch.setBornHost(ctx.channel().remoteAddress());
        batch.setStoreHost(storeHost.get());
        batch.setReconsumeTimes(header.getReconsumeTimes() == null ? 0 : header.getReconsumeTimes());
        // Each record keeps its own properties; the batch adds only the cluster name to every one of them.
        MessageAccessor.putProperty(batch, MessageConst.PROPERTY_CLUSTER, brokerConfig.getBrokerClusterName());
        return store.asyncPutMessages(batch).thenApply(result -> answer(result, response, batch, MessageType.NORMAL));
    }

    private RemotingCommand answer(PutMessageResult result, RemotingCommand response, MessageExt msg, MessageType type) {
        if (!PutResultMapper.apply(result, response, store.getMessageStoreConfig())) {
            return response;
        }
        String topic = msg.getTopic();
        int msgNum = Math.max(1, result.getAppendMessageResult().getMsgNum());
        stats.recordPut(topic, type, msgNum, result.getAppendMessageResult().getWroteBytes());
        if (topic.startsWith(MixAll.DLQ_GROUP_TOPIC_PREFIX)) {
            // a consumer's resend that used up its retries: moved here by RetryTopics
            String original = msg.getProperty(MessageConst.PROPERTY_RETRY_TOPIC);
            stats.recordSendToDlq(topic.substring(MixAll.DLQ_GROUP_TOPIC_PREFIX.length()),
                original != null ? original : topic);
        }
        SendMessageResponseHeader responseHeader = (SendMessageResponseHeader) response.readCustomHeader();
        responseHeader.setMsgId(result.getAppendMessageResult().getMsgId());
        responseHeader.setQueueId(msg.getQueueId());
        responseHeader.setQueueOffset(result.getAppendMessageResult().getLogicsOffset());
        return response;
    }

    private static CompletableFuture<RemotingCommand> refuse(RemotingCommand response, int code, String remark) {
        response.setCode(code);
        response.setRemark(remark);
        return CompletableFuture.completedFuture(response);
    }
}
