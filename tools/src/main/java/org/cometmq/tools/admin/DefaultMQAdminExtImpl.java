package org.cometmq.tools.admin;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.cometmq.client.QueryResult;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.impl.MQAdminExtInner;
import org.cometmq.client.impl.MQAdminImpl;
import org.cometmq.client.impl.MQClientAPIImpl;
import org.cometmq.client.impl.MQClientManager;
import org.cometmq.client.impl.factory.MQClientInstance;
import org.cometmq.common.MixAll;
import org.cometmq.common.ServiceState;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.UtilAll;
import org.cometmq.common.message.MessageExt;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.namesrv.NamesrvUtil;
import org.cometmq.common.protocol.body.BrokerStatsData;
import org.cometmq.common.protocol.body.ClusterInfo;
import org.cometmq.common.protocol.body.ConsumeStatsList;
import org.cometmq.common.protocol.body.GroupList;
import org.cometmq.common.protocol.body.KVTable;
import org.cometmq.common.protocol.body.TopicConfigSerializeWrapper;
import org.cometmq.common.protocol.body.TopicList;
import org.cometmq.common.admin.TopicStatsTable;
import org.cometmq.common.protocol.route.BrokerData;
import org.cometmq.common.protocol.route.TopicRouteData;
import org.cometmq.remoting.RPCHook;
import org.cometmq.remoting.exception.RemotingCommandException;
import org.cometmq.remoting.exception.RemotingConnectException;
import org.cometmq.remoting.exception.RemotingException;
import org.cometmq.remoting.exception.RemotingSendRequestException;
import org.cometmq.remoting.exception.RemotingTimeoutException;
import org.cometmq.tools.admin.impl.AdminErrors;
import org.cometmq.tools.admin.impl.AclAdminCalls;
import org.cometmq.tools.admin.impl.BrokerAdminCalls;
import org.cometmq.tools.admin.impl.BrokerMaintenance;
import org.cometmq.tools.admin.impl.ConsumerAdmin;
import org.cometmq.tools.admin.impl.NamesrvAdminCalls;
import org.cometmq.tools.admin.impl.OffsetReset;
import org.cometmq.tools.admin.impl.RouteAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work behind {@link DefaultMQAdminExt}: it joins a client instance (sharing its connections) and turns each
 * admin operation into the requests of spec 9.11: a route or cluster lookup on the name server, then one call
 * per broker through {@link BrokerAdminCalls} / {@link NamesrvAdminCalls}, merging the answers. Topic, cluster,
 * name server and broker-config operations are here; group, offset and maintenance operations live in the
 * parts returned by {@link #consumers()}, {@link #offsets()} and {@link #maintenance()}.
 */
public class DefaultMQAdminExtImpl implements MQAdminExtInner {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultMQAdminExtImpl.class);
    private final DefaultMQAdminExt defaultMQAdminExt;
    private final RPCHook rpcHook;
    private final long timeoutMillis;
    private volatile ServiceState serviceState = ServiceState.CREATE_JUST;
    private MQClientInstance mqClientInstance;
    private BrokerAdminCalls broker;
    private AclAdminCalls acl;
    private NamesrvAdminCalls namesrv;
    private ConsumerAdmin consumerAdmin;
    private OffsetReset offsetReset;
    private BrokerMaintenance brokerMaintenance;

    public DefaultMQAdminExtImpl(DefaultMQAdminExt defaultMQAdminExt, RPCHook rpcHook, long timeoutMillis) {
        this.defaultMQAdminExt = defaultMQAdminExt;
        this.rpcHook = rpcHook;
        this.timeoutMillis = timeoutMillis;
    }

    public synchronized void start() throws MQClientException {
        if (serviceState != ServiceState.CREATE_JUST) {
            throw new MQClientException("The AdminExt service state is " + serviceState
                + ", not CREATE_JUST: it was started before; create a new DefaultMQAdminExt", null);
        }
        serviceState = ServiceState.START_FAILED;
        defaultMQAdminExt.changeInstanceNameToPID();
        mqClientInstance = MQClientManager.getInstance().getOrCreateMQClientInstance(defaultMQAdminExt, rpcHook);
        String group = defaultMQAdminExt.getAdminExtGroup();
        if (!mqClientInstance.registerAdminExt(group, this)) {
            serviceState = ServiceState.CREATE_JUST;
            throw new MQClientException("The adminExt group[" + group + "] has been created already in this"
                + " client instance; set another adminExtGroup or instanceName", null);
        }
        mqClientInstance.start();
        broker = new BrokerAdminCalls(api().getRpcInvoker(), timeoutMillis);
        namesrv = new NamesrvAdminCalls(api().getRpcInvoker(), timeoutMillis);
        acl = new AclAdminCalls(api().getRpcInvoker(), timeoutMillis);
        consumerAdmin = new ConsumerAdmin(api(), adminImpl(), broker, timeoutMillis);
        offsetReset = new OffsetReset(api(), broker, timeoutMillis);
        brokerMaintenance = new BrokerMaintenance(broker, namesrv, adminImpl());
        serviceState = ServiceState.RUNNING;
        LOG.info("admin {} started on client instance {}", group, mqClientInstance.getClientId());
    }

    public synchronized void shutdown() {
        if (serviceState == ServiceState.RUNNING) {
            mqClientInstance.unregisterAdminExt(defaultMQAdminExt.getAdminExtGroup());
            mqClientInstance.shutdown();
            serviceState = ServiceState.SHUTDOWN_ALREADY;
            LOG.info("admin {} shut down", defaultMQAdminExt.getAdminExtGroup());
        }
    }

    private MQClientAPIImpl api() {
        return mqClientInstance.getMQClientAPIImpl();
    }

    private MQAdminImpl adminImpl() {
        return mqClientInstance.getMQAdminImpl();
    }

    // ------------------------------------------------------------------ MQAdmin

    public void createTopic(String key, String newTopic, int queueNum) throws MQClientException {
        createTopic(key, newTopic, queueNum, 0);
    }

    public void createTopic(String key, String newTopic, int queueNum, int topicSysFlag) throws MQClientException {
        adminImpl().createTopic(key, newTopic, queueNum, topicSysFlag);
    }

    public long searchOffset(MessageQueue mq, long timestamp) throws MQClientException {
        return adminImpl().searchOffset(mq, timestamp);
    }

    public long maxOffset(MessageQueue mq) throws MQClientException {
        return adminImpl().maxOffset(mq);
    }

    public long minOffset(MessageQueue mq) throws MQClientException {
        return adminImpl().minOffset(mq);
    }

    public long earliestMsgStoreTime(MessageQueue mq) throws MQClientException {
        return adminImpl().earliestMsgStoreTime(mq);
    }

    public MessageExt viewMessage(String offsetMsgId)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        return adminImpl().viewMessage(offsetMsgId);
    }

    public QueryResult queryMessage(String topic, String key, int maxNum, long begin, long end)
        throws MQClientException, InterruptedException {
        return adminImpl().queryMessage(topic, key, maxNum, begin, end);
    }

    public MessageExt viewMessage(String topic, String msgId)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        return adminImpl().viewMessage(topic, msgId);
    }

    /** The earliest stored message with the client id; the client API finds one per id. */
    public QueryResult queryMessageByUniqKey(String topic, String msgId, int maxNum, long begin, long end)
        throws MQClientException, InterruptedException {
        MessageExt msg = adminImpl().queryMessageByUniqKey(topic, msgId);
        return new QueryResult(0, msg == null ? List.of() : List.of(msg));
    }

    // ------------------------------------------------------------------ broker config and stats

    public void updateBrokerConfig(String brokerAddr, Properties properties) throws RemotingConnectException,
        RemotingSendRequestException, RemotingTimeoutException, InterruptedException, MQBrokerException {
        broker.updateBrokerConfig(brokerAddr, properties);
    }

    public Properties getBrokerConfig(String brokerAddr) throws RemotingConnectException,
        RemotingSendRequestException, RemotingTimeoutException, InterruptedException, MQBrokerException {
        return broker.getBrokerConfig(brokerAddr);
    }

    public KVTable fetchBrokerRuntimeStats(String brokerAddr) throws RemotingConnectException,
        RemotingSendRequestException, RemotingTimeoutException, InterruptedException, MQBrokerException {
        return broker.getBrokerRuntimeInfo(brokerAddr);
    }

    public BrokerStatsData viewBrokerStatsData(String brokerAddr, String statsName, String statsKey)
        throws RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException, MQClientException,
        InterruptedException {
        try {
            return broker.viewBrokerStatsData(brokerAddr, statsName, statsKey);
        } catch (MQBrokerException e) {
            throw AdminErrors.clientError(e);
        }
    }

    public ConsumeStatsList fetchConsumeStatsInBroker(String brokerAddr, boolean isOrder, long timeoutMillis)
        throws RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException, MQClientException,
        InterruptedException {
        try {
            return broker.fetchConsumeStatsInBroker(brokerAddr, isOrder, timeoutMillis);
        } catch (MQBrokerException e) {
            throw AdminErrors.clientError(e);
        }
    }

    // ------------------------------------------------------------------ topics

    public void createAndUpdateTopicConfig(String addr, TopicConfig config)
        throws RemotingException, MQBrokerException, InterruptedException {
        api().createTopic(addr, defaultMQAdminExt.getCreateTopicKey(), config, timeoutMillis);
    }

    public TopicConfig examineTopicConfig(String addr, String topic)
        throws RemotingException, InterruptedException, MQBrokerException {
        TopicConfigSerializeWrapper wrapper = broker.getAllTopicConfig(addr, timeoutMillis);
        return wrapper == null ? null : wrapper.getTopicConfigTable().get(topic);
    }

    public TopicStatsTable examineTopicStats(String topic)
        throws RemotingException, MQClientException, InterruptedException, MQBrokerException {
        TopicStatsTable merged = new TopicStatsTable();
        for (String addr : RouteAddresses.brokerAddrsOf(examineTopicRouteInfo(topic))) {
            TopicStatsTable table = broker.getTopicStatsInfo(addr, topic);
            if (table != null) {
                merged.getOffsetTable().putAll(table.getOffsetTable());
            }
        }
        if (merged.getOffsetTable().isEmpty()) {
            throw new MQClientException("No broker of topic " + topic + " reported queue offsets", null);
        }
        return merged;
    }

    public TopicList fetchAllTopicList() throws RemotingException, MQClientException, InterruptedException {
        try {
            return api().admin().getTopicListFromNameServer(timeoutMillis);
        } catch (MQBrokerException e) {
            throw AdminErrors.clientError(e);
        }
    }

    public TopicList fetchTopicsByCLuster(String clusterName)
        throws RemotingException, MQClientException, InterruptedException {
        return namesrv.getTopicsByCluster(clusterName);
    }

    public TopicRouteData examineTopicRouteInfo(String topic)
        throws RemotingException, MQClientException, InterruptedException {
        return api().getTopicRouteInfoFromNameServer(topic, timeoutMillis);
    }

    public ClusterInfo examineBrokerClusterInfo() throws InterruptedException, MQBrokerException,
        RemotingTimeoutException, RemotingSendRequestException, RemotingConnectException {
        return namesrv.getBrokerClusterInfo();
    }

    public void deleteTopicInBroker(Set<String> addrs, String topic)
        throws RemotingException, MQBrokerException, InterruptedException {
        for (String addr : addrs) {
            broker.deleteTopicInBroker(addr, topic);
        }
    }

    public void deleteTopicInNameServer(Set<String> addrs, String clusterName, String topic)
        throws RemotingException, InterruptedException, MQClientException {
        Iterable<String> targets = addrs == null ? getNameServerAddressList() : addrs;
        for (String addr : targets) {
            namesrv.deleteTopicInNameServer(addr, clusterName, topic);
        }
    }

    public GroupList queryTopicConsumeByWho(String topic)
        throws InterruptedException, MQBrokerException, RemotingException, MQClientException {
        for (String addr : RouteAddresses.brokerAddrsOf(examineTopicRouteInfo(topic))) {
            return broker.queryTopicConsumeByWho(addr, topic);
        }
        return null;
    }

    public Set<String> getClusterList(String topic) throws RemotingConnectException, RemotingSendRequestException,
        RemotingTimeoutException, MQClientException, InterruptedException {
        try {
            return getTopicClusterList(topic);
        } catch (MQBrokerException e) {
            throw AdminErrors.clientError(e);
        } catch (RemotingConnectException | RemotingSendRequestException | RemotingTimeoutException e) {
            throw e;
        } catch (RemotingException e) {
            throw new MQClientException("cluster list of topic " + topic + " not fetched", e);
        }
    }

    public Set<String> getTopicClusterList(String topic)
        throws InterruptedException, MQBrokerException, MQClientException, RemotingException {
        ClusterInfo clusterInfo = examineBrokerClusterInfo();
        Set<String> clusters = new HashSet<>();
        for (BrokerData brokerData : examineTopicRouteInfo(topic).getBrokerDatas()) {
            clusterInfo.getClusterAddrTable().forEach((cluster, brokerNames) -> {
                if (brokerNames.contains(brokerData.getBrokerName())) {
                    clusters.add(cluster);
                }
            });
        }
        return clusters;
    }

    public TopicConfigSerializeWrapper getAllTopicConfig(String brokerAddr, long timeoutMillis)
        throws InterruptedException, RemotingTimeoutException, RemotingSendRequestException,
        RemotingConnectException, MQBrokerException {
        return broker.getAllTopicConfig(brokerAddr, timeoutMillis);
    }

    /** The broker's topics without its system topics and, unless {@code specialTopic}, retry and DLQ topics. */
    public TopicConfigSerializeWrapper getUserTopicConfig(String brokerAddr, boolean specialTopic,
        long timeoutMillis) throws InterruptedException, RemotingException, MQBrokerException {
        TopicConfigSerializeWrapper wrapper = getAllTopicConfig(brokerAddr, timeoutMillis);
        TopicList systemTopics = broker.getSystemTopicListFromBroker(brokerAddr);
        wrapper.getTopicConfigTable().keySet().removeIf(topic ->
            (systemTopics != null && systemTopics.getTopicList().contains(topic))
                || (!specialTopic && (topic.startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX)
                || topic.startsWith(MixAll.DLQ_GROUP_TOPIC_PREFIX))));
        return wrapper;
    }

    // ------------------------------------------------------------------ name servers

    public List<String> getNameServerAddressList() {
        return api().getNameServerAddressList();
    }

    public int wipeWritePermOfBroker(String namesrvAddr, String brokerName) throws RemotingCommandException,
        RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException, InterruptedException,
        MQClientException {
        return namesrv.wipeWritePermOfBroker(namesrvAddr, brokerName);
    }

    public int addWritePermOfBroker(String namesrvAddr, String brokerName) throws RemotingCommandException,
        RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException, InterruptedException,
        MQClientException {
        return namesrv.addWritePermOfBroker(namesrvAddr, brokerName);
    }

    public void putKVConfig(String namespace, String key, String value) {
        // a no-op in RocketMQ's admin API as well; createAndUpdateKvConfig does the work
    }

    public String getKVConfig(String namespace, String key)
        throws RemotingException, MQClientException, InterruptedException {
        try {
            return api().admin().getKVConfigValue(namespace, key, timeoutMillis);
        } catch (MQBrokerException e) {
            throw AdminErrors.clientError(e);
        }
    }

    public KVTable getKVListByNamespace(String namespace)
        throws RemotingException, MQClientException, InterruptedException {
        return namesrv.getKVListByNamespace(namespace);
    }

    public void createAndUpdateKvConfig(String namespace, String key, String value)
        throws RemotingException, InterruptedException, MQClientException {
        namesrv.putKVConfigValue(namespace, key, value);
    }

    public void deleteKvConfig(String namespace, String key)
        throws RemotingException, InterruptedException, MQClientException {
        namesrv.deleteKVConfigValue(namespace, key);
    }

    /**
     * Sets ORDER_TOPIC_CONFIG of topic {@code key}: with {@code isCluster} the whole value ({@code broker:queues;...});
     * otherwise {@code value} (one {@code broker:queues}) replaces that broker's entry in the stored value.
     */
    public void createOrUpdateOrderConf(String key, String value, boolean isCluster)
        throws RemotingException, InterruptedException, MQClientException {
        String namespace = NamesrvUtil.NAMESPACE_ORDER_TOPIC_CONFIG;
        if (isCluster) {
            namesrv.putKVConfigValue(namespace, key, value);
            return;
        }
        Map<String, String> byBroker = new LinkedHashMap<>();
        String old = null;
        try {
            old = getKVConfig(namespace, key);
        } catch (MQClientException e) {
            LOG.debug("no order conf of {} yet: {}", key, e.getErrorMessage());
        }
        if (!UtilAll.isBlank(old)) {
            for (String entry : old.split(";")) {
                byBroker.put(entry.split(":")[0], entry);
            }
        }
        byBroker.put(value.split(":")[0], value);
        namesrv.putKVConfigValue(namespace, key, String.join(";", byBroker.values()));
    }

    public void updateNameServerConfig(Properties properties, List<String> nameServers) throws InterruptedException,
        RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException, MQClientException {
        namesrv.updateNameServerConfig(properties, nameServers);
    }

    public Map<String, Properties> getNameServerConfig(List<String> nameServers) throws InterruptedException,
        RemotingTimeoutException, RemotingSendRequestException, RemotingConnectException, MQClientException {
        return namesrv.getNameServerConfig(nameServers);
    }

    // ------------------------------------------------------------------ parts

    /** Consumer and producer group operations; available once started. */
    public ConsumerAdmin consumers() {
        return running(consumerAdmin);
    }

    /** Offset resets, online and offline; available once started. */
    public OffsetReset offsets() {
        return running(offsetReset);
    }

    /** File cleaning, consume queue inspection and check-back resumption; available once started. */
    public BrokerMaintenance maintenance() {
        return running(brokerMaintenance);
    }

    /** The single-request broker calls; available once started. */
    public BrokerAdminCalls brokerCalls() {
        return running(broker);
    }

    /** The ACL management calls (codes 50-54); available once started. */
    public AclAdminCalls aclCalls() {
        return running(acl);
    }

    private <T> T running(T part) {
        if (part == null) {
            throw new IllegalStateException("The admin is not started: call start() first");
        }
        return part;
    }

    /** The client instance this admin joined (null before {@link #start()}); for tools that pull or send. */
    public MQClientInstance getMqClientInstance() {
        return mqClientInstance;
    }

    public long getTimeoutMillis() {
        return timeoutMillis;
    }
}
