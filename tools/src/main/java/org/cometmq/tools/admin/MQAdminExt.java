package org.cometmq.tools.admin;

import java.io.UnsupportedEncodingException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.cometmq.client.MQAdmin;
import org.cometmq.client.QueryResult;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.common.AclConfig;
import org.cometmq.common.PlainAccessConfig;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.admin.ConsumeStats;
import org.cometmq.common.admin.RollbackStats;
import org.cometmq.common.admin.TopicStatsTable;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.body.BrokerStatsData;
import org.cometmq.common.protocol.body.ClusterAclVersionInfo;
import org.cometmq.common.protocol.body.ClusterInfo;
import org.cometmq.common.protocol.body.ConsumeMessageDirectlyResult;
import org.cometmq.common.protocol.body.ConsumeStatsList;
import org.cometmq.common.protocol.body.ConsumerConnection;
import org.cometmq.common.protocol.body.ConsumerRunningInfo;
import org.cometmq.common.protocol.body.GroupList;
import org.cometmq.common.protocol.body.KVTable;
import org.cometmq.common.protocol.body.ProducerConnection;
import org.cometmq.common.protocol.body.ProducerTableInfo;
import org.cometmq.common.protocol.body.QueryConsumeQueueResponseBody;
import org.cometmq.common.protocol.body.QueueTimeSpan;
import org.cometmq.common.protocol.body.SubscriptionGroupWrapper;
import org.cometmq.common.protocol.body.TopicConfigSerializeWrapper;
import org.cometmq.common.protocol.body.TopicList;
import org.cometmq.common.protocol.route.TopicRouteData;
import org.cometmq.common.subscription.SubscriptionGroupConfig;
import org.cometmq.remoting.exception.RemotingCommandException;
import org.cometmq.remoting.exception.RemotingConnectException;
import org.cometmq.remoting.exception.RemotingException;
import org.cometmq.remoting.exception.RemotingSendRequestException;
import org.cometmq.remoting.exception.RemotingTimeoutException;
import org.cometmq.tools.admin.api.MessageTrack;

/**
 * Operating a cluster: topics, subscription groups, broker and name server configuration, consumer progress
 * and connections, offsets, and message lookup. The methods and their signatures are RocketMQ 4.9's, minus ACL
 * and message tracking. Broker addresses are {@code ip:port}; name server lists come from the client config.
 */
public interface MQAdminExt extends MQAdmin {
    void start() throws MQClientException;

    void shutdown();

    /** Messages whose client id (UNIQ_KEY) is {@code msgId}. */
    QueryResult queryMessageByUniqKey(String topic, String msgId, int maxNum, long begin, long end)
        throws MQClientException, InterruptedException;

    void updateBrokerConfig(String brokerAddr, Properties properties) throws RemotingConnectException,
        RemotingSendRequestException, RemotingTimeoutException, UnsupportedEncodingException, InterruptedException,
        MQBrokerException;

    Properties getBrokerConfig(String brokerAddr) throws RemotingConnectException, RemotingSendRequestException,
        RemotingTimeoutException, UnsupportedEncodingException, InterruptedException, MQBrokerException;

    /** Creates or updates the topic on the broker at {@code addr}; the broker then re-registers it. */
    void createAndUpdateTopicConfig(String addr, TopicConfig config)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    void createAndUpdateSubscriptionGroupConfig(String addr, SubscriptionGroupConfig config)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    SubscriptionGroupConfig examineSubscriptionGroupConfig(String addr, String group)
        throws InterruptedException, RemotingException, MQClientException, MQBrokerException;

    TopicConfig examineTopicConfig(String addr, String topic)
        throws RemotingException, InterruptedException, MQBrokerException;

    /** Min/max offsets of every queue of the topic, from each of its brokers. */
    TopicStatsTable examineTopicStats(String topic)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException;

    TopicList fetchAllTopicList() throws RemotingException, MQClientException, InterruptedException;

    TopicList fetchTopicsByCLuster(String clusterName)
        throws RemotingException, MQClientException, InterruptedException;

    KVTable fetchBrokerRuntimeStats(String brokerAddr) throws RemotingConnectException,
        RemotingSendRequestException, RemotingTimeoutException, InterruptedException, MQBrokerException;

    /** The group's progress on every broker of its retry topic. */
    ConsumeStats examineConsumeStats(String consumerGroup)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException;

    ConsumeStats examineConsumeStats(String consumerGroup, String topic)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException;

