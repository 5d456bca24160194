package org.cometmq.broker.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashMap;
import java.util.Map;
import org.cometmq.store.ReplicationStatus;
import org.cometmq.store.config.BrokerRole;
import org.junit.jupiter.api.Test;

class ReplicationRuntimeInfoTest {

    private static ReplicationStatus status(long behind, int slaves) {
        return new ReplicationStatus() {
            @Override
            public long slaveFallBehindBytes() {
                return behind;
            }

            @Override
            public int slaveConnectionCount() {
                return slaves;
            }
        };
    }

    @Test
    void aMasterReportsWhatItsStoreSaysAboutItsSlaves() {
        Map<String, String> table = new HashMap<>();
        new ReplicationRuntimeInfo(() -> BrokerRole.SYNC_MASTER, () -> null, () -> null, () -> status(4096, 1))
            .fill(table);
        assertEquals(Map.of("brokerRole", "SYNC_MASTER", "slaveFallBehindMuch", "4096", "haConnectionCount", "1"),
            table);
    }

    @Test
    void aMasterWhoseStoreDoesNotReplicateReportsOnlyItsRole() {
        Map<String, String> table = new HashMap<>();
        new ReplicationRuntimeInfo(() -> BrokerRole.ASYNC_MASTER, () -> null, () -> null, () -> null).fill(table);
        assertEquals(Map.of("brokerRole", "ASYNC_MASTER"), table);
    }

    @Test
    void aSlaveReportsItsMastersAddressesOnceKnown() {
        Map<String, String> table = new HashMap<>();
        new ReplicationRuntimeInfo(() -> BrokerRole.SLAVE, () -> "127.0.0.1:10911", () -> "127.0.0.1:10912",
            () -> status(7, 0)).fill(table);
        assertEquals(Map.of("brokerRole", "SLAVE", "masterAddr", "127.0.0.1:10911",
            "masterHaServerAddr", "127.0.0.1:10912"), table);
        Map<String, String> early = new HashMap<>();
        new ReplicationRuntimeInfo(() -> BrokerRole.SLAVE, () -> null, () -> null, () -> null).fill(early);
        assertFalse(early.containsKey("masterAddr"));
    }
}
