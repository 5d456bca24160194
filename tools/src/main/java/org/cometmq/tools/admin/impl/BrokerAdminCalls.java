package org.cometmq.tools.admin.impl;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.impl.RpcInvoker;
import org.cometmq.common.MixAll;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.body.BrokerStatsData;
import org.cometmq.common.protocol.body.ConsumeMessageDirectlyResult;
import org.cometmq.common.admin.ConsumeStats;
import org.cometmq.common.protocol.body.ConsumeStatsList;
import org.cometmq.common.protocol.body.ConsumerConnection;
import org.cometmq.common.protocol.body.ConsumerRunningInfo;
import org.cometmq.common.protocol.body.GetConsumerStatusBody;
import org.cometmq.common.protocol.body.GroupList;
import org.cometmq.common.protocol.body.KVTable;
import org.cometmq.common.protocol.body.ProducerConnection;
import org.cometmq.common.protocol.body.ProducerTableInfo;
import org.cometmq.common.protocol.body.QueryConsumeQueueResponseBody;
import org.cometmq.common.protocol.body.QueryConsumeTimeSpanBody;
import org.cometmq.common.protocol.body.QueueTimeSpan;
import org.cometmq.common.protocol.body.ResetOffsetBody;
import org.cometmq.common.protocol.body.SubscriptionGroupWrapper;
import org.cometmq.common.protocol.body.TopicConfigSerializeWrapper;
import org.cometmq.common.protocol.body.TopicList;
import org.cometmq.common.admin.TopicStatsTable;
import org.cometmq.common.protocol.header.CloneGroupOffsetRequestHeader;
import org.cometmq.common.protocol.header.ConsumeMessageDirectlyResultRequestHeader;
import org.cometmq.common.protocol.header.DeleteSubscriptionGroupRequestHeader;
import org.cometmq.common.protocol.header.DeleteTopicRequestHeader;
import org.cometmq.common.protocol.header.GetConsumeStatsInBrokerHeader;
import org.cometmq.common.protocol.header.GetConsumeStatsRequestHeader;
import org.cometmq.common.protocol.header.GetConsumerConnectionListRequestHeader;
import org.cometmq.common.protocol.header.GetConsumerRunningInfoRequestHeader;
import org.cometmq.common.protocol.header.GetConsumerStatusRequestHeader;
import org.cometmq.common.protocol.header.GetProducerConnectionListRequestHeader;
import org.cometmq.common.protocol.header.GetTopicStatsInfoRequestHeader;
import org.cometmq.common.protocol.header.QueryConsumeQueueRequestHeader;
import org.cometmq.common.protocol.header.QueryConsumeTimeSpanRequestHeader;
import org.cometmq.common.protocol.header.QueryTopicConsumeByWhoRequestHeader;
import org.cometmq.common.protocol.header.ResetOffsetRequestHeader;
import org.cometmq.common.protocol.header.ResumeCheckHalfMessageRequestHeader;
import org.cometmq.common.protocol.header.ViewBrokerStatsDataRequestHeader;
import org.cometmq.common.subscription.SubscriptionGroupConfig;
import org.cometmq.remoting.CommandCustomHeader;
import org.cometmq.remoting.exception.RemotingConnectException;
import org.cometmq.remoting.exception.RemotingSendRequestException;
import org.cometmq.remoting.exception.RemotingTimeoutException;
import org.cometmq.remoting.protocol.LanguageCode;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.remoting.protocol.RemotingSerializable;

/**
 * The broker admin requests of spec 4.16, one short method each over the client's {@link RpcInvoker}. Every
 * call goes to the broker at {@code addr}; a response code other than SUCCESS is an {@link MQBrokerException}.
 * The remoting exceptions stay as narrow as the remoting client declares them, so the admin API can keep
 * RocketMQ's method signatures.
 */
public class BrokerAdminCalls {
    private final RpcInvoker rpc;
    private final long timeoutMillis;

    public BrokerAdminCalls(RpcInvoker rpc, long timeoutMillis) {
        this.rpc = rpc;
        this.timeoutMillis = timeoutMillis;
    }

    /** Sends one request and returns the SUCCESS response (or the one of {@code accepted}). */
    RemotingCommand call(String addr, RemotingCommand request, long timeout, int... accepted)
        throws InterruptedException, RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException,
        MQBrokerException {
        return RpcInvoker.accept(rpc.getRemotingClient().invokeSync(addr, request, timeout), addr, accepted);
    }

