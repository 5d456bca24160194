package org.cometmq.tools.admin.impl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.impl.MQAdminImpl;
import org.cometmq.client.impl.MQClientAPIImpl;
import org.cometmq.common.MixAll;
import org.cometmq.common.message.MessageClientExt;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.body.ConsumeMessageDirectlyResult;
import org.cometmq.common.admin.ConsumeStats;
import org.cometmq.common.protocol.body.ConsumerConnection;
import org.cometmq.common.protocol.body.ConsumerRunningInfo;
import org.cometmq.common.protocol.body.ProducerConnection;
import org.cometmq.common.protocol.body.QueueTimeSpan;
import org.cometmq.common.protocol.body.SubscriptionGroupWrapper;
import org.cometmq.common.protocol.route.TopicRouteData;
import org.cometmq.common.subscription.SubscriptionGroupConfig;
import org.cometmq.remoting.common.RemotingUtil;
import org.cometmq.remoting.exception.RemotingConnectException;
import org.cometmq.remoting.exception.RemotingException;
import org.cometmq.remoting.exception.RemotingSendRequestException;
import org.cometmq.remoting.exception.RemotingTimeoutException;

/**
 * Admin operations on consumer and producer groups. Most ask the brokers of the group's retry topic
 * ({@code %RETRY%group}): a push consumer subscribes to it, so those are the brokers the group has used.
 */
public class ConsumerAdmin {
    /** Groups the brokers create for themselves; hidden by {@link #getUserSubscriptionGroup}. */
    private static final Set<String> SYSTEM_GROUPS = Set.of(MixAll.DEFAULT_CONSUMER_GROUP,
        MixAll.DEFAULT_PRODUCER_GROUP, MixAll.TOOLS_CONSUMER_GROUP, MixAll.FILTERSRV_CONSUMER_GROUP,
        MixAll.MONITOR_CONSUMER_GROUP, MixAll.CLIENT_INNER_PRODUCER_GROUP, MixAll.SELF_TEST_PRODUCER_GROUP,
        MixAll.SELF_TEST_CONSUMER_GROUP, MixAll.ONS_HTTP_PROXY_GROUP, MixAll.CID_ONSAPI_PERMISSION_GROUP,
        MixAll.CID_ONSAPI_OWNER_GROUP, MixAll.CID_ONSAPI_PULL_GROUP, MixAll.CID_SYS_RMQ_TRANS);

    private final MQClientAPIImpl api;
    private final MQAdminImpl adminImpl;
    private final BrokerAdminCalls broker;
    private final long timeoutMillis;

    public ConsumerAdmin(MQClientAPIImpl api, MQAdminImpl adminImpl, BrokerAdminCalls broker, long timeoutMillis) {
        this.api = api;
        this.adminImpl = adminImpl;
        this.broker = broker;
        this.timeoutMillis = timeoutMillis;
    }

    private List<String> brokersOf(String topic) throws RemotingException, MQClientException, InterruptedException {
        TopicRouteData route = api.getTopicRouteInfoFromNameServer(topic, timeoutMillis);
        return RouteAddresses.brokerAddrsOf(route);
    }

    private List<String> brokersOfGroup(String group)
        throws RemotingException, MQClientException, InterruptedException {
        return brokersOf(MixAll.getRetryTopic(group));
    }

    // ------------------------------------------------------------------ progress

    /** The group's progress (on {@code topic}, or every topic when null) merged over its brokers. */
    public ConsumeStats examineConsumeStats(String group, String topic)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException {
        ConsumeStats merged = new ConsumeStats();
        for (String addr : brokersOfGroup(group)) {
            ConsumeStats stats = broker.getConsumeStats(addr, group, topic, timeoutMillis * 3);
            if (stats != null) {
                merged.getOffsetTable().putAll(stats.getOffsetTable());
                merged.setConsumeTps(merged.getConsumeTps() + stats.getConsumeTps());
            }
        }
        if (merged.getOffsetTable().isEmpty()) {
            throw new MQClientException(ResponseCode.CONSUMER_NOT_ONLINE, "No consume stats for group " + group
                + ": its brokers report no offsets, maybe it has not consumed any message");
        }
        return merged;
    }

