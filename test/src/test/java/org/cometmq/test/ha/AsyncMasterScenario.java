package org.cometmq.test.ha;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.client.consumer.PullStatus;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An ASYNC_MASTER (ASYNC_FLUSH) and its slave through one life: a graceful stop of the master loses no acknowledged
 * message (the slave serves all of them); a kill -9 right after the last acknowledgement loses only what the slave
 * had not received (the messages above the slave's end of each queue, which the restarted master still holds); a
 * master restarted after the slave ran alone (consumers read and committed there) ships the gap, so both end with
 * every message and byte-identical commit logs. Counts: 20,000 per phase with -Dha.long=true, 2,000 otherwise.
 */
abstract class AsyncMasterScenario extends HaScenarioBase {
    private static final String TOPIC = "HaAsyncTopic";
    private static final int QUEUES = 4;
    private static final int MESSAGES = ReplicationLoad.messageCount(20_000, 2_000);
    private static final int PROBES = 10;
    private static final Duration SEND_BOUND = Duration.ofSeconds(MESSAGES / 20 + 30);
    private static final Duration CONSUME_BOUND = Duration.ofSeconds(MESSAGES / 50 + 60);
    private static final Duration CATCH_UP_BOUND = Duration.ofSeconds(60);
    private static final int PULL_BATCH = 32;
    private static final String KILL_GROUP = "HaAsyncAfterKillGroup";

    static Map<String, String> asyncMasterSettings() {
        return Map.of("brokerRole", "ASYNC_MASTER", "flushDiskType", "ASYNC_FLUSH");
    }

    /**
     * Whether to check CometMQ's store log on the master: a graceful stop waits until the slave acknowledged its end,
     * and a slave connecting behind it is logged with both offsets.
     */
    protected abstract boolean checksCometStoreLog();

    /** What the slave held and served after the master died. */
    private record FromSlave(long commitLogEnd, long[] queueEnds, ReplicationLoad.Consumed consumed) {
    }

    @BeforeAll
    void prepare() {
        createTopicOnMaster(TOPIC, QUEUES);
        awaitSlaveReplicating();
        ReplicationLoad.awaitSlaveHasTopic(admin, cluster, TOPIC, SYNC_BOUND);
    }

    @Test
    void aGracefulStopLosesNothingAKillOnlyWhatWasInFlightAndARestartShipsTheGap() throws Exception {
        Set<String> acknowledged = new HashSet<>();
        FromSlave afterStop = stopGracefully(acknowledged);
        long firstCatchUpMillis = restartAndProbe(acknowledged);
        FromSlave afterKill = killRightAfterLastAcknowledgement(acknowledged);
        long secondCatchUpMillis = restartAfterTheSlaveRanAlone(acknowledged, afterKill);
        System.out.printf("[%s] acked %d; consumed from the slave %d after the graceful stop (lost %d), %d after the "
                + "kill (lost %d, slave %d bytes behind); slave caught up %d ms after the first restart, %d ms after "
                + "the second%n", getClass().getSimpleName(), acknowledged.size(),
            afterStop.consumed().received().size(), afterStop.consumed().lost().size(),
            afterKill.consumed().received().size(), afterKill.consumed().lost().size(),
            commitLogGap(afterKill), firstCatchUpMillis, secondCatchUpMillis);
    }

    private long commitLogGap(FromSlave afterKill) throws Exception {
        return ReplicationLoad.commitLogMaxOffset(admin, cluster.masterAddr()) - afterKill.commitLogEnd();
    }

    /** Step 1 and 2: N messages, SIGTERM to the master, a new group reads every one from the slave. */
    private FromSlave stopGracefully(Set<String> acknowledged) throws Exception {
        sendAllOk("graceful", MESSAGES, acknowledged);
        long masterEnd = ReplicationLoad.commitLogMaxOffset(admin, cluster.masterAddr());
        cluster.master().process().stop();
        if (checksCometStoreLog()) {
            awaitStoreLogLine("HA shutdown: slaves acknowledged this master's commit-log end " + masterEnd);
        }
        FromSlave fromSlave = readFromSlave("HaAsyncAfterStopGroup", acknowledged);
        assertEquals(Set.of(), fromSlave.consumed().lost(), "acknowledged messages missing on the slave after a "
            + "graceful stop of the master (slave at " + fromSlave.commitLogEnd() + ", master at " + masterEnd + ")");
        assertEquals(masterEnd, fromSlave.commitLogEnd(), "the slave's commit log ends where the stopped master's did");
        return fromSlave;
    }

    /** Step 3: the master back from its store; a few sends prove the slave replicates again. */
    private long restartAndProbe(Set<String> acknowledged) throws Exception {
        cluster.master().restart();
        long start = System.nanoTime();
        sendAllOk("probe", PROBES, acknowledged);
        ReplicationLoad.awaitSlaveCaughtUp(admin, cluster, CATCH_UP_BOUND);
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    /** Step 4: M more, SIGKILL at once; a new group reads what the slave holds, and only acknowledged bodies. */
    private FromSlave killRightAfterLastAcknowledgement(Set<String> acknowledged) throws Exception {
        sendAllOk("kill", MESSAGES, acknowledged);
        cluster.master().process().kill9();
        FromSlave fromSlave = readFromSlave(KILL_GROUP, acknowledged);
        assertEquals(Arrays.stream(fromSlave.queueEnds()).sum(), fromSlave.consumed().received().size(),
            "distinct messages the slave served: all it holds");
        // the consumer commits once more as it shuts down, one-way: wait (bounded) for the slave to have applied it
        String ends = Arrays.toString(fromSlave.queueEnds());
        Await.until(KILL_GROUP + "'s offsets committed on the slave while the master was down to be " + ends,
            SYNC_BOUND, () -> Arrays.toString(ReplicationLoad.committedOffsets(cluster.slaveAddr(), KILL_GROUP, TOPIC,
                QUEUES)), ends::equals);
        return fromSlave;
    }

    /**
     * Step 5: the master restarts after the slave served alone. The master holds every acknowledged message; the
     * ones lost at the kill are exactly those above the slave's end of each queue; the slave catches up (the gap is
     * reported) and both commit logs end byte-identical; a new group reads everything.
     */
    private long restartAfterTheSlaveRanAlone(Set<String> acknowledged, FromSlave afterKill) throws Exception {
        cluster.master().restart();
        long start = System.nanoTime();
        ReplicationLoad.awaitDispatched(admin, cluster.masterAddr(), SYNC_BOUND);
        long masterEnd = ReplicationLoad.commitLogMaxOffset(admin, cluster.masterAddr());
        long[] masterQueueEnds = queueEnds(cluster.masterAddr());
        assertEquals(acknowledged.size(), Arrays.stream(masterQueueEnds).sum(),
            "messages on the restarted master: every acknowledged one");
        assertEquals(afterKill.consumed().lost(), bodiesOnMaster(afterKill.queueEnds(), masterQueueEnds),
            "the messages lost at the kill are those above the slave's end of each queue");
        long caughtUp = ReplicationLoad.awaitSlaveCaughtUp(admin, cluster, CATCH_UP_BOUND);
        long catchUpMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertEquals(masterEnd, caughtUp, "the slave reached the restarted master's end");
        if (checksCometStoreLog()) {
            awaitGapLogged(afterKill.commitLogEnd(), masterEnd);
        }
        ReplicationLoad.awaitDispatched(admin, cluster.slaveAddr(), SYNC_BOUND);
        assertArrayEquals(masterQueueEnds, queueEnds(cluster.slaveAddr()), "queue ends on the slave");
        ReplicationLoad.assertCommitLogsIdentical(cluster.master().commitLogDir(), cluster.slave().commitLogDir(),
            masterEnd);
        ReplicationLoad.Consumed all = ReplicationLoad.consumeAll(cluster.namesrv().address(),
            "HaAsyncAfterRestartGroup", TOPIC, acknowledged, CONSUME_BOUND);
        assertEquals(Set.of(), all.lost(), "acknowledged messages a new group cannot read after the restart");
        return catchUpMillis;
    }

    private void sendAllOk(String prefix, int count, Set<String> acknowledged) throws Exception {
        ReplicationLoad.Sent sent = ReplicationLoad.sendWithNewProducer(cluster.namesrv().address(),
            "HaAsyncProducer", TOPIC, prefix, count, SEND_BOUND);
        assertEquals(0, sent.notOk().size(), "every send to the ASYNC_MASTER answered SEND_OK: " + sent.notOkSummary());
        acknowledged.addAll(sent.acknowledged());
    }

    /** With the master gone: the slave's ends, then a new group consuming until it got all the slave holds. */
    private FromSlave readFromSlave(String group, Set<String> acknowledged) throws Exception {
        long commitLogEnd = ReplicationLoad.commitLogMaxOffset(admin, cluster.slaveAddr());
        ReplicationLoad.awaitDispatched(admin, cluster.slaveAddr(), SYNC_BOUND);
        long[] ends = queueEnds(cluster.slaveAddr());
        ReplicationLoad.Consumed consumed = ReplicationLoad.consume(cluster.namesrv().address(), group, TOPIC,
            acknowledged, (int) Arrays.stream(ends).sum(), CONSUME_BOUND);
        assertTrue(acknowledged.containsAll(consumed.received().keySet()), "only acknowledged messages are consumed");
        return new FromSlave(commitLogEnd, ends, consumed);
    }

    private long[] queueEnds(String brokerAddr) throws Exception {
        return ReplicationLoad.queueMaxOffsets(brokerAddr, TOPIC, QUEUES);
    }

    /** The bodies at queue offsets {@code from[q]} (inclusive) to {@code to[q]} (exclusive), pulled from the master. */
    private Set<String> bodiesOnMaster(long[] from, long[] to) throws Exception {
        Set<String> bodies = new TreeSet<>();
        DefaultMQPullConsumer consumer = new DefaultMQPullConsumer("HaAsyncRangeReader");
        consumer.setNamesrvAddr(cluster.namesrv().address());
        consumer.setVipChannelEnabled(false);
        consumer.setInstanceName("ha_async_range_" + ProcessHandle.current().pid());
        consumer.start();
        try {
            for (int queueId = 0; queueId < QUEUES; queueId++) {
                MessageQueue queue = new MessageQueue(TOPIC, cluster.brokerName(), queueId);
                long offset = from[queueId];
                for (int pulls = 0; offset < to[queueId] && pulls <= MESSAGES; pulls++) {
                    PullResult result = consumer.pull(queue, "*", offset, PULL_BATCH);
                    assertEquals(PullStatus.FOUND, result.getPullStatus(), queue + " at " + offset);
                    for (MessageExt message : result.getMsgFoundList()) {
                        if (message.getQueueOffset() < to[queueId]) {
                            bodies.add(new String(message.getBody(), StandardCharsets.UTF_8));
                        }
                    }
                    offset = result.getNextBeginOffset();
                }
            }
        } finally {
            consumer.shutdown();
        }
        return bodies;
    }

    /** CometMQ's master logs the slave's and its own commit-log end when the slave reconnects behind it. */
    private void awaitGapLogged(long slaveEnd, long masterEnd) {
        String logged = awaitStoreLogLine("slave commit-log offset " + slaveEnd + ", master commit-log offset "
            + masterEnd + " (" + (masterEnd - slaveEnd) + " bytes behind)");
        assertEquals(slaveEnd < masterEnd, logged.contains(" WARN "), "a gap is a WARN, no gap an INFO: " + logged);
    }

    /** The first line of the master's store.log containing {@code text}, waited for (the appender is async). */
    private String awaitStoreLogLine(String text) {
        Path storeLog = cluster.master().logDir().resolve("store.log");
        return Await.until("'" + text + "' in " + storeLog, SYNC_BOUND, () -> !Files.isRegularFile(storeLog)
            ? "" : Files.readAllLines(storeLog).stream().filter(l -> l.contains(text)).findFirst().orElse(""),
            found -> !found.isEmpty());
    }
}