    private RemotingCommand call(String addr, int code, CommandCustomHeader header, byte[] body)
        throws InterruptedException, RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException,
        MQBrokerException {
        return call(addr, RpcInvoker.command(code, header, body), timeoutMillis);
    }

    private <T> T callForBody(String addr, int code, CommandCustomHeader header, Class<T> bodyClass)
        throws InterruptedException, RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException,
        MQBrokerException {
        return RemotingSerializable.decode(call(addr, code, header, null).getBody(), bodyClass);
    }

    // ------------------------------------------------------------------ topics

    public void deleteTopicInBroker(String addr, String topic) throws InterruptedException, RemotingConnectException,
        RemotingSendRequestException, RemotingTimeoutException, MQBrokerException {
        DeleteTopicRequestHeader header = new DeleteTopicRequestHeader();
        header.setTopic(topic);
        call(addr, RequestCode.DELETE_TOPIC_IN_BROKER, header, null);
    }

    public TopicStatsTable getTopicStatsInfo(String addr, String topic) throws InterruptedException,
        RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException, MQBrokerException {
        GetTopicStatsInfoRequestHeader header = new GetTopicStatsInfoRequestHeader();
        header.setTopic(topic);
        return callForBody(addr, RequestCode.GET_TOPIC_STATS_INFO, header, TopicStatsTable.class);
    }

    public TopicConfigSerializeWrapper getAllTopicConfig(String addr, long timeout) throws InterruptedException,
        RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException, MQBrokerException {
        RemotingCommand response = call(addr, RpcInvoker.command(RequestCode.GET_ALL_TOPIC_CONFIG, null, null),
            timeout);
        return RemotingSerializable.decode(response.getBody(), TopicConfigSerializeWrapper.class);
    }

    public TopicList getSystemTopicListFromBroker(String addr) throws InterruptedException, RemotingConnectException,
        RemotingSendRequestException, RemotingTimeoutException, MQBrokerException {
        return callForBody(addr, RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_BROKER, null, TopicList.class);
    }

    public GroupList queryTopicConsumeByWho(String addr, String topic) throws InterruptedException,
        RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException, MQBrokerException {
        QueryTopicConsumeByWhoRequestHeader header = new QueryTopicConsumeByWhoRequestHeader();
        header.setTopic(topic);
        return callForBody(addr, RequestCode.QUERY_TOPIC_CONSUME_BY_WHO, header, GroupList.class);
    }

    // ------------------------------------------------------------------ broker config and stats

    public Properties getBrokerConfig(String addr) throws InterruptedException, RemotingConnectException,
        RemotingSendRequestException, RemotingTimeoutException, MQBrokerException {
        byte[] body = call(addr, RequestCode.GET_BROKER_CONFIG, null, null).getBody();
        return body == null ? null : MixAll.string2Properties(new String(body, StandardCharsets.UTF_8));
    }

    public void updateBrokerConfig(String addr, Properties properties) throws InterruptedException,
        RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException, MQBrokerException {
        String text = MixAll.properties2String(properties);
        call(addr, RequestCode.UPDATE_BROKER_CONFIG, null, text.getBytes(StandardCharsets.UTF_8));
    }

    public KVTable getBrokerRuntimeInfo(String addr) throws InterruptedException, RemotingConnectException,
        RemotingSendRequestException, RemotingTimeoutException, MQBrokerException {
        return callForBody(addr, RequestCode.GET_BROKER_RUNTIME_INFO, null, KVTable.class);
    }

    public BrokerStatsData viewBrokerStatsData(String addr, String statsName, String statsKey)
        throws InterruptedException, RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException,
        MQBrokerException {
        ViewBrokerStatsDataRequestHeader header = new ViewBrokerStatsDataRequestHeader();
        header.setStatsName(statsName);
        header.setStatsKey(statsKey);
        return callForBody(addr, RequestCode.VIEW_BROKER_STATS_DATA, header, BrokerStatsData.class);
    }

    public ConsumeStatsList fetchConsumeStatsInBroker(String addr, boolean isOrder, long timeout)
        throws InterruptedException, RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException,
        MQBrokerException {
        GetConsumeStatsInBrokerHeader header = new GetConsumeStatsInBrokerHeader();
        header.setIsOrder(isOrder);
        RemotingCommand response = call(addr, RpcInvoker.command(RequestCode.GET_BROKER_CONSUME_STATS, header, null),
            timeout);
        return RemotingSerializable.decode(response.getBody(), ConsumeStatsList.class);
    }