    ClusterInfo examineBrokerClusterInfo() throws InterruptedException, MQBrokerException, RemotingTimeoutException,
        RemotingSendRequestException, RemotingConnectException;

    TopicRouteData examineTopicRouteInfo(String topic)
        throws RemotingException, MQClientException, InterruptedException;

    ConsumerConnection examineConsumerConnectionInfo(String consumerGroup) throws RemotingConnectException,
        RemotingSendRequestException, RemotingTimeoutException, InterruptedException, MQBrokerException,
        RemotingException, MQClientException;

    ConsumerConnection examineConsumerConnectionInfo(String consumerGroup, String brokerAddr)
        throws InterruptedException, MQBrokerException, RemotingException, MQClientException;

    ProducerConnection examineProducerConnectionInfo(String producerGroup, String topic)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException;

    ProducerTableInfo getAllProducerInfo(String brokerAddr)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException;

    List<String> getNameServerAddressList();

    /** Clears the write permission of every topic of {@code brokerName} on one name server; the topic count. */
    int wipeWritePermOfBroker(String namesrvAddr, String brokerName) throws RemotingCommandException,
        RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException, InterruptedException,
        MQClientException;

    int addWritePermOfBroker(String namesrvAddr, String brokerName) throws RemotingCommandException,
        RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException, InterruptedException,
        MQClientException;

    /** Does nothing, as in RocketMQ; use {@link #createAndUpdateKvConfig}. */
    void putKVConfig(String namespace, String key, String value);

    String getKVConfig(String namespace, String key)
        throws RemotingException, MQClientException, InterruptedException;

    KVTable getKVListByNamespace(String namespace)
        throws RemotingException, MQClientException, InterruptedException;

    void deleteTopicInBroker(Set<String> addrs, String topic)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    /** Deletes the topic's route on each name server of {@code addrs} (all configured ones when null). */
    void deleteTopicInNameServer(Set<String> addrs, String clusterName, String topic)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    void deleteSubscriptionGroup(String addr, String groupName)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    void deleteSubscriptionGroup(String addr, String groupName, boolean removeOffset)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    void createAndUpdateKvConfig(String namespace, String key, String value)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    void deleteKvConfig(String namespace, String key)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    /** Resets offsets directly in the brokers (works with the group offline; online clients overwrite it). */
    List<RollbackStats> resetOffsetByTimestampOld(String consumerGroup, String topic, long timestamp, boolean force)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    /**
     * Resets offsets through the brokers, which push the new offsets to the online consumers. An offline group is
     * an {@link MQClientException} with code CONSUMER_NOT_ONLINE (206).
     */
    Map<MessageQueue, Long> resetOffsetByTimestamp(String topic, String group, long timestamp, boolean isForce)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    /** {@link #resetOffsetByTimestamp}, falling back to {@link #resetOffsetByTimestampOld} for an offline group. */
    void resetOffsetNew(String consumerGroup, String topic, long timestamp)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    Map<String, Map<MessageQueue, Long>> getConsumeStatus(String topic, String group, String clientAddr)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    void createOrUpdateOrderConf(String key, String value, boolean isCluster)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    GroupList queryTopicConsumeByWho(String topic) throws RemotingConnectException, RemotingSendRequestException,
        RemotingTimeoutException, InterruptedException, MQBrokerException, RemotingException, MQClientException;

    List<QueueTimeSpan> queryConsumeTimeSpan(String topic, String group)
        throws InterruptedException, MQBrokerException, RemotingException, MQClientException;

    boolean cleanExpiredConsumerQueue(String cluster) throws RemotingConnectException, RemotingSendRequestException,
        RemotingTimeoutException, MQClientException, InterruptedException;

    boolean cleanExpiredConsumerQueueByAddr(String addr) throws RemotingConnectException,
        RemotingSendRequestException, RemotingTimeoutException, MQClientException, InterruptedException;

    boolean deleteExpiredCommitLog(String cluster) throws RemotingConnectException, RemotingSendRequestException,
        RemotingTimeoutException, MQClientException, InterruptedException;

    boolean deleteExpiredCommitLogByAddr(String addr) throws RemotingConnectException, RemotingSendRequestException,
        RemotingTimeoutException, MQClientException, InterruptedException;

    boolean cleanUnusedTopic(String cluster) throws RemotingConnectException, RemotingSendRequestException,
        RemotingTimeoutException, MQClientException, InterruptedException;

