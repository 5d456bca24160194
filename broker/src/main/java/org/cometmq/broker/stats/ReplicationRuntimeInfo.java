package org.cometmq.broker.stats;

import java.util.Map;
import java.util.function.Supplier;
import org.cometmq.store.ReplicationStatus;
import org.cometmq.store.config.BrokerRole;

/**
 * The master/slave keys CometMQ adds to GET_BROKER_RUNTIME_INFO (4.9.7 reports none: its fall-behind figure is only
 * logged). Every broker reports {@code brokerRole}; a slave {@code masterAddr} and {@code masterHaServerAddr} as it
 * learned them from the name servers (absent until it has); a master whose store replicates
 * {@code slaveFallBehindMuch} (bytes no slave has acknowledged) and {@code haConnectionCount}.
 */
public class ReplicationRuntimeInfo {
    private final Supplier<BrokerRole> role;
    private final Supplier<String> masterAddr;
    private final Supplier<String> masterHaServerAddr;
    private final Supplier<ReplicationStatus> replication;

    public ReplicationRuntimeInfo(Supplier<BrokerRole> role, Supplier<String> masterAddr,
                                  Supplier<String> masterHaServerAddr, Supplier<ReplicationStatus> replication) {
        this.role = role;
        this.masterAddr = masterAddr;
        this.masterHaServerAddr = masterHaServerAddr;
        this.replication = replication;
    }

    /** Adds the keys to {@code table}. */
    public void fill(Map<String, String> table) {
        BrokerRole brokerRole = role.get();
        table.put("brokerRole", brokerRole.name());
        if (brokerRole == BrokerRole.SLAVE) {
            putIfKnown(table, "masterAddr", masterAddr.get());
            putIfKnown(table, "masterHaServerAddr", masterHaServerAddr.get());
            return;
        }
        ReplicationStatus status = replication.get();
        if (status != null) {
            table.put("slaveFallBehindMuch", String.valueOf(status.slaveFallBehindBytes()));
            table.put("haConnectionCount", String.valueOf(status.slaveConnectionCount()));
        }
    }

    private static void putIfKnown(Map<String, String> table, String key, String value) {
        if (value != null) {
            table.put(key, value);
        }
    }
}