    /** CLEAN_EXPIRED_CONSUMEQUEUE, CLEAN_UNUSED_TOPIC or DELETE_EXPIRED_COMMITLOG: true when the broker agreed. */
    public boolean trigger(String addr, int code) throws InterruptedException, RemotingConnectException,
        RemotingSendRequestException, RemotingTimeoutException, MQBrokerException {
        call(addr, code, null, null);
        return true;
    }

    // ------------------------------------------------------------------ subscription groups

    public void createSubscriptionGroup(String addr, SubscriptionGroupConfig config) throws InterruptedException,
        RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException, MQBrokerException {
        call(addr, RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP, null, RemotingSerializable.encode(config));
    }

    public SubscriptionGroupWrapper getAllSubscriptionGroup(String addr, long timeout) throws InterruptedException,
        RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException, MQBrokerException {
        RemotingCommand response = call(addr,
            RpcInvoker.command(RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG, null, null), timeout);
        return RemotingSerializable.decode(response.getBody(), SubscriptionGroupWrapper.class);
    }

    public void deleteSubscriptionGroup(String addr, String groupName, boolean removeOffset)
        throws InterruptedException, RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException,
        MQBrokerException {
        DeleteSubscriptionGroupRequestHeader header = new DeleteSubscriptionGroupRequestHeader();
        header.setGroupName(groupName);
        header.setRemoveOffset(removeOffset);
        call(addr, RequestCode.DELETE_SUBSCRIPTIONGROUP, header, null);
    }

    public void cloneGroupOffset(String addr, String srcGroup, String destGroup, String topic, boolean offline)
        throws InterruptedException, RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException,
        MQBrokerException {
        CloneGroupOffsetRequestHeader header = new CloneGroupOffsetRequestHeader();
        header.setSrcGroup(srcGroup);
        header.setDestGroup(destGroup);
        header.setTopic(topic);
        header.setOffline(offline);
        call(addr, RequestCode.CLONE_GROUP_OFFSET, header, null);
    }

    // ------------------------------------------------------------------ consumers and producers

    public ConsumeStats getConsumeStats(String addr, String consumerGroup, String topic, long timeout)
        throws InterruptedException, RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException,
        MQBrokerException {
        GetConsumeStatsRequestHeader header = new GetConsumeStatsRequestHeader();
        header.setConsumerGroup(consumerGroup);
        header.setTopic(topic);
        RemotingCommand response = call(addr, RpcInvoker.command(RequestCode.GET_CONSUME_STATS, header, null), timeout);
        return RemotingSerializable.decode(response.getBody(), ConsumeStats.class);
    }

    public ConsumerConnection getConsumerConnectionList(String addr, String consumerGroup) throws InterruptedException,
        RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException, MQBrokerException {
        GetConsumerConnectionListRequestHeader header = new GetConsumerConnectionListRequestHeader();
        header.setConsumerGroup(consumerGroup);
        return callForBody(addr, RequestCode.GET_CONSUMER_CONNECTION_LIST, header, ConsumerConnection.class);
    }

    public ProducerConnection getProducerConnectionList(String addr, String producerGroup)
        throws InterruptedException, RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException,
        MQBrokerException {
        GetProducerConnectionListRequestHeader header = new GetProducerConnectionListRequestHeader();
        header.setProducerGroup(producerGroup);
        return callForBody(addr, RequestCode.GET_PRODUCER_CONNECTION_LIST, header, ProducerConnection.class);
    }

    public ProducerTableInfo getAllProducerInfo(String addr) throws InterruptedException, RemotingConnectException,
        RemotingSendRequestException, RemotingTimeoutException, MQBrokerException {
        return callForBody(addr, RequestCode.GET_ALL_PRODUCER_INFO, null, ProducerTableInfo.class);
    }

