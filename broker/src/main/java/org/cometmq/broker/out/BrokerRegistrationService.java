package org.cometmq.broker.out;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.cometmq.common.BrokerConfig;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.constant.PermName;
import org.cometmq.common.namesrv.RegisterBrokerResult;
import org.cometmq.common.protocol.body.KVTable;
import org.cometmq.common.protocol.body.TopicConfigSerializeWrapper;
import org.cometmq.common.ServiceThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the broker registered: once at start, then every registerNameServerPeriod. Requests that change topics
 * register before they are answered, as 4.9.7 does, so a client that asks a name server for the route right
 * after the answer finds it: a topic created by a send (or a retry, DLQ or system topic) sends the whole table
 * ({@link #registerBrokerAll()}; 4.9.7 sends that one oneway, CometMQ waits for the answers), an admin create
 * or update sends only that topic and waits ({@link #registerIncrementBrokerData(TopicConfig)}). Each round goes
 * to every name server in parallel; a broker whose own permission is not read-write reports every topic with
 * that permission. Rounds never overlap, so a snapshot taken earlier is never sent after a later one.
 */
public class BrokerRegistrationService extends ServiceThread {
    private static final Logger log = LoggerFactory.getLogger(BrokerRegistrationService.class);

    private final BrokerConfig brokerConfig;
    private final BrokerOuterAPI outerAPI;
    private final Supplier<TopicConfigSerializeWrapper> topics;
    private final Supplier<BrokerIdentity> identity;
    private volatile String masterAddr;
    private volatile String haMasterAddr;
    private volatile int lastSuccessCount = -1;
    private volatile Consumer<KVTable> orderTopicConfigListener = table -> { };
    private final List<MasterAddressListener> masterAddressListeners = new CopyOnWriteArrayList<>();

    public BrokerRegistrationService(BrokerConfig brokerConfig, BrokerOuterAPI outerAPI,
                                     Supplier<TopicConfigSerializeWrapper> topics, Supplier<BrokerIdentity> identity) {
        this.brokerConfig = brokerConfig;
        this.outerAPI = outerAPI;
        this.topics = topics;
        this.identity = identity;
        setDaemon(true);
    }

    @Override
    public String getServiceName() {
        return "BrokerRegistrationService";
    }

    @Override
    public void run() {
        while (!isStopped()) {
            waitForRunning(brokerConfig.getRegisterNameServerPeriod());
            if (!isStopped()) {
                registerBrokerAll();
            }
        }
    }

    /** One round with the whole topic table, waiting for the answers; returns how many name servers accepted it. */
    public synchronized int registerBrokerAll() {
        return register(adjustForBrokerPermission(topics.get()));
    }

    /** Registers one created or updated topic (with the table's current data version) and waits for the answers. */
    public synchronized int registerIncrementBrokerData(TopicConfig topicConfig) {
        TopicConfigSerializeWrapper wrapper = topics.get();
        ConcurrentHashMap<String, TopicConfig> table = new ConcurrentHashMap<>();
        table.put(topicConfig.getTopicName(), topicConfig);
        wrapper.setTopicConfigTable(table);
        return register(adjustForBrokerPermission(wrapper));
    }

    private int register(TopicConfigSerializeWrapper wrapper) {
        BrokerIdentity me = identity.get();
        List<RegisterBrokerResult> results = outerAPI.registerBrokerAll(me, wrapper, false,
            brokerConfig.getRegisterBrokerTimeoutMills(), brokerConfig.isCompressedRegister());
        if (!results.isEmpty()) {
            // As 4.9.7: the first name server that accepted the registration speaks for the master's address and
            // the order-topic table.
            RegisterBrokerResult first = results.get(0);
            learnMaster(first.getMasterAddr(), first.getHaServerAddr());
            orderTopicConfigListener.accept(first.getKvTable());
        }
        int nameServers = outerAPI.getNameServerAddressList() == null ? 0 : outerAPI.getNameServerAddressList().size();
        if (results.size() != lastSuccessCount) {
            log.info("registered {} with {} of {} name servers, dataVersion={}", me, results.size(), nameServers,
                wrapper.getDataVersion());
            lastSuccessCount = results.size();
        }
        return results.size();
    }

    private TopicConfigSerializeWrapper adjustForBrokerPermission(TopicConfigSerializeWrapper wrapper) {
        int brokerPerm = brokerConfig.getBrokerPermission();
        if (PermName.isWriteable(brokerPerm) && PermName.isReadable(brokerPerm)) {
            return wrapper;
        }
        ConcurrentHashMap<String, TopicConfig> adjusted = new ConcurrentHashMap<>();
        for (TopicConfig config : wrapper.getTopicConfigTable().values()) {
            TopicConfig copy = new TopicConfig(config.getTopicName(), config.getReadQueueNums(),
                config.getWriteQueueNums(), brokerPerm, config.getTopicSysFlag());
            copy.setTopicFilterType(config.getTopicFilterType());
            copy.setOrder(config.isOrder());
            adjusted.put(copy.getTopicName(), copy);
        }
        wrapper.setTopicConfigTable(adjusted);
        return wrapper;
    }

    private void learnMaster(String answeredMasterAddr, String answeredHaServerAddr) {
        masterAddr = answeredMasterAddr;
        if (answeredHaServerAddr != null) {
            haMasterAddr = answeredHaServerAddr;
        }
        for (MasterAddressListener listener : masterAddressListeners) {
            try {
                listener.onMasterAddress(answeredMasterAddr, answeredHaServerAddr);
            } catch (RuntimeException e) {
                log.warn("master address listener {} failed", listener, e);
            }
        }
    }

    /** Also tells {@code listener} the master's addresses after each accepted registration round. */
    public void addMasterAddressListener(MasterAddressListener listener) {
        masterAddressListeners.add(listener);
    }

    /** Receives, after each round, the ORDER_TOPIC_CONFIG table the name servers answered with (may be null). */
    public void setOrderTopicConfigListener(Consumer<KVTable> orderTopicConfigListener) {
        this.orderTopicConfigListener = orderTopicConfigListener;
    }

    /** Master address a slave learned from the last registration answer; null for a master or without a live one. */
    public String getMasterAddr() {
        return masterAddr;
    }

    /** The master's HA address a slave learned last (kept when a later answer carried none). */
    public String getHaMasterAddr() {
        return haMasterAddr;
    }

    @Override
    public long getJoinTimeMillis() {
        return 10_000;
    }
}
