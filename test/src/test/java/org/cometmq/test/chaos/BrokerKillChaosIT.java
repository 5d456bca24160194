package org.cometmq.test.chaos;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cometmq.test.broker.CometBroker;
import org.cometmq.test.harness.CrossProcess;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of a SYNC_FLUSH broker again and again under a 4-thread send load (5 times in CI, 20 with
 * {@code -Dchaos.long=true}), then one graceful restart: every SEND_OK message is consumed (lost = 0); duplicates
 * (sends that timed out, were stored and retried) are counted and reported.
 */
@CrossProcess
class BrokerKillChaosIT {
    private static final Duration FAULT_BOUND = Duration.ofSeconds(30);

    @Test
    void killMinus9UnderLoadLosesNoAcknowledgedMessage() throws Exception {
        int kills = ChaosCluster.longRun() ? 20 : 5;
        try (ChaosCluster cluster = ChaosCluster.start("chaos-kill", 1, Map.of());
             ChaosWorkload load = new ChaosWorkload(cluster.namesrv.address(),
                 cluster.createTopic("ChaosKill", 4, "127.0.0.1"), 4, 50_000).start(false, true)) {
            CometBroker broker = cluster.brokers.get(0);
            List<String> recoveries = new ArrayList<>();
            for (int i = 1; i <= kills; i++) {
                assertTrue(load.awaitAcks(150, FAULT_BOUND), "acks before kill " + i);
                long down = System.nanoTime();
                broker.kill9();
                broker.restart();
                long up = System.nanoTime();
                long nextAck = load.millisUntilNextAck(up, FAULT_BOUND);
                recoveries.add(String.format("kill -9 #%d: restart %d ms, next SEND_OK %d ms after boot", i,
                    (up - down) / 1_000_000, nextAck));
                assertTrue(nextAck >= 0, "no SEND_OK after kill " + i);
            }
            assertTrue(load.awaitAcks(150, FAULT_BOUND));
            long down = System.nanoTime();
            broker.stop();
            broker.restart();
            long up = System.nanoTime();
            recoveries.add(String.format("graceful restart: %d ms, next SEND_OK %d ms after boot",
                (up - down) / 1_000_000, load.millisUntilNextAck(up, FAULT_BOUND)));
            assertTrue(load.awaitAcks(150, FAULT_BOUND));
            load.stopSending();
            load.awaitDrained(Duration.ofSeconds(60));
            load.report("kill -9 x" + kills + " + graceful restart, 1 SYNC_FLUSH broker, 4 producer threads")
                .withRecoveries(recoveries).printAndAssertNoLoss(150L * (kills + 2));
        }
    }
}