    /** Asks the broker to move the group's online consumers to the offsets of {@code timestamp}. */
    public Map<MessageQueue, Long> invokeBrokerToResetOffset(String addr, String topic, String group, long timestamp,
        boolean isForce, boolean isC) throws InterruptedException, RemotingConnectException,
        RemotingSendRequestException, RemotingTimeoutException, MQBrokerException {
        ResetOffsetRequestHeader header = new ResetOffsetRequestHeader();
        header.setTopic(topic);
        header.setGroup(group);
        header.setTimestamp(timestamp);
        header.setForce(isForce);
        RemotingCommand request = RpcInvoker.command(RequestCode.INVOKE_BROKER_TO_RESET_OFFSET, header, null);
        if (isC) {
            // the broker answers a C++ client's reset differently; it tells them apart by language
            request.setLanguage(LanguageCode.CPP);
        }
        ResetOffsetBody body = RemotingSerializable.decode(call(addr, request, timeoutMillis).getBody(),
            ResetOffsetBody.class);
        return body == null ? null : body.getOffsetTable();
    }

    public Map<String, Map<MessageQueue, Long>> invokeBrokerToGetConsumerStatus(String addr, String topic,
        String group, String clientAddr) throws InterruptedException, RemotingConnectException,
        RemotingSendRequestException, RemotingTimeoutException, MQBrokerException {
        GetConsumerStatusRequestHeader header = new GetConsumerStatusRequestHeader();
        header.setTopic(topic);
        header.setGroup(group);
        header.setClientAddr(clientAddr);
        GetConsumerStatusBody body = callForBody(addr, RequestCode.INVOKE_BROKER_TO_GET_CONSUMER_STATUS, header,
            GetConsumerStatusBody.class);
        return body == null ? null : body.getConsumerTable();
    }

    public List<QueueTimeSpan> queryConsumeTimeSpan(String addr, String topic, String group)
        throws InterruptedException, RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException,
        MQBrokerException {
        QueryConsumeTimeSpanRequestHeader header = new QueryConsumeTimeSpanRequestHeader();
        header.setTopic(topic);
        header.setGroup(group);
        QueryConsumeTimeSpanBody body = callForBody(addr, RequestCode.QUERY_CONSUME_TIME_SPAN, header,
            QueryConsumeTimeSpanBody.class);
        return body == null ? List.of() : body.getConsumeTimeSpanSet();
    }

    /** The broker forwards this to the client {@code clientId}, whose answer it relays. */
    public ConsumerRunningInfo getConsumerRunningInfo(String addr, String consumerGroup, String clientId,
        boolean jstack) throws InterruptedException, RemotingConnectException, RemotingSendRequestException,
        RemotingTimeoutException, MQBrokerException {
        GetConsumerRunningInfoRequestHeader header = new GetConsumerRunningInfoRequestHeader();
        header.setConsumerGroup(consumerGroup);
        header.setClientId(clientId);
        header.setJstackEnable(jstack);
        return callForBody(addr, RequestCode.GET_CONSUMER_RUNNING_INFO, header, ConsumerRunningInfo.class);
    }

    public ConsumeMessageDirectlyResult consumeMessageDirectly(String addr, String consumerGroup, String clientId,
        String msgId) throws InterruptedException, RemotingConnectException, RemotingSendRequestException,
        RemotingTimeoutException, MQBrokerException {
        ConsumeMessageDirectlyResultRequestHeader header = new ConsumeMessageDirectlyResultRequestHeader();
        header.setConsumerGroup(consumerGroup);
        header.setClientId(clientId);
        header.setMsgId(msgId);
        return callForBody(addr, RequestCode.CONSUME_MESSAGE_DIRECTLY, header, ConsumeMessageDirectlyResult.class);
    }

    // ------------------------------------------------------------------ queues and messages

    public QueryConsumeQueueResponseBody queryConsumeQueue(String addr, String topic, int queueId, long index,
        int count, String consumerGroup) throws InterruptedException, RemotingConnectException,
        RemotingSendRequestException, RemotingTimeoutException, MQBrokerException {
        QueryConsumeQueueRequestHeader header = new QueryConsumeQueueRequestHeader();
        header.setTopic(topic);
        header.setQueueId(queueId);
        header.setIndex(index);
        header.setCount(count);
        header.setConsumerGroup(consumerGroup);
        return callForBody(addr, RequestCode.QUERY_CONSUME_QUEUE, header, QueryConsumeQueueResponseBody.class);
    }

    public boolean resumeCheckHalfMessage(String addr, String msgId) throws InterruptedException,
        RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException, MQBrokerException {
        ResumeCheckHalfMessageRequestHeader header = new ResumeCheckHalfMessageRequestHeader();
        header.setMsgId(msgId);
        call(addr, RequestCode.RESUME_CHECK_HALF_MESSAGE, header, null);
        return true;
    }
}
