package org.cometmq.test.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.client.producer.SendResult;
import org.cometmq.client.producer.SendStatus;
import org.cometmq.common.message.Message;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.test.broker.CometBroker;
import org.cometmq.test.harness.CrossProcess;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.Test;

/**
 * Two SYNC_FLUSH masters; one is frozen with SIGSTOP under a 4-thread load whose producer has
 * {@code sendLatencyFaultEnable}: sends move to the other master within the retry budget, after SIGCONT the frozen
 * one serves again, and nothing acknowledged is lost. The freeze lasts 30 s with {@code -Dchaos.long=true} and 20 s
 * in CI: two broker boots plus a 30 s freeze and the drain would not fit the 90 s per IT class on the shared
 * 2-core CI machine, and 20 s is still far beyond the 3 s send timeout and the latency-fault isolation the
 * producer applies after a timeout.
 */
@CrossProcess
class SuspendedMasterChaosIT {
    @Test
    void producersMoveToTheOtherMasterAndTheFrozenOneServesAgain() throws Exception {
        Duration freeze = Duration.ofSeconds(ChaosCluster.longRun() ? 30 : 20);
        try (ChaosCluster cluster = ChaosCluster.start("chaos-stop", 2, Map.of());
             ChaosWorkload load = new ChaosWorkload(cluster.namesrv.address(),
                 cluster.createTopic("ChaosStop", 4, "127.0.0.1"), 4, 50_000).start(true, true)) {
            CometBroker frozen = cluster.brokers.get(0);
            assertTrue(load.awaitAcks(300, Duration.ofSeconds(30)), "acks before the freeze");
            long stoppedAt = System.nanoTime();
            Signals.suspend(frozen.process());
            long firstAckElsewhere;
            int acksBefore;
            try {
                firstAckElsewhere = load.millisUntilNextAck(stoppedAt, Duration.ofSeconds(10));
                acksBefore = load.acknowledgedCount();
                ChaosWorkload.pause(freeze.toMillis() - (System.nanoTime() - stoppedAt) / 1_000_000);
            } finally {
                Signals.resume(frozen.process());
            }
            long resumedAt = System.nanoTime();
            int acksDuringFreeze = load.acknowledgedCount() - acksBefore;
            assertTrue(firstAckElsewhere >= 0, "no SEND_OK while a master was frozen");
            assertTrue(acksDuringFreeze >= 100, "only " + acksDuringFreeze + " SEND_OK during the freeze");
            long servesAgain = servesAgain(cluster, load.topic(), frozen, resumedAt);

            assertTrue(load.awaitAcks(200, Duration.ofSeconds(30)));
            load.stopSending();
            load.awaitDrained(Duration.ofSeconds(60));
            load.report("2 masters, one SIGSTOPped " + freeze.toSeconds() + " s, sendLatencyFaultEnable")
                .withRecoveries(List.of(
                    String.format("SIGSTOP: first SEND_OK on the other master %d ms after the freeze, %d SEND_OK "
                        + "during it", firstAckElsewhere, acksDuringFreeze),
                    String.format("SIGCONT: the frozen master stores a send %d ms after resuming", servesAgain)))
                .printAndAssertNoLoss(600);
        }
    }

    /** Sends straight to a queue of the resumed master until one is stored; the time it took after SIGCONT. */
    private static long servesAgain(ChaosCluster cluster, String topic, CometBroker broker, long resumedAt)
        throws Exception {
        DefaultMQProducer direct = ChaosWorkload.producer(cluster.namesrv.address(), "chaos_direct_"
            + System.nanoTime(), false);
        try {
            MessageQueue queue = new MessageQueue(topic, broker.brokerName(), 0);
            SendResult result = Await.until("a send stored by the resumed master", Duration.ofSeconds(30), () -> {
                try {
                    return direct.send(new Message(topic, "probe".getBytes(StandardCharsets.UTF_8)), queue);
                } catch (Exception e) {
                    return null;
                }
            }, r -> r != null && r.getSendStatus() == SendStatus.SEND_OK);
            assertEquals(broker.brokerName(), result.getMessageQueue().getBrokerName());
            return (System.nanoTime() - resumedAt) / 1_000_000;
        } finally {
            direct.shutdown();
        }
    }
}
