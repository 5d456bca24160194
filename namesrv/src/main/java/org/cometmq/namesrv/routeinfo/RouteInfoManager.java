package org.cometmq.namesrv.routeinfo;

import io.netty.channel.Channel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import org.cometmq.common.DataVersion;
import org.cometmq.common.MixAll;
import org.cometmq.common.TopicConfig;
import org.cometmq.common.constant.PermName;
import org.cometmq.common.namesrv.RegisterBrokerResult;
import org.cometmq.common.protocol.body.ClusterInfo;
import org.cometmq.common.protocol.body.TopicConfigSerializeWrapper;
import org.cometmq.common.protocol.body.TopicList;
import org.cometmq.common.protocol.route.BrokerData;
import org.cometmq.common.protocol.route.QueueData;
import org.cometmq.common.protocol.route.TopicRouteData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The name server's routing state: which clusters hold which brokers, where each broker listens, which
 * brokers hold which topics, and when each broker last registered. Changes come from broker registration,
 * unregistration, closed channels, the expiry scan and admin commands; reads build routes for clients.
 * All five tables sit behind one read-write lock (see {@link RouteTables}); read-side building lives in
 * {@link RouteQueries}. Time comes from an injected clock so expiry can be tested without sleeping.
 */
public class RouteInfoManager {
    private static final Logger log = LoggerFactory.getLogger(RouteInfoManager.class);
    public static final long DEFAULT_BROKER_CHANNEL_EXPIRED_TIME = 120_000;

    private final RouteTables tables = new RouteTables();
    private final RouteQueries queries = new RouteQueries(tables);
    private final long brokerChannelExpiredTime;
    private final Clock clock;

    public RouteInfoManager() {
        this(DEFAULT_BROKER_CHANNEL_EXPIRED_TIME, Clock.systemUTC());
    }

    /**
     * @param brokerChannelExpiredTime a broker silent for longer than this many milliseconds is removed
     * @param clock                    the wall clock broker expiry is decided on
     */
    public RouteInfoManager(long brokerChannelExpiredTime, Clock clock) {
        this.brokerChannelExpiredTime = brokerChannelExpiredTime;
        this.clock = clock;
    }

    /**
     * Records one broker registration. A new broker name or broker id counts as a first registration; a
     * master's topic configs are applied on first registration or when its data version changed (slaves never
     * change routes). An address that re-registers under another id (slave promoted) replaces its old entry.
     * A slave learns its master's address and HA address from the result.
     */
    public RegisterBrokerResult registerBroker(String clusterName, String brokerAddr, String brokerName, long brokerId,
        String haServerAddr, TopicConfigSerializeWrapper topicConfigWrapper, List<String> filterServerList,
        Channel channel) {
        RegisterBrokerResult result = new RegisterBrokerResult();
        Lock writeLock = tables.lock.writeLock();
        writeLock.lock();
        try {
            tables.clusterAddrTable.computeIfAbsent(clusterName, k -> new HashSet<>()).add(brokerName);
            boolean registerFirst = putBrokerAddr(clusterName, brokerAddr, brokerName, brokerId);
            DataVersion dataVersion = topicConfigWrapper == null ? new DataVersion()
                : topicConfigWrapper.getDataVersion();
            if (topicConfigWrapper != null && brokerId == MixAll.MASTER_ID
                && (registerFirst || isBrokerTopicConfigChangedLocked(brokerAddr, dataVersion))) {
                applyTopicConfigs(brokerName, brokerAddr, topicConfigWrapper);
            }
            BrokerLiveInfo previous = tables.brokerLiveTable.put(brokerAddr,
                new BrokerLiveInfo(clock.millis(), dataVersion, channel, haServerAddr));
            if (previous == null) {
                log.info("new broker registered: {}@{} (cluster {}, id {}, HA {})", brokerName, brokerAddr,
                    clusterName, brokerId, haServerAddr);
            }
            if (filterServerList != null) {
                if (filterServerList.isEmpty()) {
                    tables.filterServerTable.remove(brokerAddr);
                } else {
                    tables.filterServerTable.put(brokerAddr, new ArrayList<>(filterServerList));
                }
            }
            if (brokerId != MixAll.MASTER_ID) {
                fillMasterOfSlave(brokerName, result);
            }
        } finally {
            writeLock.unlock();
        }
        return result;
    }