    boolean cleanUnusedTopicByAddr(String addr) throws RemotingConnectException, RemotingSendRequestException,
        RemotingTimeoutException, MQClientException, InterruptedException;

    ConsumerRunningInfo getConsumerRunningInfo(String consumerGroup, String clientId, boolean jstack)
        throws RemotingException, MQClientException, InterruptedException;

    ConsumeMessageDirectlyResult consumeMessageDirectly(String consumerGroup, String clientId, String msgId)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException;

    ConsumeMessageDirectlyResult consumeMessageDirectly(String consumerGroup, String clientId, String topic,
        String msgId) throws RemotingException, MQClientException, InterruptedException, MQBrokerException;

    void cloneGroupOffset(String srcGroup, String destGroup, String topic, boolean isOffline)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException;

    BrokerStatsData viewBrokerStatsData(String brokerAddr, String statsName, String statsKey)
        throws RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException, MQClientException,
        InterruptedException;

    /** The clusters holding {@code topic}. */
    Set<String> getClusterList(String topic) throws RemotingConnectException, RemotingSendRequestException,
        RemotingTimeoutException, MQClientException, InterruptedException;

    ConsumeStatsList fetchConsumeStatsInBroker(String brokerAddr, boolean isOrder, long timeoutMillis)
        throws RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException, MQClientException,
        InterruptedException;

    Set<String> getTopicClusterList(String topic)
        throws InterruptedException, MQBrokerException, MQClientException, RemotingException;

    SubscriptionGroupWrapper getAllSubscriptionGroup(String brokerAddr, long timeoutMillis)
        throws InterruptedException, RemotingTimeoutException, RemotingSendRequestException,
        RemotingConnectException, MQBrokerException;

    SubscriptionGroupWrapper getUserSubscriptionGroup(String brokerAddr, long timeoutMillis)
        throws InterruptedException, RemotingTimeoutException, RemotingSendRequestException,
        RemotingConnectException, MQBrokerException;

    TopicConfigSerializeWrapper getAllTopicConfig(String brokerAddr, long timeoutMillis)
        throws InterruptedException, RemotingTimeoutException, RemotingSendRequestException,
        RemotingConnectException, MQBrokerException;

    TopicConfigSerializeWrapper getUserTopicConfig(String brokerAddr, boolean specialTopic, long timeoutMillis)
        throws InterruptedException, RemotingException, MQBrokerException, MQClientException;

    void updateConsumeOffset(String brokerAddr, String consumeGroup, MessageQueue mq, long offset)
        throws RemotingException, InterruptedException, MQBrokerException;

    void updateNameServerConfig(Properties properties, List<String> nameServers) throws InterruptedException,
        RemotingConnectException, UnsupportedEncodingException, RemotingSendRequestException,
        RemotingTimeoutException, MQClientException, MQBrokerException;

    Map<String, Properties> getNameServerConfig(List<String> nameServers) throws InterruptedException,
        RemotingTimeoutException, RemotingSendRequestException, RemotingConnectException, MQClientException,
        UnsupportedEncodingException;

    QueryConsumeQueueResponseBody queryConsumeQueue(String brokerAddr, String topic, int queueId, long index,
        int count, String consumerGroup) throws InterruptedException, RemotingTimeoutException,
        RemotingSendRequestException, RemotingConnectException, MQClientException;

    boolean resumeCheckHalfMessage(String msgId)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException;

    boolean resumeCheckHalfMessage(String topic, String msgId)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException;

    /** For each consumer group of the message's topic, whether it consumed the message. */
    List<MessageTrack> messageTrackDetail(MessageExt msg) throws RemotingException, MQClientException,
        InterruptedException, MQBrokerException;

    /** Creates or updates an account in the broker's ACL (an admin account's request when the broker checks ACL). */
    void createAndUpdatePlainAccessConfig(String addr, PlainAccessConfig config)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    void deletePlainAccessConfig(String addr, String accessKey)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    /** Replaces the global white list ({@code globalWhiteAddrs} comma-separated) of the broker's default ACL file. */
    void updateGlobalWhiteAddrConfig(String addr, String globalWhiteAddrs)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    void updateGlobalWhiteAddrConfig(String addr, String globalWhiteAddrs, String aclFileFullPath)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    ClusterAclVersionInfo examineBrokerClusterAclVersionInfo(String addr)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;

    /** The broker's global white list and accounts (a CometMQ broker leaves the secret keys out). */
    AclConfig examineBrokerClusterAclConfig(String addr)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException;
}
