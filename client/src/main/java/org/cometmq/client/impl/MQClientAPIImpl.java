package org.cometmq.client.impl;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import org.cometmq.client.ClientConfig;
import org.cometmq.client.consumer.PullCallback;
import org.cometmq.client.consumer.PullResult;
import org.cometmq.client.consumer.PullStatus;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.impl.consumer.PullResultExt;
import org.cometmq.client.producer.SendCallback;
import org.cometmq.client.producer.SendResult;
import org.cometmq.common.MQVersion;
import org.cometmq.common.MixAll;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.UtilAll;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageDecoder;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.namesrv.NameServerAddresses;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.body.GetConsumerListByGroupResponseBody;
import org.cometmq.common.protocol.body.LockBatchRequestBody;
import org.cometmq.common.protocol.body.LockBatchResponseBody;
import org.cometmq.common.protocol.body.UnlockBatchRequestBody;
import org.cometmq.common.protocol.header.ConsumerSendMsgBackRequestHeader;
import org.cometmq.common.protocol.header.CreateTopicRequestHeader;
import org.cometmq.common.protocol.header.EndTransactionRequestHeader;
import org.cometmq.common.protocol.header.GetConsumerListByGroupRequestHeader;
import org.cometmq.common.protocol.header.GetEarliestMsgStoretimeRequestHeader;
import org.cometmq.common.protocol.header.GetEarliestMsgStoretimeResponseHeader;
import org.cometmq.common.protocol.header.GetMaxOffsetRequestHeader;
import org.cometmq.common.protocol.header.GetMaxOffsetResponseHeader;
import org.cometmq.common.protocol.header.GetMinOffsetRequestHeader;
import org.cometmq.common.protocol.header.GetMinOffsetResponseHeader;
import org.cometmq.common.protocol.header.PullMessageRequestHeader;
import org.cometmq.common.protocol.header.PullMessageResponseHeader;
import org.cometmq.common.protocol.header.QueryConsumerOffsetRequestHeader;
import org.cometmq.common.protocol.header.QueryConsumerOffsetResponseHeader;
import org.cometmq.common.protocol.header.QueryMessageRequestHeader;
import org.cometmq.common.protocol.header.SearchOffsetRequestHeader;
import org.cometmq.common.protocol.header.SearchOffsetResponseHeader;
import org.cometmq.common.protocol.header.SendMessageRequestHeader;
import org.cometmq.common.protocol.header.UnregisterClientRequestHeader;
import org.cometmq.common.protocol.header.UpdateConsumerOffsetRequestHeader;
import org.cometmq.common.protocol.header.ViewMessageRequestHeader;
import org.cometmq.common.protocol.header.namesrv.GetRouteInfoRequestHeader;
import org.cometmq.common.protocol.heartbeat.HeartbeatData;
import org.cometmq.common.protocol.route.TopicRouteData;
import org.cometmq.remoting.InvokeCallback;
import org.cometmq.remoting.RemotingClient;
import org.cometmq.remoting.exception.RemotingCommandException;
import org.cometmq.remoting.exception.RemotingException;
import org.cometmq.remoting.netty.ResponseFuture;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request the client sends, one short method each. Requests go through {@link RpcInvoker}; a {@code null}
 * address means "a name server". Admin requests live in {@link MQAdminCalls} on the same invoker.
 */
public class MQClientAPIImpl {
    private static final Logger LOG = LoggerFactory.getLogger(MQClientAPIImpl.class);

    static {
        // Every command this client creates carries version 4.9.7, so name servers answer with standard JSON.
        System.setProperty(RemotingCommand.REMOTING_VERSION_KEY, Integer.toString(MQVersion.CURRENT_VERSION));
    }

    private final RemotingClient remotingClient;
    private final RpcInvoker rpc;
    private final ClientConfig clientConfig;
    private final MQAdminCalls adminCalls;

    public MQClientAPIImpl(RemotingClient remotingClient, ClientConfig clientConfig) {
        this.remotingClient = remotingClient;
        this.rpc = new RpcInvoker(remotingClient);
        this.clientConfig = clientConfig;
        this.adminCalls = new MQAdminCalls(rpc);
    }