    /** Puts the address under its id; returns whether the broker name or this id is new. */
    private boolean putBrokerAddr(String clusterName, String brokerAddr, String brokerName, long brokerId) {
        boolean registerFirst = false;
        BrokerData brokerData = tables.brokerAddrTable.get(brokerName);
        if (brokerData == null) {
            registerFirst = true;
            brokerData = new BrokerData(clusterName, brokerName, new HashMap<>());
            tables.brokerAddrTable.put(brokerName, brokerData);
        }
        // One address has one id: a slave promoted to master must not stay listed as a slave too.
        brokerData.getBrokerAddrs().entrySet()
            .removeIf(e -> brokerAddr.equals(e.getValue()) && e.getKey() != brokerId);
        String oldAddr = brokerData.getBrokerAddrs().put(brokerId, brokerAddr);
        return registerFirst || oldAddr == null;
    }

    private void fillMasterOfSlave(String brokerName, RegisterBrokerResult result) {
        String masterAddr = tables.brokerAddrTable.get(brokerName).getBrokerAddrs().get(MixAll.MASTER_ID);
        if (masterAddr != null) {
            BrokerLiveInfo master = tables.brokerLiveTable.get(masterAddr);
            if (master != null) {
                result.setHaServerAddr(master.getHaServerAddr());
                result.setMasterAddr(masterAddr);
            }
        }
    }

    private void applyTopicConfigs(String brokerName, String brokerAddr, TopicConfigSerializeWrapper wrapper) {
        int added = 0;
        int changed = 0;
        for (TopicConfig topicConfig : wrapper.getTopicConfigTable().values()) {
            QueueData queueData = new QueueData(brokerName, topicConfig.getReadQueueNums(),
                topicConfig.getWriteQueueNums(), topicConfig.getPerm(), topicConfig.getTopicSysFlag());
            QueueData old = tables.topicQueueTable
                .computeIfAbsent(topicConfig.getTopicName(), k -> new HashMap<>()).put(brokerName, queueData);
            if (old == null) {
                added++;
                log.debug("new topic registered: {} on {}", topicConfig.getTopicName(), brokerName);
            } else if (!old.equals(queueData)) {
                changed++;
                log.debug("topic changed: {} on {}, {} -> {}", topicConfig.getTopicName(), brokerName, old, queueData);
            }
        }
        if (added > 0 || changed > 0) {
            log.info("topics of {}@{} applied, dataVersion={}: {} new, {} changed, {} in its table", brokerName,
                brokerAddr, wrapper.getDataVersion(), added, changed, wrapper.getTopicConfigTable().size());
        }
    }

    /** Whether the name server holds no or another data version for the broker at {@code brokerAddr}. */
    public boolean isBrokerTopicConfigChanged(String brokerAddr, DataVersion dataVersion) {
        Lock readLock = tables.lock.readLock();
        readLock.lock();
        try {
            return isBrokerTopicConfigChangedLocked(brokerAddr, dataVersion);
        } finally {
            readLock.unlock();
        }
    }

    private boolean isBrokerTopicConfigChangedLocked(String brokerAddr, DataVersion dataVersion) {
        BrokerLiveInfo previous = tables.brokerLiveTable.get(brokerAddr);
        return previous == null || !previous.getDataVersion().equals(dataVersion);
    }

    /** The data version of the broker's last registration, or null when it is not registered. */
    public DataVersion queryBrokerTopicConfig(String brokerAddr) {
        Lock readLock = tables.lock.readLock();
        readLock.lock();
        try {
            BrokerLiveInfo live = tables.brokerLiveTable.get(brokerAddr);
            return live == null ? null : live.getDataVersion();
        } finally {
            readLock.unlock();
        }
    }

    /** Marks the broker alive at {@code timestamp} (used when it only queried its data version). */
    public void updateBrokerInfoUpdateTimestamp(String brokerAddr, long timestamp) {
        Lock readLock = tables.lock.readLock();
        readLock.lock();
        try {
            BrokerLiveInfo live = tables.brokerLiveTable.get(brokerAddr);
            if (live != null) {
                live.setLastUpdateTimestamp(timestamp);
            }
        } finally {
            readLock.unlock();
        }
    }