    public Map<String, Map<MessageQueue, Long>> getConsumeStatus(String topic, String group, String clientAddr)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        for (String addr : brokersOf(topic)) {
            return broker.invokeBrokerToGetConsumerStatus(addr, topic, group, clientAddr);
        }
        return Collections.emptyMap();
    }

    public List<QueueTimeSpan> queryConsumeTimeSpan(String topic, String group)
        throws InterruptedException, MQBrokerException, RemotingException, MQClientException {
        List<QueueTimeSpan> spans = new ArrayList<>();
        for (String addr : brokersOf(topic)) {
            spans.addAll(broker.queryConsumeTimeSpan(addr, topic, group));
        }
        return spans;
    }

    public void cloneGroupOffset(String srcGroup, String destGroup, String topic, boolean isOffline)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException {
        for (String addr : brokersOfGroup(srcGroup)) {
            broker.cloneGroupOffset(addr, srcGroup, destGroup, topic, isOffline);
        }
    }

    // ------------------------------------------------------------------ connections and clients

    /** The group's connections as one broker sees them (consumers heartbeat to all of the group's brokers). */
    public ConsumerConnection examineConsumerConnectionInfo(String group)
        throws InterruptedException, MQBrokerException, RemotingException, MQClientException {
        List<String> addrs = brokersOfGroup(group);
        if (addrs.isEmpty()) {
            throw new MQClientException(ResponseCode.CONSUMER_NOT_ONLINE, "No broker serves consumer group " + group);
        }
        return examineConsumerConnectionInfo(group, addrs.get(ThreadLocalRandom.current().nextInt(addrs.size())));
    }

    public ConsumerConnection examineConsumerConnectionInfo(String group, String brokerAddr)
        throws InterruptedException, MQBrokerException, RemotingException, MQClientException {
        ConsumerConnection connection = broker.getConsumerConnectionList(brokerAddr, group);
        if (connection == null || connection.getConnectionSet().isEmpty()) {
            throw new MQClientException(ResponseCode.CONSUMER_NOT_ONLINE,
                "No consumer of group " + group + " is connected to " + brokerAddr);
        }
        return connection;
    }

    public ProducerConnection examineProducerConnectionInfo(String producerGroup, String topic)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException {
        ProducerConnection merged = new ProducerConnection();
        for (String addr : brokersOf(topic)) {
            ProducerConnection connection = broker.getProducerConnectionList(addr, producerGroup);
            if (connection != null) {
                merged.getConnectionSet().addAll(connection.getConnectionSet());
            }
        }
        if (merged.getConnectionSet().isEmpty()) {
            throw new MQClientException("No producer of group " + producerGroup
                + " is connected to the brokers of topic " + topic, null);
        }
        return merged;
    }

    public ConsumerRunningInfo getConsumerRunningInfo(String group, String clientId, boolean jstack)
        throws RemotingException, MQClientException, InterruptedException {
        for (String addr : brokersOfGroup(group)) {
            try {
                return broker.getConsumerRunningInfo(addr, group, clientId, jstack);
            } catch (MQBrokerException e) {
                throw AdminErrors.clientError(e);
            }
        }
        return null;
    }

    /** Has the client {@code clientId} of the group consume the message with offset id {@code msgId} again. */
    public ConsumeMessageDirectlyResult consumeMessageDirectly(String group, String clientId, String msgId)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException {
        MessageExt msg = adminImpl.viewMessage(msgId);
        return broker.consumeMessageDirectly(storeHostOf(msg), group, clientId, msgId);
    }

    /** As above for a message id that may be a client id (UNIQ_KEY) of {@code topic}. */
    public ConsumeMessageDirectlyResult consumeMessageDirectly(String group, String clientId, String topic,
        String msgId) throws RemotingException, MQClientException, InterruptedException, MQBrokerException {
        MessageExt msg = adminImpl.viewMessage(topic, msgId);
        return broker.consumeMessageDirectly(storeHostOf(msg), group, clientId, offsetMsgIdOf(msg));
    }

    static String storeHostOf(MessageExt msg) {
        return RemotingUtil.socketAddress2String(msg.getStoreHost());
    }

    /** The id the broker finds a stored message by: the offset id, also for messages found by client id. */
    static String offsetMsgIdOf(MessageExt msg) {
        return msg instanceof MessageClientExt clientExt ? clientExt.getOffsetMsgId() : msg.getMsgId();
    }

    // ------------------------------------------------------------------ subscription groups

    public void createAndUpdateSubscriptionGroupConfig(String addr, SubscriptionGroupConfig config)
        throws RemotingException, MQBrokerException, InterruptedException {
        broker.createSubscriptionGroup(addr, config);
    }

    public SubscriptionGroupConfig examineSubscriptionGroupConfig(String addr, String group)
        throws InterruptedException, RemotingException, MQBrokerException {
        SubscriptionGroupWrapper wrapper = broker.getAllSubscriptionGroup(addr, timeoutMillis);
        return wrapper == null ? null : wrapper.getSubscriptionGroupTable().get(group);
    }

    public SubscriptionGroupWrapper getAllSubscriptionGroup(String addr, long timeout)
        throws InterruptedException, RemotingTimeoutException, RemotingSendRequestException,
        RemotingConnectException, MQBrokerException {
        return broker.getAllSubscriptionGroup(addr, timeout);
    }

    /** The broker's groups without the ones brokers and tools create for themselves. */
    public SubscriptionGroupWrapper getUserSubscriptionGroup(String addr, long timeout)
        throws InterruptedException, RemotingTimeoutException, RemotingSendRequestException,
        RemotingConnectException, MQBrokerException {
        SubscriptionGroupWrapper wrapper = broker.getAllSubscriptionGroup(addr, timeout);
        wrapper.getSubscriptionGroupTable().keySet().removeIf(group ->
            MixAll.isSysConsumerGroup(group) || SYSTEM_GROUPS.contains(group));
        return wrapper;
    }

    public void deleteSubscriptionGroup(String addr, String groupName, boolean removeOffset)
        throws RemotingException, MQBrokerException, InterruptedException {
        broker.deleteSubscriptionGroup(addr, groupName, removeOffset);
    }
}