    /** Routes broker-to-client requests (transaction checks, consumer notifications) to {@code processor}. */
    public void registerClientProcessor(ClientRemotingProcessor processor) {
        for (int code : ClientRemotingProcessor.HANDLED_CODES) {
            remotingClient.registerProcessor(code, processor, null);
        }
    }

    public void start() {
        remotingClient.start();
    }

    public void shutdown() {
        remotingClient.shutdown();
    }

    /** Replaces the name server list; {@code addrs} is {@code host:port} entries separated by {@code ;}. */
    public void updateNameServerAddressList(String addrs) {
        remotingClient.updateNameServerAddressList(NameServerAddresses.parse(addrs));
    }

    public List<String> getNameServerAddressList() {
        return remotingClient.getNameServerAddressList();
    }

    public RemotingClient getRemotingClient() {
        return remotingClient;
    }

    public RpcInvoker getRpcInvoker() {
        return rpc;
    }

    public MQAdminCalls admin() {
        return adminCalls;
    }

    // ------------------------------------------------------------------ name server

    /** The topic's route; a topic the name server does not know is an MQClientException with TOPIC_NOT_EXIST. */
    public TopicRouteData getTopicRouteInfoFromNameServer(String topic, long timeoutMillis)
        throws RemotingException, MQClientException, InterruptedException {
        GetRouteInfoRequestHeader header = new GetRouteInfoRequestHeader();
        header.setTopic(topic);
        RemotingCommand response = remotingClient.invokeSync(null,
            RpcInvoker.command(RequestCode.GET_ROUTEINFO_BY_TOPIC, header, null), timeoutMillis);
        if (response.getCode() == ResponseCode.SUCCESS && response.getBody() != null) {
            return TopicRouteData.decode(response.getBody(), TopicRouteData.class);
        }
        throw new MQClientException(response.getCode(), response.getRemark());
    }

    // ------------------------------------------------------------------ send