    /** Removes one broker (on its own request); its broker name, cluster entry and topics go when left empty. */
    public void unregisterBroker(String clusterName, String brokerAddr, String brokerName, long brokerId) {
        Lock writeLock = tables.lock.writeLock();
        writeLock.lock();
        try {
            tables.brokerLiveTable.remove(brokerAddr);
            tables.filterServerTable.remove(brokerAddr);
            BrokerData brokerData = tables.brokerAddrTable.get(brokerName);
            boolean removeBrokerName = false;
            if (brokerData != null) {
                brokerData.getBrokerAddrs().remove(brokerId);
                if (brokerData.getBrokerAddrs().isEmpty()) {
                    tables.brokerAddrTable.remove(brokerName);
                    removeBrokerName = true;
                }
            }
            if (removeBrokerName) {
                Set<String> brokerNames = tables.clusterAddrTable.get(clusterName);
                if (brokerNames != null) {
                    brokerNames.remove(brokerName);
                    if (brokerNames.isEmpty()) {
                        tables.clusterAddrTable.remove(clusterName);
                    }
                }
                removeTopicByBrokerName(brokerName);
            }
            log.info("broker unregistered: {}@{} (cluster {}, id {}), broker name removed: {}", brokerName,
                brokerAddr, clusterName, brokerId, removeBrokerName);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Removes every broker whose last registration is older than the expiry, closing its channel.
     *
     * @return how many brokers were removed
     */
    public int scanNotActiveBroker() {
        long now = clock.millis();
        Map<String, BrokerLiveInfo> expired = new HashMap<>();
        Lock readLock = tables.lock.readLock();
        readLock.lock();
        try {
            tables.brokerLiveTable.forEach((addr, live) -> {
                if (live.getLastUpdateTimestamp() + brokerChannelExpiredTime < now) {
                    expired.put(addr, live);
                }
            });
        } finally {
            readLock.unlock();
        }
        int removed = 0;
        for (Map.Entry<String, BrokerLiveInfo> entry : expired.entrySet()) {
            if (removeExpired(entry.getKey(), entry.getValue())) {
                removed++;
                log.warn("broker {} expired: no registration for {} ms, routes removed", entry.getKey(),
                    now - entry.getValue().getLastUpdateTimestamp());
                if (entry.getValue().getChannel() != null) {
                    entry.getValue().getChannel().close();
                }
            }
        }
        return removed;
    }

    /** Removes {@code brokerAddr} only if {@code live} is still its entry (it may have re-registered meanwhile). */
    private boolean removeExpired(String brokerAddr, BrokerLiveInfo live) {
        Lock writeLock = tables.lock.writeLock();
        writeLock.lock();
        try {
            if (tables.brokerLiveTable.get(brokerAddr) != live) {
                return false;
            }
            removeBrokerAddrLocked(brokerAddr);
            return true;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * A connection closed: removes the broker registered on {@code channel} (or at {@code remoteAddr} when none
     * is) from every table, dropping broker names, clusters and topics left empty.
     */
    public void onChannelDestroy(String remoteAddr, Channel channel) {
        Lock writeLock = tables.lock.writeLock();
        writeLock.lock();
        try {
            String brokerAddr = remoteAddr;
            if (channel != null) {
                for (Map.Entry<String, BrokerLiveInfo> entry : tables.brokerLiveTable.entrySet()) {
                    if (entry.getValue().getChannel() == channel) {
                        brokerAddr = entry.getKey();
                        break;
                    }
                }
            }
            if (brokerAddr != null && removeBrokerAddrLocked(brokerAddr)) {
                log.info("broker {} removed: its channel {} closed", brokerAddr, remoteAddr);
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Removes one address from every table; caller holds the write lock. Returns whether anything was there. */
    private boolean removeBrokerAddrLocked(String brokerAddr) {
        boolean found = tables.brokerLiveTable.remove(brokerAddr) != null;
        found |= tables.filterServerTable.remove(brokerAddr) != null;
        Set<String> emptiedBrokerNames = new HashSet<>();
        Iterator<BrokerData> it = tables.brokerAddrTable.values().iterator();
        while (it.hasNext()) {
            BrokerData brokerData = it.next();
            found |= brokerData.getBrokerAddrs().values().removeIf(brokerAddr::equals);
            if (brokerData.getBrokerAddrs().isEmpty()) {
                emptiedBrokerNames.add(brokerData.getBrokerName());
                it.remove();
            }
        }
        if (!emptiedBrokerNames.isEmpty()) {
            tables.clusterAddrTable.values().forEach(names -> names.removeAll(emptiedBrokerNames));
            tables.clusterAddrTable.values().removeIf(Set::isEmpty);
            emptiedBrokerNames.forEach(this::removeTopicByBrokerName);
        }
        return found;
    }

    private void removeTopicByBrokerName(String brokerName) {
        Iterator<Map.Entry<String, Map<String, QueueData>>> it = tables.topicQueueTable.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Map<String, QueueData>> entry = it.next();
            if (entry.getValue().remove(brokerName) != null && entry.getValue().isEmpty()) {
                log.info("topic {} removed: its last broker {} is gone", entry.getKey(), brokerName);
                it.remove();
            }
        }
    }

    /** Removes the topic from every broker. */
    public void deleteTopic(String topic) {
        deleteTopic(topic, null);
    }

    /** Removes the topic from the brokers of {@code clusterName}, or from every broker when it is null/empty. */
    public void deleteTopic(String topic, String clusterName) {
        Lock writeLock = tables.lock.writeLock();
        writeLock.lock();
        try {
            if (clusterName == null || clusterName.isEmpty()) {
                tables.topicQueueTable.remove(topic);
                return;
            }
            Set<String> brokerNames = tables.clusterAddrTable.get(clusterName);
            Map<String, QueueData> queueDataMap = tables.topicQueueTable.get(topic);
            if (brokerNames == null || queueDataMap == null) {
                return;
            }
            brokerNames.forEach(queueDataMap::remove);
            if (queueDataMap.isEmpty()) {
                tables.topicQueueTable.remove(topic);
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Clears the write bit of every topic queue on {@code brokerName}; returns how many topics it touched. */
    public int wipeWritePermOfBrokerByLock(String brokerName) {
        return operateWritePermOfBroker(brokerName, true);
    }

    /** Sets read/write permission on every topic queue of {@code brokerName}; returns how many topics. */
    public int addWritePermOfBrokerByLock(String brokerName) {
        return operateWritePermOfBroker(brokerName, false);
    }

    private int operateWritePermOfBroker(String brokerName, boolean wipe) {
        Lock writeLock = tables.lock.writeLock();
        writeLock.lock();
        try {
            int topicCount = 0;
            for (Map<String, QueueData> queueDataMap : tables.topicQueueTable.values()) {
                QueueData queueData = queueDataMap.get(brokerName);
                if (queueData != null) {
                    int perm = wipe ? queueData.getPerm() & ~PermName.PERM_WRITE
                        : PermName.PERM_READ | PermName.PERM_WRITE;
                    queueData.setPerm(perm);
                    topicCount++;
                }
            }
            return topicCount;
        } finally {
            writeLock.unlock();
        }
    }

    public TopicRouteData pickupTopicRouteData(String topic) {
        return queries.pickupTopicRouteData(topic);
    }

    public ClusterInfo getAllClusterInfo() {
        return queries.getAllClusterInfo();
    }

    public TopicList getAllTopicList() {
        return queries.getAllTopicList();
    }

    public TopicList getTopicsByCluster(String cluster) {
        return queries.getTopicsByCluster(cluster);
    }

    public TopicList getSystemTopicList() {
        return queries.getSystemTopicList();
    }

    public TopicList getUnitTopics() {
        return queries.getUnitTopics();
    }

    public TopicList getHasUnitSubTopicList() {
        return queries.getHasUnitSubTopicList();
    }

    public TopicList getHasUnitSubUnUnitTopicList() {
        return queries.getHasUnitSubUnUnitTopicList();
    }

    /** A consistent copy of all five tables, for diagnostics, the periodic log line and tests. */
    public RouteSnapshot snapshot() {
        Lock readLock = tables.lock.readLock();
        readLock.lock();
        try {
            return RouteSnapshot.of(tables);
        } finally {
            readLock.unlock();
        }
    }
}
