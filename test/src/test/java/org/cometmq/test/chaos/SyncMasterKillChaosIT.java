package org.cometmq.test.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cometmq.test.broker.CometBroker;
import org.cometmq.test.harness.CrossProcess;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of a SYNC_MASTER (SYNC_FLUSH) that has a slave, again and again under a 4-thread send load (5 times in
 * CI, 20 with {@code -Dchaos.long=true}), the master restarted on its own store each time. Before each kill the
 * consumer group pauses its pulls until 150 more sends are acknowledged, so the slave holds a backlog that only it
 * can serve while the master is down: the group must receive every message acknowledged so far from the slave
 * before the master is restarted. Asserted: nothing acknowledged is lost, and the slave's commit log is a
 * byte-identical prefix of the master's, after every kill (up to the offset the slave reported at that moment) and
 * once both stopped gracefully at the end (where the slave must also hold the master's whole log).
 */
@CrossProcess
class SyncMasterKillChaosIT {
    private static final Duration FAULT_BOUND = Duration.ofSeconds(30);
    private static final int BACKLOG = 150;

    @Test
    void killMinus9OfTheSyncMasterLosesNothingAndTheSlaveStaysAPrefixOfIt() throws Exception {
        int kills = ChaosCluster.longRun() ? 20 : 5;
        try (ChaosCluster cluster = ChaosCluster.start("chaos-ha", 1, Map.of("brokerRole", "SYNC_MASTER"))) {
            CometBroker master = cluster.brokers.get(0);
            CometBroker slave = cluster.startSlave(0);
            String topic = cluster.createTopic("ChaosHa", 4, "127.0.0.1");
            Await.untilTrue("the slave copied " + topic, FAULT_BOUND, () -> cluster.admin.getAllTopicConfig(
                slave.address(), 5_000).getTopicConfigTable().containsKey(topic));
            List<String> recoveries = new ArrayList<>();
            ChaosReport report;
            try (ChaosWorkload load = new ChaosWorkload(cluster.namesrv.address(), topic, 4, 50_000)
                .consumerRoutePoll(1_000).start(false, true)) {
                assertTrue(ChaosWorkload.waitMillis(FAULT_BOUND, () -> load.receivedCount() > 0) >= 0,
                    "the group consumes before the first kill");
                for (int kill = 1; kill <= kills; kill++) {
                    recoveries.add(killReadFromSlaveAndRestart(cluster, load, kill));
                }
                assertTrue(load.awaitAcks(BACKLOG, FAULT_BOUND), "acks after the last restart");
                load.stopSending();
                load.awaitDrained(Duration.ofSeconds(60));
                report = load.report("SYNC_MASTER + slave, kill -9 of the master x" + kills + ", 4 producer threads");
            }
            StoppedLogs logs = stopBothAndCompare(cluster);
            recoveries.add(logs.describe());
            report.withRecoveries(recoveries).printAndAssertNoLoss((long) BACKLOG * (kills + 1));
            assertTrue(logs.slaveMax() > 0, logs.describe());
            assertEquals(logs.masterMax(), logs.slaveMax(), "the quiet slave holds the master's whole log");
            assertEquals(-1L, logs.firstDifference(), "first differing offset of the slave's log: " + logs.describe());
        }
    }

    /**
     * One fault: the backlog builds up on both brokers, the master dies, the group reads the backlog from the slave,
     * the master restarts on its store, sends are acknowledged again and the slave catches up with a log that is
     * still the master's byte for byte. Returns the line for the report.
     */
    private static String killReadFromSlaveAndRestart(ChaosCluster cluster, ChaosWorkload load, int kill) {
        CometBroker master = cluster.brokers.get(0);
        CometBroker slave = cluster.slaves.get(0);
        load.suspendConsumers();
        assertTrue(load.awaitAcks(BACKLOG, FAULT_BOUND), "acks before kill " + kill);
        int receivedBefore = load.receivedCount();
        long down = System.nanoTime();
        master.kill9();
        load.resumeConsumers();
        long allFromSlave = ChaosWorkload.waitMillis(FAULT_BOUND, () -> load.lost().isEmpty());
        int fromSlave = load.receivedCount() - receivedBefore;
        assertTrue(fromSlave > 0, "nothing received while the master was down, kill " + kill);
        assertTrue(allFromSlave >= 0, "kill " + kill + ": the slave did not serve every acknowledged message: "
            + load.lost().size() + " missing, " + fromSlave + " received while the master was down");

        long restarting = System.nanoTime();
        master.restart();
        long up = System.nanoTime();
        long nextAck = load.millisUntilNextAck(up, FAULT_BOUND);
        assertTrue(nextAck >= 0, "no SEND_OK after kill " + kill);
        long masterOffset = cluster.commitLogMaxOffset(master);
        boolean caughtUp = ChaosWorkload.waitMillis(FAULT_BOUND,
            () -> cluster.commitLogMaxOffset(slave) >= masterOffset) >= 0;
        long caughtUpAfterBoot = millisSince(up);
        assertTrue(caughtUp, "kill " + kill + ": the slave did not reach the master's offset " + masterOffset);
        long confirmed = cluster.commitLogMaxOffset(slave);
        long difference = CommitLogPrefix.firstDifference(commitLog(master), commitLog(slave), confirmed);
        assertEquals(-1L, difference, "kill " + kill + ": first offset where the slave's log differs below "
            + confirmed);
        return String.format("kill -9 #%d: %d received from the slave while the master was down (all acknowledged "
                + "in %d ms); down %d ms (boot %d ms); next SEND_OK %d ms after boot; slave caught up %d ms after "
                + "boot; slave log = master's over [0, %d)", kill, fromSlave, allFromSlave, (up - down) / 1_000_000,
            (up - restarting) / 1_000_000, nextAck, caughtUpAfterBoot, confirmed);
    }

    /** Both commit-log lengths once the slave caught up, and the slave's log compared after both stopped. */
    private record StoppedLogs(long masterMax, long slaveMax, long firstDifference) {
        String describe() {
            return String.format("graceful stop: master log %d bytes, slave log %d bytes, first difference below "
                + "the slave's length: %s", masterMax, slaveMax, firstDifference < 0 ? "none" : firstDifference);
        }
    }

    private static StoppedLogs stopBothAndCompare(ChaosCluster cluster) {
        CometBroker master = cluster.brokers.get(0);
        CometBroker slave = cluster.slaves.get(0);
        ChaosWorkload.waitMillis(FAULT_BOUND, () -> cluster.commitLogMaxOffset(slave) > 0
            && cluster.commitLogMaxOffset(slave) == cluster.commitLogMaxOffset(master));
        long masterMax = cluster.commitLogMaxOffset(master);
        long slaveMax = cluster.commitLogMaxOffset(slave);
        slave.stop();
        master.stop();
        return new StoppedLogs(masterMax, slaveMax,
            CommitLogPrefix.firstDifference(commitLog(master), commitLog(slave), slaveMax));
    }

    private static Path commitLog(CometBroker broker) {
        return broker.storeDir().resolve("commitlog");
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
