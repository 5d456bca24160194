package org.cometmq.broker.out;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
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
 * Keeps the broker registered: once at start, then every registerNameServerPeriod, and at once after a topic
 * change ({@link #wakeup()}). Each round sends the whole topic table to every name server in parallel; a broker
 * whose own permission is not read-write reports every topic with that permission.
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

    /** One registration round with every name server; returns how many accepted it. */
    public int registerBrokerAll() {
        BrokerIdentity me = identity.get();
        TopicConfigSerializeWrapper wrapper = adjustForBrokerPermission(topics.get());
        List<RegisterBrokerResult> results = outerAPI.registerBrokerAll(me, wrapper, false,
            brokerConfig.getRegisterBrokerTimeoutMills(), brokerConfig.isCompressedRegister());
        for (RegisterBrokerResult result : results) {
            if (result.getMasterAddr() != null) {
                masterAddr = result.getMasterAddr();
            }
            if (result.getHaServerAddr() != null) {
                haMasterAddr = result.getHaServerAddr();
            }
        }
        if (!results.isEmpty()) {
            // As 4.9.7: the first name server that accepted the registration speaks for the order-topic table.
            orderTopicConfigListener.accept(results.get(0).getKvTable());
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

    /** Receives, after each round, the ORDER_TOPIC_CONFIG table the name servers answered with (may be null). */
    public void setOrderTopicConfigListener(Consumer<KVTable> orderTopicConfigListener) {
        this.orderTopicConfigListener = orderTopicConfigListener;
    }

    /** Master address a slave learned from the name servers; null for a master. */
    public String getMasterAddr() {
        return masterAddr;
    }

    public String getHaMasterAddr() {
        return haMasterAddr;
    }

    @Override
    public long getJoinTimeMillis() {
        return 10_000;
    }
}