    /** Sends one message (or batch) synchronously and returns the broker's result. */
    public SendResult sendMessageSync(String addr, String brokerName, Message msg, SendMessageRequestHeader header,
        long timeoutMillis) throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand request = SendRequestCodec.buildRequest(msg, header);
        RemotingCommand response = remotingClient.invokeSync(addr, request, timeoutMillis);
        return SendRequestCodec.decodeResponse(brokerName, userTopic(msg), msg, response, addr);
    }

    /**
     * Sends asynchronously. Failures to even send (no connection, too many requests) are thrown; later failures
     * reach {@code callback.onException} as the remoting exception or {@link MQBrokerException}.
     */
    public void sendMessageAsync(String addr, String brokerName, Message msg, SendMessageRequestHeader header,
        long timeoutMillis, SendCallback callback) throws RemotingException, InterruptedException {
        RemotingCommand request = SendRequestCodec.buildRequest(msg, header);
        String topic = userTopic(msg);
        rpc.async(addr, request, timeoutMillis, future -> {
            RemotingCommand response = future.getResponseCommand();
            if (response == null) {
                callback.onException(failureOf(future, addr, request));
                return;
            }
            SendResult result;
            try {
                result = SendRequestCodec.decodeResponse(brokerName, topic, msg, response, addr);
            } catch (Exception e) {
                callback.onException(e);
                return;
            }
            callback.onSuccess(result);
        });
    }

    public void sendMessageOneway(String addr, Message msg, SendMessageRequestHeader header, long timeoutMillis)
        throws RemotingException, InterruptedException {
        RemotingCommand request = SendRequestCodec.buildRequest(msg, header);
        request.markOnewayRPC();
        remotingClient.invokeOneway(addr, request, timeoutMillis);
    }

    private String userTopic(Message msg) {
        return clientConfig.withoutNamespace(msg.getTopic());
    }

    /** The exception describing an asynchronous request that got no response. */
    static Exception failureOf(ResponseFuture future, String addr, RemotingCommand request) {
        if (!future.isSendRequestOK()) {
            return new MQClientException("send request failed to " + addr + ". Request: " + request,
                future.getCause());
        }
        if (future.isTimeout()) {
            return new MQClientException("wait response from " + addr + " timeout " + future.getTimeoutMillis()
                + "ms. Request: " + request, future.getCause());
        }
        return new MQClientException("unknown reason, no response from " + addr + ". Request: " + request,
            future.getCause());
    }

    // ------------------------------------------------------------------ pull

    /**
     * Pulls messages. SYNC returns the result; ASYNC returns null and reports through {@code callback}.
     * The result is a {@link PullResultExt} holding the raw records; decoding is the caller's job.
     */
    public PullResult pullMessage(String addr, PullMessageRequestHeader header, long timeoutMillis,
        CommunicationMode mode, PullCallback callback) throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand request = RpcInvoker.command(RequestCode.PULL_MESSAGE, header, null);
        if (mode == CommunicationMode.SYNC) {
            return processPullResponse(remotingClient.invokeSync(addr, request, timeoutMillis), addr);
        }
        if (mode == CommunicationMode.ASYNC) {
            rpc.async(addr, request, timeoutMillis, future -> completePull(future, addr, request, callback));
            return null;
        }
        throw new IllegalArgumentException("pullMessage supports SYNC and ASYNC, not " + mode);
    }

    private void completePull(ResponseFuture future, String addr, RemotingCommand request, PullCallback callback) {
        RemotingCommand response = future.getResponseCommand();
        if (response == null) {
            callback.onException(failureOf(future, addr, request));
            return;
        }
        PullResult result;
        try {
            result = processPullResponse(response, addr);
        } catch (Exception e) {
            callback.onException(e);
            return;
        }
        callback.onSuccess(result);
    }

    static PullResult processPullResponse(RemotingCommand response, String addr)
        throws MQBrokerException, RemotingCommandException {
        PullStatus status = switch (response.getCode()) {
            case ResponseCode.SUCCESS -> PullStatus.FOUND;
            case ResponseCode.PULL_NOT_FOUND -> PullStatus.NO_NEW_MSG;
            case ResponseCode.PULL_RETRY_IMMEDIATELY -> PullStatus.NO_MATCHED_MSG;
            case ResponseCode.PULL_OFFSET_MOVED -> PullStatus.OFFSET_ILLEGAL;
            default -> throw new MQBrokerException(response.getCode(), response.getRemark(), addr);
        };
        PullMessageResponseHeader header = response.decodeCommandCustomHeader(PullMessageResponseHeader.class);
        return new PullResultExt(status, header.getNextBeginOffset(), header.getMinOffset(), header.getMaxOffset(),
            null, header.getSuggestWhichBrokerId(), response.getBody());
    }

    // ------------------------------------------------------------------ consumer offsets

    /** The group's committed offset; a broker without one answers QUERY_NOT_FOUND (an MQBrokerException). */
    public long queryConsumerOffset(String addr, QueryConsumerOffsetRequestHeader header, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        return rpc.callForHeader(addr, RequestCode.QUERY_CONSUMER_OFFSET, header, timeoutMillis,
            QueryConsumerOffsetResponseHeader.class).getOffset();
    }

    public void updateConsumerOffset(String addr, UpdateConsumerOffsetRequestHeader header, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        rpc.call(addr, RequestCode.UPDATE_CONSUMER_OFFSET, header, null, timeoutMillis);
    }

    public void updateConsumerOffsetOneway(String addr, UpdateConsumerOffsetRequestHeader header, long timeoutMillis)
        throws RemotingException, InterruptedException {
        rpc.oneway(addr, RequestCode.UPDATE_CONSUMER_OFFSET, header, null, timeoutMillis);
    }

    // ------------------------------------------------------------------ queue offsets

    public long getMaxOffset(String addr, MessageQueue mq, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        GetMaxOffsetRequestHeader header = new GetMaxOffsetRequestHeader();
        header.setTopic(mq.getTopic());
        header.setQueueId(mq.getQueueId());
        header.setBname(mq.getBrokerName());
        return rpc.callForHeader(addr, RequestCode.GET_MAX_OFFSET, header, timeoutMillis,
            GetMaxOffsetResponseHeader.class).getOffset();
    }

    public long getMaxOffset(String addr, String topic, int queueId, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        return getMaxOffset(addr, new MessageQueue(topic, null, queueId), timeoutMillis);
    }

    public long getMinOffset(String addr, MessageQueue mq, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        GetMinOffsetRequestHeader header = new GetMinOffsetRequestHeader();
        header.setTopic(mq.getTopic());
        header.setQueueId(mq.getQueueId());
        header.setBname(mq.getBrokerName());
        return rpc.callForHeader(addr, RequestCode.GET_MIN_OFFSET, header, timeoutMillis,
            GetMinOffsetResponseHeader.class).getOffset();
    }

    public long getMinOffset(String addr, String topic, int queueId, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        return getMinOffset(addr, new MessageQueue(topic, null, queueId), timeoutMillis);
    }

    /** The offset of the first message stored at or after {@code timestamp} (ms). */
    public long searchOffset(String addr, MessageQueue mq, long timestamp, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        SearchOffsetRequestHeader header = new SearchOffsetRequestHeader();
        header.setTopic(mq.getTopic());
        header.setQueueId(mq.getQueueId());
        header.setTimestamp(timestamp);
        header.setBname(mq.getBrokerName());
        return rpc.callForHeader(addr, RequestCode.SEARCH_OFFSET_BY_TIMESTAMP, header, timeoutMillis,
            SearchOffsetResponseHeader.class).getOffset();
    }

    public long searchOffset(String addr, String topic, int queueId, long timestamp, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        return searchOffset(addr, new MessageQueue(topic, null, queueId), timestamp, timeoutMillis);
    }

    public long getEarliestMsgStoretime(String addr, MessageQueue mq, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        GetEarliestMsgStoretimeRequestHeader header = new GetEarliestMsgStoretimeRequestHeader();
        header.setTopic(mq.getTopic());
        header.setQueueId(mq.getQueueId());
        header.setBname(mq.getBrokerName());
        return rpc.callForHeader(addr, RequestCode.GET_EARLIEST_MSG_STORETIME, header, timeoutMillis,
            GetEarliestMsgStoretimeResponseHeader.class).getTimestamp();
    }

    public long getEarliestMsgStoretime(String addr, String topic, int queueId, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        return getEarliestMsgStoretime(addr, new MessageQueue(topic, null, queueId), timeoutMillis);
    }

    // ------------------------------------------------------------------ consumer group management

    public List<String> getConsumerIdListByGroup(String addr, String consumerGroup, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        GetConsumerListByGroupRequestHeader header = new GetConsumerListByGroupRequestHeader();
        header.setConsumerGroup(consumerGroup);
        GetConsumerListByGroupResponseBody body = rpc.callForBody(addr, RequestCode.GET_CONSUMER_LIST_BY_GROUP,
            header, null, timeoutMillis, GetConsumerListByGroupResponseBody.class);
        return body == null ? null : body.getConsumerIdList();
    }

    /** Hands a failed message back to the broker for redelivery through {@code %RETRY%group} (or the DLQ). */
    public void consumerSendMessageBack(String addr, String brokerName, MessageExt msg, String consumerGroup,
        int delayLevel, long timeoutMillis, int maxConsumeRetryTimes)
        throws RemotingException, MQBrokerException, InterruptedException {
        ConsumerSendMsgBackRequestHeader header = new ConsumerSendMsgBackRequestHeader();
        header.setOffset(msg.getCommitLogOffset());
        header.setGroup(consumerGroup);
        header.setDelayLevel(delayLevel);
        header.setOriginMsgId(msg.getMsgId());
        header.setOriginTopic(msg.getTopic());
        header.setMaxReconsumeTimes(maxConsumeRetryTimes);
        header.setBname(brokerName);
        rpc.call(addr, RequestCode.CONSUMER_SEND_MSG_BACK, header, null, timeoutMillis);
    }

    /** Locks queues for orderly consumption; returns the ones granted. */
    public Set<MessageQueue> lockBatchMQ(String addr, LockBatchRequestBody body, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        LockBatchResponseBody response = rpc.callForBody(addr, RequestCode.LOCK_BATCH_MQ, null, body.encode(),
            timeoutMillis, LockBatchResponseBody.class);
        return response == null ? Set.of() : response.getLockOKMQSet();
    }

    public void unlockBatchMQ(String addr, UnlockBatchRequestBody body, long timeoutMillis, boolean oneway)
        throws RemotingException, MQBrokerException, InterruptedException {
        if (oneway) {
            rpc.oneway(addr, RequestCode.UNLOCK_BATCH_MQ, null, body.encode(), timeoutMillis);
        } else {
            rpc.call(addr, RequestCode.UNLOCK_BATCH_MQ, null, body.encode(), timeoutMillis);
        }
    }

    /** Registers this client's groups with a broker; returns the broker's protocol version. */
    public int sendHearbeat(String addr, HeartbeatData heartbeatData, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        return rpc.call(addr, RequestCode.HEART_BEAT, null, heartbeatData.encode(), timeoutMillis).getVersion();
    }

    public void unregisterClient(String addr, String clientID, String producerGroup, String consumerGroup,
        long timeoutMillis) throws RemotingException, MQBrokerException, InterruptedException {
        UnregisterClientRequestHeader header = new UnregisterClientRequestHeader();
        header.setClientID(clientID);
        header.setProducerGroup(producerGroup);
        header.setConsumerGroup(consumerGroup);
        rpc.call(addr, RequestCode.UNREGISTER_CLIENT, header, null, timeoutMillis);
    }

    // ------------------------------------------------------------------ transactions

    public void endTransactionOneway(String addr, EndTransactionRequestHeader header, String remark,
        long timeoutMillis) throws RemotingException, InterruptedException {
        RemotingCommand request = RpcInvoker.command(RequestCode.END_TRANSACTION, header, null);
        request.setRemark(remark);
        request.markOnewayRPC();
        remotingClient.invokeOneway(addr, request, timeoutMillis);
    }

    // ------------------------------------------------------------------ messages by id or key

    /** The message stored at commit-log offset {@code phyoffset} of the broker at {@code addr}. */
    public MessageExt viewMessage(String addr, long phyoffset, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        ViewMessageRequestHeader header = new ViewMessageRequestHeader();
        header.setOffset(phyoffset);
        RemotingCommand response = rpc.call(addr, RequestCode.VIEW_MESSAGE_BY_ID, header, null, timeoutMillis);
        MessageExt msg = MessageDecoder.clientDecode(ByteBuffer.wrap(response.getBody()), true);
        msg.setTopic(clientConfig.withoutNamespace(msg.getTopic()));
        return msg;
    }

    /** Queries the index of one broker asynchronously; the callback gets the raw response future. */
    public void queryMessage(String addr, QueryMessageRequestHeader header, long timeoutMillis,
        InvokeCallback callback, boolean isUniqueKey) throws RemotingException, InterruptedException {
        RemotingCommand request = RpcInvoker.command(RequestCode.QUERY_MESSAGE, header, null);
        request.addExtField(MixAll.UNIQUE_MSG_QUERY_FLAG, Boolean.toString(isUniqueKey));
        rpc.async(addr, request, timeoutMillis, callback);
    }

    // ------------------------------------------------------------------ topics

    /** Creates or updates {@code topicConfig} on the broker at {@code addr}. */
    public void createTopic(String addr, String defaultTopic, TopicConfig topicConfig, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        CreateTopicRequestHeader header = new CreateTopicRequestHeader();
        header.setTopic(topicConfig.getTopicName());
        header.setDefaultTopic(defaultTopic);
        header.setReadQueueNums(topicConfig.getReadQueueNums());
        header.setWriteQueueNums(topicConfig.getWriteQueueNums());
        header.setPerm(topicConfig.getPerm());
        header.setTopicFilterType(topicConfig.getTopicFilterType().name());
        header.setTopicSysFlag(topicConfig.getTopicSysFlag());
        header.setOrder(topicConfig.isOrder());
        rpc.call(addr, RequestCode.UPDATE_AND_CREATE_TOPIC, header, null, timeoutMillis);
        LOG.info("created topic {} on {}: {}", topicConfig.getTopicName(), addr, topicConfig);
    }

    static boolean isBlank(String s) {
        return UtilAll.isBlank(s);
    }
}
