package org.cometmq.test.ha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replication on the HA port between different implementations (subclasses pick which side is Apache 4.9.7):
 * after the Apache producer's messages the slave's commit-log files are byte-identical to the master's, and after
 * the master is stopped an Apache push consumer of a new group reads every message from the slave. Counts: 10,000
 * with -Dha.long=true (the figure), 2,000 otherwise to keep the class within CI's budget.
 */
abstract class ReplicationInteropScenario extends HaScenarioBase {
    private static final String TOPIC = "HaInteropTopic";
    private static final int MESSAGES = ReplicationLoad.messageCount(10_000, 2_000);
    private static final Duration SEND_BOUND = Duration.ofSeconds(MESSAGES / 20 + 30);
    private static final Duration CATCH_UP_BOUND = Duration.ofSeconds(60);
    /** 256 KiB commit-log files on both sides, so that the messages span several files (and their end records). */
    static final Map<String, String> SMALL_FILES = Map.of("mappedFileSizeCommitLog", Integer.toString(256 * 1024));
    private static final Duration CONSUME_BOUND = Duration.ofSeconds(MESSAGES / 100 + 60);

    @BeforeAll
    void prepare() throws Exception {
        createTopicOnMaster(TOPIC, 4);
        awaitSlaveReplicating();
    }

    @Test
    void theSlavesCommitLogIsAByteCopyAndServesEveryMessageOnceTheMasterStopped() throws Exception {
        ReplicationLoad.Sent sent = ReplicationLoad.sendWithNewProducer(cluster.namesrv().address(),
            "HaInteropProducer", TOPIC, "interop", MESSAGES, SEND_BOUND);
        assertEquals(0, sent.notOk().size(), "every send answered SEND_OK: " + sent.notOkSummary());
        long caughtUpAt = ReplicationLoad.awaitSlaveCaughtUp(admin, cluster, CATCH_UP_BOUND);
        int files = ReplicationLoad.assertCommitLogsIdentical(cluster.master().commitLogDir(),
            cluster.slave().commitLogDir(), caughtUpAt);
        ReplicationLoad.awaitSlaveHasTopic(admin, cluster, TOPIC, SYNC_BOUND);
        cluster.master().process().stop();

        ReplicationLoad.Consumed consumed = ReplicationLoad.consumeAll(cluster.namesrv().address(),
            "HaInteropFreshGroup", TOPIC, sent.acknowledged(), CONSUME_BOUND);
        System.out.printf("[%s] %d SEND_OK in %d ms (%d resent after flow control); slave caught up at offset %d, "
                + "%d commit-log file(s) identical; consumed %d unique (%d deliveries) from the slave in %d ms; "
                + "lost %d%n", getClass().getSimpleName(), sent.acknowledged().size(), sent.millis(),
            sent.flowControlled(), caughtUpAt, files, consumed.received().size(), consumed.deliveries(),
            consumed.millis(), consumed.lost().size());
        assertEquals(Set.of(), consumed.lost(), "messages missing on the slave");
        assertTrue(sent.acknowledged().containsAll(consumed.received().keySet()), "only sent messages are consumed");
    }
}
