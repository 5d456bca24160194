package org.cometmq.client.impl.factory;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;
import org.cometmq.client.impl.FindBrokerResult;
import org.cometmq.common.MixAll;
import org.cometmq.common.protocol.route.BrokerData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker addresses a client instance learned from topic routes (brokerName -> brokerId -> address) and the
 * protocol version each address reported on heartbeat; answers "which address for this broker and purpose".
 */
final class BrokerAddressBook {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerAddressBook.class);

    private final ConcurrentMap<String, HashMap<Long, String>> brokerAddrTable = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, HashMap<String, Integer>> brokerVersionTable = new ConcurrentHashMap<>();

    void learn(Collection<BrokerData> brokerDatas) {
        for (BrokerData bd : brokerDatas) {
            brokerAddrTable.put(bd.getBrokerName(), bd.getBrokerAddrs());
        }
    }

    /** Drops addresses for which {@code stillRouted} is false, and brokers left without any address. */
    void forgetUnless(Predicate<String> stillRouted) {
        brokerAddrTable.forEach((brokerName, addrs) -> {
            HashMap<Long, String> kept = new HashMap<>(addrs);
            kept.values().removeIf(addr -> !stillRouted.test(addr));
            if (kept.isEmpty()) {
                brokerAddrTable.remove(brokerName);
                LOG.info("broker {} is offline, forgotten", brokerName);
            } else if (kept.size() != addrs.size()) {
                brokerAddrTable.put(brokerName, kept);
            }
        });
    }

    void recordVersion(String brokerName, String addr, int version) {
        brokerVersionTable.computeIfAbsent(brokerName, k -> new HashMap<>(4)).put(addr, version);
    }

    int version(String brokerName, String brokerAddr) {
        HashMap<String, Integer> versions = brokerVersionTable.get(brokerName);
        Integer version = versions == null ? null : versions.get(brokerAddr);
        return version == null ? 0 : version;
    }

    String masterAddress(String brokerName) {
        HashMap<Long, String> addrs = brokerAddrTable.get(brokerName);
        return addrs == null ? null : addrs.get(MixAll.MASTER_ID);
    }

    /**
     * The address of {@code brokerId}; for a missing slave the next slave id; unless {@code onlyThisBroker}, any
     * address of the broker. Null when the broker is unknown.
     */
    FindBrokerResult forSubscribe(String brokerName, long brokerId, boolean onlyThisBroker) {
        HashMap<Long, String> addrs = brokerAddrTable.get(brokerName);
        if (addrs == null || addrs.isEmpty()) {
            return null;
        }
        String addr = addrs.get(brokerId);
        boolean slave = brokerId != MixAll.MASTER_ID;
        if (addr == null && slave) {
            addr = addrs.get(brokerId + 1);
        }
        if (addr == null && !onlyThisBroker) {
            Map.Entry<Long, String> any = addrs.entrySet().iterator().next();
            addr = any.getValue();
            slave = any.getKey() != MixAll.MASTER_ID;
        }
        return addr == null ? null : new FindBrokerResult(addr, slave, version(brokerName, addr));
    }

    /** Any address of {@code brokerName}, the master's when there is one. */
    FindBrokerResult forAdmin(String brokerName) {
        HashMap<Long, String> addrs = brokerAddrTable.get(brokerName);
        if (addrs == null || addrs.isEmpty()) {
            return null;
        }
        String master = addrs.get(MixAll.MASTER_ID);
        if (master != null) {
            return new FindBrokerResult(master, false, version(brokerName, master));
        }
        Map.Entry<Long, String> any = addrs.entrySet().iterator().next();
        return new FindBrokerResult(any.getValue(), true, version(brokerName, any.getValue()));
    }

    ConcurrentMap<String, HashMap<Long, String>> table() {
        return brokerAddrTable;
    }
}
